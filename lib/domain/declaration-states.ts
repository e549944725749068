/**
 * Declaration states (also the states of statement line items).
 *
 * Source: definitions-and-states.md, "Declaration states". For money:
 * - billable states count towards output payments: eligible, payable, paid;
 * - refundable states count towards clawbacks: awaiting_clawback, clawed_back;
 * - submitted, ineligible and voided carry no money.
 */

import { oneOf } from "./one-of";

export const DECLARATION_STATES = [
  "submitted",
  "eligible",
  "ineligible",
  "payable",
  "voided",
  "paid",
  "awaiting_clawback",
  "clawed_back",
] as const;

export type DeclarationState = (typeof DECLARATION_STATES)[number];

export const BILLABLE_STATES = ["eligible", "payable", "paid"] as const satisfies readonly DeclarationState[];
export type BillableState = (typeof BILLABLE_STATES)[number];

export const REFUNDABLE_STATES = ["awaiting_clawback", "clawed_back"] as const satisfies readonly DeclarationState[];
export type RefundableState = (typeof REFUNDABLE_STATES)[number];

export const DECLARATION_STATE_LABELS: Readonly<Record<DeclarationState, string>> = {
  submitted: "Submitted",
  eligible: "Eligible",
  ineligible: "Ineligible",
  payable: "Payable",
  voided: "Voided",
  paid: "Paid",
  awaiting_clawback: "Awaiting clawback",
  clawed_back: "Clawed back",
};

export const isDeclarationState = oneOf(DECLARATION_STATES);

export function isBillable(state: DeclarationState): state is BillableState {
  return (BILLABLE_STATES as readonly DeclarationState[]).includes(state);
}

export function isRefundable(state: DeclarationState): state is RefundableState {
  return (REFUNDABLE_STATES as readonly DeclarationState[]).includes(state);
}
