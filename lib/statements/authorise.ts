// Payable → paid: an approver authorises a statement for payment. One transaction with the
// statement row locked: DfE's authorise rule (authoriseStatementPayment: an output statement, past
// its cut-off, payable, with declarations; otherwise a refusal that changes nothing), who may
// authorise (rules/authoriser.ts: an approver who has not adjusted this statement, with no
// adjustment awaiting approval), the figures the approver checked (rules/figures-check.ts: refused
// if they changed since), then payable line items (and their declarations) → paid, awaiting_clawback →
// clawed_back, the statement → paid with the time and the user, the calculated statement stored as
// its snapshot (view.ts), and an audit entry; the log line only once it has committed.
import type { PrismaClient } from "@/generated/prisma/client";
import { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/lib/db/audit";
import { inTransaction, LONG_TRANSACTION_SETTINGS } from "@/lib/db/transaction";
import { moneyEvent } from "@/lib/log";
import {
  authoriseStatementPayment,
  lineItemStateWhenStatementPaid,
  type AuthoriseRefusalReason,
  type Refusal,
  type Result,
  type StatementTransitionPlan,
} from "@/lib/declarations/rules/lifecycle";
import type { Queryable } from "@/lib/db/query";
import type { StatementStatus } from "@/lib/domain/statement-statuses";
import { adjustedStatement, adjustmentsAwaitingApproval } from "./adjustments";
import { calculateStatement, MissingContractError } from "./calculation";
import { authoriserRefusal, type AuthoriserRefusalReason } from "./rules/authoriser";
import { FIGURES_CHANGED_MESSAGE, sameFigures, statementFigures, type StatementFigures } from "./rules/figures-check";
import { lockStatement, moveLineItems, stateMoves } from "./transitions";
import { buildStatementView, type StatementView } from "./view";

export type AuthoriseRefusalCode = "not_found" | AuthoriseRefusalReason | AuthoriserRefusalReason | "figures_changed" | "missing_contract";

export type AuthoriseOutcome =
  | { ok: true; statementId: string; lineItemsPaid: number; lineItemsClawedBack: number; view: StatementView }
  | (Refusal<AuthoriseRefusalCode> & { figures?: StatementFigures });

/** What the approver saw on the authorise page: the figures' fingerprint and the total with VAT. */
export type CheckedFigures = { fingerprint: string; totalWithVat: string };

/** The authorise page's figures, to carry in its form (rules/figures-check.ts). */
export function figuresOf(view: StatementView): StatementFigures {
  return statementFigures({ result: view.result, adjustments: view.adjustments });
}

/** Who may authorise, as the audit trail and the statement's adjustments say (rules/authoriser.ts). */
async function authoriser(db: Queryable, statementId: string, user: { id: string; roles: readonly string[] }) {
  return authoriserRefusal({
    isApprover: user.roles.includes("approver"),
    adjustedThisStatement: await adjustedStatement(db, statementId, user.id),
    adjustmentsAwaitingApproval: await adjustmentsAwaitingApproval(db, statementId),
  });
}

/**
 * Whether this user may authorise the statement for payment now, and if not why: DfE's rule
 * (authoriseStatementPayment) first, then who may authorise (rules/authoriser.ts). What the
 * statement and authorise pages ask before offering the button.
 */
export async function checkAuthorisation(
  db: Queryable,
  statement: { id: string; status: StatementStatus; deadlineDate: string | Date; outputFee: boolean },
  user: { id: string; roles: readonly string[] },
  now = new Date(),
): Promise<Result<StatementTransitionPlan, AuthoriseRefusalReason | AuthoriserRefusalReason>> {
  const lineItemCount = await db.statementLineItem.count({ where: { statementId: statement.id } });
  const plan = authoriseStatementPayment(
    { id: statement.id, status: statement.status, deadlineDate: new Date(statement.deadlineDate), outputFee: statement.outputFee, lineItemCount },
    now,
  );
  if (!plan.ok) return plan;
  return (await authoriser(db, statement.id, user)) ?? plan;
}

/** Authorises a payable statement for payment (see the top of this file). Refusals change nothing. */
export async function authoriseStatement(
  prisma: PrismaClient,
  request: { statementId: string; actor: Actor; checked: CheckedFigures; now?: Date },
): Promise<AuthoriseOutcome> {
  const now = request.now ?? new Date();
  const moves = stateMoves(lineItemStateWhenStatementPaid);
  try {
    return await inTransaction(
      prisma,
      async (tx, change): Promise<AuthoriseOutcome> => {
        const statement = await lockStatement(tx, request.statementId);
        if (!statement) return { ok: false, code: "not_found", message: "There is no statement with this ID." };
        const plan = authoriseStatementPayment(
          {
            id: statement.id,
            status: statement.status,
            deadlineDate: statement.deadlineDate,
            outputFee: statement.outputFee,
            lineItemCount: statement._count.lineItems,
          },
          now,
        );
        if (!plan.ok) return plan;
        const roles = (await tx.staffUser.findUnique({ where: { id: request.actor.id }, select: { roles: true } }))?.roles ?? [];
        const refusal = await authoriser(tx, statement.id, { id: request.actor.id, roles: request.actor.type === "staff" ? roles : [] });
        if (refusal) return refusal;
        // One calculation, under the lock: the figures to compare with what the approver checked, and
        // (as paid) the snapshot. Paying moves line items between states the engine and the
        // declarations summary count alike (payable → paid: billable; awaiting_clawback →
        // clawed_back: clawed back), so the figures are the same before and after the moves.
        const calculation = await calculateStatement(tx, statement.id);
        if (!calculation) throw new Error(`Statement ${statement.id} disappeared while it was being authorised`);
        const figures = figuresOf(buildStatementView(calculation, now));
        if (!sameFigures(request.checked, figures)) return { ok: false, code: "figures_changed", message: FIGURES_CHANGED_MESSAGE, figures };

        const moved = await moveLineItems(tx, statement.id, moves, now);
        const paid = { status: plan.to, markedAsPaidAt: now, markedAsPaidBy: request.actor.label };
        await tx.statement.update({ where: { id: statement.id }, data: paid });
        const view = buildStatementView({ ...calculation, statement: { ...calculation.statement, ...paid } }, now);
        await tx.statement.update({ where: { id: statement.id }, data: { snapshot: view as unknown as Prisma.InputJsonValue } });
        const lineItemsPaid = moved.payable ?? 0;
        const lineItemsClawedBack = moved.awaiting_clawback ?? 0;
        const totals = { total: view.result.total, vat: view.result.vat, totalWithVat: view.result.totalWithVat };
        await change.audit({
          actor: request.actor,
          action: "statement.authorise",
          entityType: "statement",
          entityId: statement.id,
          before: { status: plan.from },
          after: { status: plan.to, lineItemsPaid, lineItemsClawedBack, ...totals },
        });
        change.afterCommit(() =>
          moneyEvent("statement.authorise", request.actor, { statementId: statement.id, state: "paid", lineItemsPaid, lineItemsClawedBack, ...totals }),
        );
        return { ok: true, statementId: statement.id, lineItemsPaid, lineItemsClawedBack, view };
      },
      LONG_TRANSACTION_SETTINGS,
    );
  } catch (error) {
    if (error instanceof MissingContractError) return { ok: false, code: "missing_contract", message: error.message };
    throw error;
  }
}
