/**
 * Frozen cohorts.
 *
 * Source: voiding-declarations.md, "Frozen cohorts and statements", and
 * payment-engine.md, "Possible validation error messages". Once a cohort's funding
 * contract has ended, declarations for it can be neither submitted nor voided.
 * The refusal carries the cohort's start year; the seed's message is worded in
 * lib/api/messages.ts.
 */
import type { Allowed, Refused } from "./result";

export interface CohortFunding {
  /** The cohort's start year, e.g. 2024 for the 2024/25 cohort. */
  cohortStartYear: number;
  /** True once the cohort's funding contract has ended. */
  cohortPaymentsFrozen: boolean;
}

export type CohortFrozen = Refused<"cohort_frozen", { cohortStartYear: number }>;

export function canSubmitForCohort(cohort: CohortFunding): Allowed | CohortFrozen {
  return cohort.cohortPaymentsFrozen ? { ok: false, code: "cohort_frozen", cohortStartYear: cohort.cohortStartYear } : { ok: true };
}
