// Which `evidence_held` values a declaration may carry, by course and declaration type.
// `started` needs none (a value, when sent, must still be one of its list); every other type
// needs one. Sources: the API guidance's example bodies (training-event-attended,
// self-study-material-completed, other) and DfE's published values for completion
// (75-percent-engagement-met, 75-percent-engagement-met-reduced-induction for ECTs, and
// one-term-induction). Documented in docs/api.md.
import type { DeclarationType } from "@/lib/domain/declaration-types";

export type CourseIdentifier = "ecf-induction" | "ecf-mentor";

const TRAINING = ["training-event-attended", "self-study-material-completed", "other"] as const;

export const EVIDENCE_HELD: Readonly<Record<CourseIdentifier, Readonly<Record<DeclarationType, readonly string[]>>>> = {
  "ecf-induction": {
    started: TRAINING,
    "retained-1": TRAINING,
    "retained-2": TRAINING,
    "retained-3": TRAINING,
    "retained-4": TRAINING,
    completed: [...TRAINING, "75-percent-engagement-met", "75-percent-engagement-met-reduced-induction", "one-term-induction"],
    "extended-1": TRAINING,
    "extended-2": TRAINING,
    "extended-3": TRAINING,
  },
  "ecf-mentor": {
    started: TRAINING,
    "retained-1": TRAINING,
    "retained-2": TRAINING,
    "retained-3": TRAINING,
    "retained-4": TRAINING,
    completed: [...TRAINING, "75-percent-engagement-met"],
    "extended-1": TRAINING,
    "extended-2": TRAINING,
    "extended-3": TRAINING,
  },
};

/** Declaration types that may be submitted without evidence_held. */
export const EVIDENCE_OPTIONAL_TYPES: readonly DeclarationType[] = ["started"];

export function evidenceRequired(type: DeclarationType): boolean {
  return !EVIDENCE_OPTIONAL_TYPES.includes(type);
}

export function evidenceAllowed(course: CourseIdentifier, type: DeclarationType, value: string): boolean {
  return EVIDENCE_HELD[course][type].includes(value);
}
