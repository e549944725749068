// Facts about cohorts that rules share (the payment calendar reference, sections 5 and 6).

/** Participants of a frozen cohort with unfinished training may be moved to this cohort. */
export const FROZEN_COHORT_DESTINATION_YEAR = 2024;

/** From this cohort mentors are funded separately (mentor_funding), with no uplift and three ECT bands. */
export const MENTOR_FUNDING_FROM_YEAR = 2025;
