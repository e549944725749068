// Payable → paid: a finance user authorises a statement for payment. One transaction with the
// statement row locked: DfE's authorise rule (authoriseStatementPayment: an output statement, past
// its cut-off, payable, with declarations; otherwise a refusal that changes nothing), then payable line items (and their declarations) → paid, awaiting_clawback →
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
import { calculateStatement, MissingContractError } from "./calculation";
import { lockStatement, moveLineItems, stateMoves } from "./transitions";
import { buildStatementView, type StatementView } from "./view";

export type AuthoriseRefusalCode = "not_found" | AuthoriseRefusalReason | "missing_contract";

export type AuthoriseOutcome =
  | { ok: true; statementId: string; lineItemsPaid: number; lineItemsClawedBack: number; view: StatementView }
  | Refusal<AuthoriseRefusalCode>;

/**
 * Whether the statement may be authorised for payment now, and if not why (DfE's rule,
 * authoriseStatementPayment): what the statement and authorise pages ask before offering the button.
 */
export async function checkAuthorisation(
  db: Queryable,
  statement: { id: string; status: StatementStatus; deadlineDate: string | Date; outputFee: boolean },
  now = new Date(),
): Promise<Result<StatementTransitionPlan, AuthoriseRefusalReason>> {
  const lineItemCount = await db.statementLineItem.count({ where: { statementId: statement.id } });
  return authoriseStatementPayment(
    { id: statement.id, status: statement.status, deadlineDate: new Date(statement.deadlineDate), outputFee: statement.outputFee, lineItemCount },
    now,
  );
}

/** Authorises a payable statement for payment (see the top of this file). Refusals change nothing. */
export async function authoriseStatement(
  prisma: PrismaClient,
  request: { statementId: string; actor: Actor; now?: Date },
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

        const moved = await moveLineItems(tx, statement.id, moves, now);
        await tx.statement.update({
          where: { id: statement.id },
          data: { status: plan.to, markedAsPaidAt: now, markedAsPaidBy: request.actor.label },
        });
        const calculation = await calculateStatement(tx, statement.id);
        if (!calculation) throw new Error(`Statement ${statement.id} disappeared while it was being authorised`);
        const view = buildStatementView(calculation, now);
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
