/**
 * Voiding a declaration.
 *
 * Source: voiding-declarations.md, "Impact of voiding on declaration states",
 * "Validation rules", "Error handling" and "Frozen cohorts and statements".
 * Which states can be voided, and what they become, is the lifecycle's
 * (DECLARATION_TRANSITIONS in transitions.ts):
 * - `void` (submitted, eligible, payable, ineligible → voided). The line item (if
 *   any) is voided and stays on its original statement.
 * - `void_paid` (paid → awaiting_clawback), with a new refundable line item
 *   (awaiting_clawback) on the lead provider's next open output statement for the
 *   cohort (clawback_statement_id). With no such statement the void is refused.
 * - Any other state (voided, awaiting_clawback, clawed_back) cannot be voided.
 *
 * Checks, in order: frozen cohort; states that cannot be voided (their refusals say
 * more than "it changed"); the state the user saw (`expectedState`), if given;
 * then, for a paid declaration, a statement to claw it back on.
 * Refusals are codes with their data: lib/api and the finance pages word them.
 */
import type { DeclarationState } from "@/lib/domain/declaration-states";
import type { CohortFrozen, CohortFunding } from "./frozen-cohort";
import type { Refused } from "./result";
import { canApply, type DECLARATION_TRANSITIONS } from "./transitions";

/** The states `void` applies to: voided before payment. */
export type VoidableState = (typeof DECLARATION_TRANSITIONS.void.from)[number];
/** The states `void_paid` applies to: voided after payment, so clawed back. */
export type ClawbackState = (typeof DECLARATION_TRANSITIONS.void_paid.from)[number];
type NotVoidableState = Exclude<DeclarationState, VoidableState | ClawbackState>;

/** Why a declaration in a state that no transition voids cannot be voided. */
const NOT_VOIDABLE = {
  voided: "already_voided",
  awaiting_clawback: "awaiting_clawback",
  clawed_back: "clawed_back",
} as const satisfies Record<NotVoidableState, string>;

export type VoidRefusal =
  | CohortFrozen
  | Refused<(typeof NOT_VOIDABLE)[NotVoidableState]>
  | Refused<"state_changed">
  | Refused<"no_clawback_statement", { cohortStartYear: number }>;

export type VoidRefusalCode = VoidRefusal["code"];

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
      from: VoidableState;
      state: "voided";
      /** The existing line item (if any) becomes voided and stays on its statement. */
      lineItemState: "voided";
    }
  | {
      ok: true;
      kind: "clawback";
      transition: "void_paid";
      from: ClawbackState;
      state: "awaiting_clawback";
      clawbackStatementId: string;
      /** A new refundable line item; the original paid line item is left as it is. */
      newLineItem: { statementId: string; state: "awaiting_clawback" };
    };

function voidsBeforePayment(state: DeclarationState): state is VoidableState {
  return canApply("void", state);
}

function voidsAfterPayment(state: DeclarationState): state is ClawbackState {
  return canApply("void_paid", state);
}

/** Whether a declaration in this state can be voided (the "Void" button shows). */
export function isVoidable(state: DeclarationState): boolean {
  return voidsBeforePayment(state) || voidsAfterPayment(state);
}

export function planVoid(request: VoidRequest, nextOpenOutputStatement: { id: string } | null): VoidPlan | VoidRefusal {
  const { state } = request;
  if (request.cohortPaymentsFrozen) return { ok: false, code: "cohort_frozen", cohortStartYear: request.cohortStartYear };
  if (!voidsBeforePayment(state) && !voidsAfterPayment(state)) return { ok: false, code: NOT_VOIDABLE[state] };
  if (request.expectedState !== undefined && request.expectedState !== state) return { ok: false, code: "state_changed" };
  if (voidsAfterPayment(state)) {
    if (nextOpenOutputStatement === null) {
      return { ok: false, code: "no_clawback_statement", cohortStartYear: request.cohortStartYear };
    }
    const statementId = nextOpenOutputStatement.id;
    return {
      ok: true,
      kind: "clawback",
      transition: "void_paid",
      from: state,
      state: "awaiting_clawback",
      clawbackStatementId: statementId,
      newLineItem: { statementId, state: "awaiting_clawback" },
    };
  }
  return { ok: true, kind: "void", transition: "void", from: state, state: "voided", lineItemState: "voided" };
}
