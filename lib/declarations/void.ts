// Voiding a declaration: one transaction that locks the declaration row, re-checks its state and
// its cohort's freeze, applies the lifecycle's plan (`planVoid`, lib/declarations/rules/voiding.ts)
// and writes the audit entry. Used by the finance pages and the lead provider API alike; a refusal
// is a code with its data, which each of them words (lib/api/declarations.ts, the void page's copy).
//
// Concurrency: the declaration row is locked (SELECT … FOR UPDATE) before anything is read, so two
// voids of one declaration (a double submit, two users, the API and a user) run one after the
// other; the second reads the first's result and is refused ("already voided"). The clawback
// statement is locked FOR SHARE so it cannot be authorised for payment before this commits.
import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import {
  canApply,
  DECLARATION_TRANSITIONS,
  isVoidable,
  planVoid,
  selectOutputStatement,
  type Refused,
  type VoidRefusal,
} from "@/lib/declarations/rules/lifecycle";
import type { DeclarationState } from "@/lib/domain/declaration-states";
import type { Actor } from "@/lib/db/audit";
import type { Queryable } from "@/lib/db/query";
import { inTransaction, type ChangeRecorder } from "@/lib/db/transaction";
import { isUuid } from "@/lib/validation/ids";
import { moneyEvent } from "@/lib/log";

export type VoidRequest = {
  declarationId: string;
  actor: Actor;
  reason: string | null;
  /** The state the user saw; a different state now means someone else changed it. */
  expectedState?: DeclarationState;
  /** API callers: only their own lead provider's declarations exist for them. */
  leadProviderId?: string;
  now?: Date;
};

export type VoidOutcome =
  | {
      ok: true;
      kind: "void" | "clawback";
      declarationId: string;
      userId: string;
      from: DeclarationState;
      state: DeclarationState;
      clawbackStatement: { id: string; name: string } | null;
    }
  | VoidRefusal
  | Refused<"not_found">;

export type ClawbackStatement = { id: string; name: string; deadlineDate: Date; paymentDate: Date };

/**
 * The statement a paid declaration's clawback goes on if it is voided `now`: the lead provider's
 * next open output statement for the cohort (`selectOutputStatement`). The check-your-answers page
 * previews with this and the transaction uses it, so both name the same statement.
 */
export async function findClawbackStatement(
  db: Queryable,
  declaration: { leadProviderId: string; cohortId: string; cohortStartYear: number },
  now: Date,
): Promise<ClawbackStatement | null> {
  const open = await db.statement.findMany({
    where: { leadProviderId: declaration.leadProviderId, cohortId: declaration.cohortId, status: "open", outputFee: true },
    select: { id: true, name: true, status: true, outputFee: true, deadlineDate: true, paymentDate: true },
  });
  const selected = selectOutputStatement(open, now, declaration.cohortStartYear);
  if (!selected.ok) return null;
  const { id, name, deadlineDate, paymentDate } = selected.statement;
  return { id, name, deadlineDate, paymentDate };
}

/** What `voided_by` records: a staff user's email, or "api:<lead provider id>" (as the seed does). */
function voidedBy(actor: Actor): string {
  return actor.type === "api" ? `api:${actor.id}` : actor.label;
}

export async function voidDeclaration(prisma: PrismaClient, request: VoidRequest): Promise<VoidOutcome> {
  const now = request.now ?? new Date();
  const notFound = { ok: false, code: "not_found" } as const;
  // A malformed id would make the ::uuid cast fail: it is simply a declaration that does not exist.
  if (!isUuid(request.declarationId)) return notFound;
  if (request.leadProviderId !== undefined && !isUuid(request.leadProviderId)) return notFound;

  return inTransaction(prisma, (tx, change) => voidInTransaction(tx, change, request, now));
}

/**
 * The inside of voidDeclaration, for a caller that already holds a transaction (merging duplicate
 * participants voids the declarations the merge makes duplicates, in its own transaction). Locks the
 * declaration row, applies planVoid, writes the line items and the audit entry; the log line waits
 * for the commit. The id must already be a valid UUID.
 */
export async function voidInTransaction(
  tx: Prisma.TransactionClient,
  change: ChangeRecorder,
  request: VoidRequest,
  now: Date,
): Promise<VoidOutcome> {
  const notFound = { ok: false, code: "not_found" } as const;
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT id::text FROM participant_declarations WHERE id = ${request.declarationId}::uuid FOR UPDATE`;
  if (locked.length === 0) return notFound;

  const declaration = await tx.participantDeclaration.findUniqueOrThrow({
    where: { id: request.declarationId },
    include: { cohort: true, lineItems: { include: { statement: { select: { id: true, name: true } } } } },
  });
  if (request.leadProviderId && declaration.leadProviderId !== request.leadProviderId) return notFound;

  let clawbackStatement: { id: string; name: string } | null = null;
  if (canApply("void_paid", declaration.state)) {
    const selected = await findClawbackStatement(
      tx,
      { leadProviderId: declaration.leadProviderId, cohortId: declaration.cohortId, cohortStartYear: declaration.cohort.startYear },
      now,
    );
    if (selected) {
      // Holds the statement open until we commit: authorising it waits for this void.
      await tx.$queryRaw`SELECT id FROM statements WHERE id = ${selected.id}::uuid FOR SHARE`;
      clawbackStatement = { id: selected.id, name: selected.name };
    }
  }

  const plan = planVoid(
    {
      state: declaration.state,
      expectedState: request.expectedState,
      cohortStartYear: declaration.cohort.startYear,
      cohortPaymentsFrozen: declaration.cohort.paymentsFrozenAt !== null,
    },
    clawbackStatement,
  );
  if (!plan.ok) return plan;

  await tx.participantDeclaration.update({
    where: { id: declaration.id },
    data: { state: plan.state, voidedAt: now, voidedBy: voidedBy(request.actor) },
  });
  if (plan.kind === "void") {
    // The line item stays on its statement, now voided; unless that statement is paid (an
    // ineligible declaration's line item): a paid statement stays as it was authorised (the
    // database refuses any change to its line items, migration 20261206002300_hardening).
    await tx.statementLineItem.updateMany({
      where: {
        participantDeclarationId: declaration.id,
        state: { in: [...DECLARATION_TRANSITIONS.void.from] },
        statement: { status: { not: "paid" } },
      },
      data: { state: "voided" },
    });
  } else {
    await tx.statementLineItem.create({
      data: { participantDeclarationId: declaration.id, statementId: plan.newLineItem.statementId, state: plan.newLineItem.state },
    });
  }
  // The line item voiding acts on: the one in the declaration's own (voidable) state.
  const original = declaration.lineItems.find((li) => isVoidable(li.state));
  await change.audit({
    actor: request.actor,
    action: plan.kind === "void" ? "declaration.void" : "declaration.void_paid",
    entityType: "declaration",
    entityId: declaration.id,
    userId: declaration.userId,
    reason: request.reason,
    before: { state: declaration.state, statementId: original?.statement.id ?? null, statementName: original?.statement.name ?? null },
    after: {
      state: plan.state,
      statementId: original?.statement.id ?? null,
      clawbackStatementId: clawbackStatement?.id ?? null,
      clawbackStatementName: clawbackStatement?.name ?? null,
    },
  });
  const clawback = plan.kind === "clawback" ? clawbackStatement : null;
  // After the commit: the log never reports a void that rolled back.
  change.afterCommit(() =>
    moneyEvent(plan.kind === "void" ? "declaration.void" : "declaration.void_paid", request.actor, {
      declarationId: declaration.id,
      participantUserId: declaration.userId,
      leadProviderId: request.leadProviderId,
      from: declaration.state,
      state: plan.state,
      clawbackStatementId: clawback?.id ?? null,
    }),
  );
  return {
    ok: true,
    kind: plan.kind,
    declarationId: declaration.id,
    userId: declaration.userId,
    from: declaration.state,
    state: plan.state,
    clawbackStatement: clawback,
  };
}
