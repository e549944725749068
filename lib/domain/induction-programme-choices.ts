// A school's induction programme choice for a cohort: the values of the API's
// `induction_programme_choice` in DfE's published v3 contract (underscored, like `not_yet_known`).
import { oneOf } from "./one-of";

export const INDUCTION_PROGRAMME_CHOICES = ["school_led", "provider_led", "no_early_career_teachers", "not_yet_known"] as const;

export type InductionProgrammeChoice = (typeof INDUCTION_PROGRAMME_CHOICES)[number];

export const isInductionProgrammeChoice = oneOf(INDUCTION_PROGRAMME_CHOICES);
