/**
 * Submitting a declaration, and deciding eligibility later.
 *
 * Source: definitions-and-states.md, "Declaration states".
 * - Eligible for funding (true) → `eligible`, with a line item on the next open
 *   output statement.
 * - Not eligible (false) → `ineligible`; it still gets a line item, which carries
 *   no money.
 * - Eligibility not yet confirmed (null) → `submitted`, with no line item and so no
 *   statement. When eligibility is decided, the declaration becomes `eligible` or
 *   `ineligible` and gets its line item on the next open output statement on the
 *   day of the decision.
 * Submission is refused for a frozen cohort (frozen-cohort.ts). The checks on the
 * request itself (withdrawal, milestone, mentors, duplicates) are in submission-checks.ts.
 */
import type { DeclarationState } from "@/lib/domain/declaration-states";
import { canSubmitForCohort, type CohortFrozen, type CohortFunding } from "./frozen-cohort";
import { selectOutputStatement, type NoOpenOutputStatement, type StatementForSelection } from "./output-statement";
import type { Allowed, Refused } from "./result";

export type SubmissionState = Extract<DeclarationState, "submitted" | "eligible" | "ineligible">;

export function stateOnSubmission(eligibleForFunding: boolean | null): SubmissionState {
  if (eligibleForFunding === null) return "submitted";
  return eligibleForFunding ? "eligible" : "ineligible";
}

/** Whether a new declaration in this state gets a statement line item (submitted declarations do not). */
export function getsLineItemOnSubmission(state: SubmissionState): boolean {
  return state !== "submitted";
}

export interface SubmissionRequest extends CohortFunding {
  eligibleForFunding: boolean | null;
  submittedAt: Date;
}

export interface SubmissionPlan {
  state: SubmissionState;
  /** The statement the new line item goes on; null for a `submitted` declaration (no line item). */
  statementId: string | null;
}

export function planSubmission(
  request: SubmissionRequest,
  statements: readonly StatementForSelection[],
): Allowed<SubmissionPlan> | CohortFrozen | NoOpenOutputStatement {
  const cohort = canSubmitForCohort(request);
  if (!cohort.ok) return cohort;
  const state = stateOnSubmission(request.eligibleForFunding);
  if (!getsLineItemOnSubmission(state)) return { ok: true, state, statementId: null };
  const selected = selectOutputStatement(statements, request.submittedAt, request.cohortStartYear);
  if (!selected.ok) return selected;
  return { ok: true, state, statementId: selected.statement.id };
}

export interface EligibilityDecision {
  state: DeclarationState;
  cohortStartYear: number;
  eligibleForFunding: boolean;
  decidedAt: Date;
}

export interface EligibilityPlan {
  from: "submitted";
  state: "eligible" | "ineligible";
  transition: "confirm_eligible" | "confirm_ineligible";
  /** The statement the new line item goes on. */
  statementId: string;
}

export function planEligibilityDecision(
  decision: EligibilityDecision,
  statements: readonly StatementForSelection[],
): Allowed<EligibilityPlan> | Refused<"eligibility_already_decided"> | NoOpenOutputStatement {
  if (decision.state !== "submitted") return { ok: false, code: "eligibility_already_decided" };
  const selected = selectOutputStatement(statements, decision.decidedAt, decision.cohortStartYear);
  if (!selected.ok) return selected;
  return decision.eligibleForFunding
    ? { ok: true, from: "submitted", state: "eligible", transition: "confirm_eligible", statementId: selected.statement.id }
    : { ok: true, from: "submitted", state: "ineligible", transition: "confirm_ineligible", statementId: selected.statement.id };
}
