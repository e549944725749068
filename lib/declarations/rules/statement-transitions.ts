/**
 * Statement transitions and what they do to their line items.
 *
 * Source: voiding-declarations.md, "Frozen cohorts and statements".
 * - Open → payable, from the day after the statement's cut-off date: its eligible
 *   line items become payable (transition `make_payable`).
 * - Payable → paid, when DfE authorises the payment: its payable line items become
 *   paid (`pay`) and its awaiting_clawback line items become clawed_back
 *   (`claw_back`).
 * Other line items (ineligible, voided, …) are unchanged. A declaration's own state
 * follows its line item on that statement. The plans say whether the statement may
 * move; the line item states that move with it are `lineItemStateWhenStatementPayable`
 * and `lineItemStateWhenStatementPaid`.
 */
import type { DeclarationState } from "@/lib/domain/declaration-states";
import type { StatementStatus } from "@/lib/domain/statement-statuses";
import { formatUtcDate, utcDay } from "./calendar-date";
import { refuse, type Result } from "./result";
import { applyIfAllowed } from "./transitions";

export interface StatementForTransition {
  id: string;
  status: StatementStatus;
  /** The milestone cut-off date. */
  deadlineDate: Date;
}

export interface StatementTransitionPlan {
  statementId: string;
  from: StatementStatus;
  to: StatementStatus;
}

/** eligible → payable; every other state unchanged. */
export function lineItemStateWhenStatementPayable(state: DeclarationState): DeclarationState {
  return applyIfAllowed("make_payable", state);
}

/** payable → paid, awaiting_clawback → clawed_back; every other state unchanged. */
export function lineItemStateWhenStatementPaid(state: DeclarationState): DeclarationState {
  return applyIfAllowed("claw_back", applyIfAllowed("pay", state));
}

export function markStatementPayable(
  statement: StatementForTransition,
  today: Date,
): Result<StatementTransitionPlan, "statement_not_open" | "before_cut_off"> {
  if (statement.status === "payable") return refuse("statement_not_open", "This statement is already payable.");
  if (statement.status === "paid") return refuse("statement_not_open", "This statement has already been paid.");
  if (!(utcDay(today) > utcDay(statement.deadlineDate))) {
    return refuse(
      "before_cut_off",
      `This statement cannot become payable until after its cut-off date, ${formatUtcDate(statement.deadlineDate)}.`,
    );
  }
  return {
    ok: true,
    statementId: statement.id,
    from: "open",
    to: "payable",
  };
}

export function authoriseStatementPayment(
  statement: StatementForTransition,
): Result<StatementTransitionPlan, "statement_not_payable" | "statement_already_paid"> {
  if (statement.status === "open") {
    return refuse("statement_not_payable", "This statement cannot be authorised for payment until it is payable.");
  }
  if (statement.status === "paid") {
    return refuse("statement_already_paid", "This statement has already been authorised for payment.");
  }
  return {
    ok: true,
    statementId: statement.id,
    from: "payable",
    to: "paid",
  };
}
