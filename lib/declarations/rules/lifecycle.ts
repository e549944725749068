/**
 * The declaration lifecycle: one state machine for declarations and their
 * statement line items. Pure functions over plain data; a refused transition
 * returns a refusal (`{ ok: false, code, ... }`, result.ts) and never throws.
 *
 * Sources: definitions-and-states.md, voiding-declarations.md, payment-engine.md.
 *
 *   submission    → submitted | eligible | ineligible     (submission.ts, submission-checks.ts)
 *   confirm_eligible / confirm_ineligible: submitted → eligible | ineligible
 *   make_payable  eligible → payable          (statement becomes payable)
 *   pay           payable → paid              (statement authorised for payment)
 *   void          submitted | eligible | payable | ineligible → voided
 *   void_paid     paid → awaiting_clawback    (new line item on the next open output statement)
 *   claw_back     awaiting_clawback → clawed_back (clawback statement authorised)
 *
 * A declaration's state follows its line item on the statement that moves it
 * (statement-transitions.ts).
 */
export * from "./result";
export * from "./transitions";
export * from "./frozen-cohort";
export * from "./output-statement";
export * from "./submission";
export * from "./voiding";
export * from "./statement-transitions";
export { formatUtcDate, utcDay } from "./calendar-date";
