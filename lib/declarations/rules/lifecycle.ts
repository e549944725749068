/**
 * The declaration lifecycle: one state machine for declarations and their
 * statement line items. Pure functions over plain data; a refused transition
 * returns `{ ok: false, code, message }` and never throws.
 *
 * Sources: definitions-and-states.md, voiding-declarations.md, payment-engine.md.
 *
 *   submission    → submitted | eligible | ineligible     (submission.ts)
 *   confirm_eligible / confirm_ineligible: submitted → eligible | ineligible
 *   make_payable  eligible → payable          (statement becomes payable)
 *   pay           payable → paid              (statement authorised for payment)
 *   void          submitted | eligible | payable | ineligible → voided
 *   void_paid     paid → awaiting_clawback    (new line item on the next open output statement)
 *   claw_back     awaiting_clawback → clawed_back (clawback statement authorised)
 *
 * A declaration's state follows its line items (`declarationStateForLineItems`).
 */
import { isRefundable, type DeclarationState } from "@/lib/domain/declaration-states";

export * from "./result";
export * from "./transitions";
export * from "./frozen-cohort";
export * from "./output-statement";
export * from "./submission";
export * from "./voiding";
export * from "./statement-transitions";
export { formatUtcDate, utcDay } from "./calendar-date";

/**
 * A declaration's state from its line items: the refundable line item's state when
 * it has one (it was paid, then voided), otherwise its original line item's state,
 * otherwise (no line item: a submitted declaration, or one voided while submitted)
 * its own state unchanged.
 */
export function declarationStateForLineItems(
  declarationState: DeclarationState,
  lineItemStates: readonly DeclarationState[],
): DeclarationState {
  return (
    lineItemStates.find((state) => isRefundable(state)) ??
    lineItemStates.find((state) => !isRefundable(state)) ??
    declarationState
  );
}
