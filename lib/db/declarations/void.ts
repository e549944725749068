// Voiding a declaration: one transaction that locks the declaration row, re-checks its state and
// its cohort's freeze, applies the lifecycle's plan (lib/declarations) and writes the audit entry.
// Used by the finance pages and the lead provider API alike.
import type { PrismaClient } from "@/generated/prisma/client";
import { planVoid, selectOutputStatement, type Refusal, type VoidRefusalCode } from "@/lib/declarations/lifecycle";
import { isBillable, type DeclarationState } from "@/lib/domain/declaration-states";
import { writeAudit, type Actor } from "@/lib/db/audit";

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
  | Refusal<VoidRefusalCode | "not_found">;

const TRANSACTION = { maxWait: 10_000, timeout: 20_000 } as const;

export async function voidDeclaration(prisma: PrismaClient, request: VoidRequest): Promise<VoidOutcome> {
  const now = request.now ?? new Date();
  return prisma.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT id::text FROM participant_declarations WHERE id = ${request.declarationId}::uuid FOR UPDATE`;
    if (locked.length === 0) return { ok: false, code: "not_found", message: "There is no declaration with this ID." } as const;

    const declaration = await tx.participantDeclaration.findUniqueOrThrow({
      where: { id: request.declarationId },
      include: { cohort: true, lineItems: { include: { statement: { select: { id: true, name: true } } } } },
    });
    if (request.leadProviderId && declaration.leadProviderId !== request.leadProviderId) {
      return { ok: false, code: "not_found", message: "There is no declaration with this ID." } as const;
    }

    let clawbackStatement: { id: string; name: string } | null = null;
    if (declaration.state === "paid") {
      const open = await tx.statement.findMany({
        where: { leadProviderId: declaration.leadProviderId, cohortId: declaration.cohortId, status: "open", outputFee: true },
        select: { id: true, name: true, status: true, outputFee: true, deadlineDate: true, paymentDate: true },
      });
      const selected = selectOutputStatement(open, now, declaration.cohort.startYear);
      if (selected.ok) {
        // Holds the statement open until we commit: authorising it waits for this void.
        await tx.$queryRaw`SELECT id FROM statements WHERE id = ${selected.statement.id}::uuid FOR SHARE`;
        clawbackStatement = { id: selected.statement.id, name: selected.statement.name };
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
      data: { state: plan.state, voidedAt: now, voidedBy: request.actor.label },
    });
    if (plan.kind === "void") {
      // The line item stays on its statement, now voided.
      await tx.statementLineItem.updateMany({
        where: { participantDeclarationId: declaration.id, state: { in: ["submitted", "eligible", "payable", "ineligible"] } },
        data: { state: "voided" },
      });
    } else {
      await tx.statementLineItem.create({
        data: { participantDeclarationId: declaration.id, statementId: plan.newLineItem.statementId, state: plan.newLineItem.state },
      });
    }
    const original = declaration.lineItems.find((li) => isBillable(li.state) || li.state === "ineligible" || li.state === "submitted");
    await writeAudit(tx, {
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
    return {
      ok: true,
      kind: plan.kind,
      declarationId: declaration.id,
      userId: declaration.userId,
      from: declaration.state,
      state: plan.state,
      clawbackStatement: plan.kind === "clawback" ? clawbackStatement : null,
    } as const;
  }, TRANSACTION);
}
