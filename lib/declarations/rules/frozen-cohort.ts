/**
 * Frozen cohorts.
 *
 * Source: voiding-declarations.md, "Frozen cohorts and statements", and
 * payment-engine.md, "Possible validation error messages". Once a cohort's funding
 * contract has ended, declarations for it can be neither submitted nor voided.
 * The message is the seed's, word for word (it has no final full stop).
 */
import { refuse, type Result } from "./result";

export interface CohortFunding {
  /** The cohort's start year, e.g. 2024 for the 2024/25 cohort. */
  cohortStartYear: number;
  /** True once the cohort's funding contract has ended. */
  cohortPaymentsFrozen: boolean;
}

export function frozenCohortMessage(cohortStartYear: number): string {
  return `You cannot submit or void declarations for the ${cohortStartYear} cohort. The funding contract for this cohort has ended. Get in touch if you need to discuss this with us`;
}

export function canSubmitForCohort(cohort: CohortFunding): Result<object, "cohort_frozen"> {
  return cohort.cohortPaymentsFrozen
    ? refuse("cohort_frozen", frozenCohortMessage(cohort.cohortStartYear))
    : { ok: true };
}
