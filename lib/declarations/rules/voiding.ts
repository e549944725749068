/**
 * Voiding a declaration.
 *
 * Source: voiding-declarations.md, "Impact of voiding on declaration states",
 * "Validation rules", "Error handling" and "Frozen cohorts and statements".
 * - submitted, eligible, payable, ineligible → voided. The line item (if any) is
 *   voided and stays on its original statement.
 * - paid → awaiting_clawback, with a new refundable line item (awaiting_clawback)
 *   on the lead provider's next open output statement for the cohort
 *   (clawback_statement_id). With no such statement the void is refused.
 * - voided, awaiting_clawback, clawed_back cannot be voided.
 *
 * Checks, in order: frozen cohort; states that cannot be voided (their messages say
 * more than "it changed"); the state the user saw (`expectedState`), if given;
 * then, for a paid declaration, a statement to claw it back on.
 */
import type { DeclarationState } from "@/lib/domain/declaration-states";
import { frozenCohortMessage, type CohortFunding } from "./frozen-cohort";
import { refuse, type Refusal } from "./result";
import { canApply } from "./transitions";

export type VoidRefusalCode =
  | "cohort_frozen"
  | "already_voided"
  | "awaiting_clawback"
  | "clawed_back"
  | "state_changed"
  | "no_clawback_statement";

export const VOID_MESSAGES = {
  already_voided: "This declaration has already been voided.",
  awaiting_clawback: "This declaration has already been voided.",
  clawed_back: "This declaration has been clawed-back, so you can only view it.",
  state_changed: "This declaration has changed since you opened this page. Check its details and try again.",
} as const;

export function noClawbackStatementMessage(cohortStartYear: number): string {
  return `There is no open output statement for the ${cohortStartYear} cohort to claw this payment back on, so this declaration cannot be voided.`;
}

export interface VoidRequest extends CohortFunding {
  /** The declaration's current state. */
  state: DeclarationState;
  /** The state the user saw when they chose to void, if known. */
  expectedState?: DeclarationState;
}

export type VoidPlan =
  | {
      ok: true;
      kind: "void";
      transition: "void";
      from: Extract<DeclarationState, "submitted" | "eligible" | "payable" | "ineligible">;
      state: "voided";
      /** The existing line item (if any) becomes voided and stays on its statement. */
      lineItemState: "voided";
    }
  | {
      ok: true;
      kind: "clawback";
      transition: "void_paid";
      from: "paid";
      state: "awaiting_clawback";
      clawbackStatementId: string;
      /** A new refundable line item; the original paid line item is left as it is. */
      newLineItem: { statementId: string; state: "awaiting_clawback" };
    };

/** Whether a declaration in this state can be voided (the "Void" button shows). */
export function isVoidable(state: DeclarationState): boolean {
  return canApply("void", state) || canApply("void_paid", state);
}

export function planVoid(
  request: VoidRequest,
  nextOpenOutputStatement: { id: string } | null,
): VoidPlan | Refusal<VoidRefusalCode> {
  const { state } = request;
  if (request.cohortPaymentsFrozen) return refuse("cohort_frozen", frozenCohortMessage(request.cohortStartYear));
  if (state === "voided") return refuse("already_voided", VOID_MESSAGES.already_voided);
  if (state === "awaiting_clawback") return refuse("awaiting_clawback", VOID_MESSAGES.awaiting_clawback);
  if (state === "clawed_back") return refuse("clawed_back", VOID_MESSAGES.clawed_back);
  if (request.expectedState !== undefined && request.expectedState !== state) {
    return refuse("state_changed", VOID_MESSAGES.state_changed);
  }
  if (state === "paid") {
    if (nextOpenOutputStatement === null) {
      return refuse("no_clawback_statement", noClawbackStatementMessage(request.cohortStartYear));
    }
    const statementId = nextOpenOutputStatement.id;
    return {
      ok: true,
      kind: "clawback",
      transition: "void_paid",
      from: "paid",
      state: "awaiting_clawback",
      clawbackStatementId: statementId,
      newLineItem: { statementId, state: "awaiting_clawback" },
    };
  }
  return { ok: true, kind: "void", transition: "void", from: state, state: "voided", lineItemState: "voided" };
}
