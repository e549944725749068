/**
 * The declaration state machine: every transition a declaration (and its statement
 * line item, which shares its states) can make after submission, by name.
 *
 * Source: definitions-and-states.md ("Declaration states") and
 * voiding-declarations.md ("Impact of voiding on declaration states", "Frozen
 * cohorts and statements").
 *
 * Submission itself creates a declaration in `submitted`, `eligible` or
 * `ineligible` (see submission.ts).
 */
import type { DeclarationState } from "@/lib/domain/declaration-states";

export interface Transition {
  from: readonly DeclarationState[];
  to: DeclarationState;
  description: string;
}

export const DECLARATION_TRANSITIONS = {
  confirm_eligible: {
    from: ["submitted"],
    to: "eligible",
    description: "The participant is confirmed as eligible for funding.",
  },
  confirm_ineligible: {
    from: ["submitted"],
    to: "ineligible",
    description: "The participant is found not to be eligible for funding.",
  },
  make_payable: {
    from: ["eligible"],
    to: "payable",
    description: "The statement became payable, the day after its cut-off date.",
  },
  pay: {
    from: ["payable"],
    to: "paid",
    description: "The statement was authorised for payment.",
  },
  void: {
    from: ["submitted", "eligible", "payable", "ineligible"],
    to: "voided",
    description: "Voided before payment: the line item is voided and stays on its statement.",
  },
  void_paid: {
    from: ["paid"],
    to: "awaiting_clawback",
    description: "Voided after payment: a clawback line item goes on the next open output statement.",
  },
  claw_back: {
    from: ["awaiting_clawback"],
    to: "clawed_back",
    description: "The statement carrying the clawback was authorised for payment.",
  },
} as const satisfies Record<string, Transition>;

export type TransitionName = keyof typeof DECLARATION_TRANSITIONS;

export function canApply(name: TransitionName, state: DeclarationState): boolean {
  return (DECLARATION_TRANSITIONS[name].from as readonly DeclarationState[]).includes(state);
}

/** The state after the transition, or the state unchanged when the transition does not apply to it. */
export function applyIfAllowed(name: TransitionName, state: DeclarationState): DeclarationState {
  return canApply(name, state) ? DECLARATION_TRANSITIONS[name].to : state;
}
