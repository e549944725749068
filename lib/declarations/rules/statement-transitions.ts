/**
 * Statement transitions and what they do to their line items.
 *
 * Source: voiding-declarations.md, "Frozen cohorts and statements".
 * - Open → payable, from the day after the statement's cut-off date: its eligible
 *   line items become payable (transition `make_payable`).
 * - Payable → paid, when DfE authorises the payment: its payable line items become
 *   paid (`pay`) and its awaiting_clawback line items become clawed_back
 *   (`claw_back`). DfE authorises only an output statement past its cut-off with
 *   declarations on it (`authoriseStatementPayment`).
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

/** What DfE's authorise rule reads: the statement, and how many line items (declarations) it has. */
export interface StatementForAuthorisation extends StatementForTransition {
  /** False: a statement that pays service fees only. */
  outputFee: boolean;
  /** The statement's line items, in any state. */
  lineItemCount: number;
}

export type AuthoriseRefusalReason = "statement_already_paid" | "service_fee_only" | "before_cut_off" | "statement_not_payable" | "no_declarations";

/**
 * DfE's authorise rule: payable → paid only for an output statement that is payable, past its
 * cut-off date (today is after it), not yet paid, and has declarations (line items). The one rule
 * the statement page (whether to offer "Authorise for payment"), the authorise page and the
 * authorise transaction ask, so the server refuses what the page hides. The refusals, in the order
 * they are checked, each say why.
 */
export function authoriseStatementPayment(
  statement: StatementForAuthorisation,
  today: Date,
): Result<StatementTransitionPlan, AuthoriseRefusalReason> {
  if (statement.status === "paid") {
    return refuse("statement_already_paid", "This statement has already been authorised for payment.");
  }
  if (!statement.outputFee) {
    return refuse("service_fee_only", "This statement pays service fees only, so there is nothing to authorise.");
  }
  if (!(utcDay(today) > utcDay(statement.deadlineDate))) {
    return refuse(
      "before_cut_off",
      `This statement cannot be authorised until its cut-off date, ${formatUtcDate(statement.deadlineDate)}, has passed.`,
    );
  }
  if (statement.status !== "payable") {
    return refuse("statement_not_payable", "This statement cannot be authorised for payment until it is payable.");
  }
  if (statement.lineItemCount <= 0) {
    return refuse("no_declarations", "There are no declarations on this statement to authorise.");
  }
  return {
    ok: true,
    statementId: statement.id,
    from: "payable",
    to: "paid",
  };
}
