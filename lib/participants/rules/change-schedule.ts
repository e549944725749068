// Moving a training record to another schedule (PUT …/change-schedule), with no I/O. The checks,
// in the order they run (the first that fails is the answer):
// - `ecf-replacement-*` schedules are for mentors only;
// - the participant must not already be on the schedule;
// - the cohort cannot change into or out of a cohort whose funding contract has ended (frozen),
//   except the move DfE allows (the payment calendar reference, section 6): a participant of a
//   frozen cohort with unfinished training may move to the 2024 cohort; their paid declarations
//   stay on the frozen cohort and are not re-validated against the new schedule, and the
//   participant is flagged `cohort_changed_after_payments_frozen`. Declarations that are not yet
//   paid (submitted, eligible, payable) must be voided first; a completed one means training is over;
// - nor while the participant has declarations that will be, or have been, paid;
// - every eligible, payable or paid declaration must still be dated inside the new schedule's
//   milestone for its type (milestoneWindowRefusal: the same window declarations are submitted in).
// That the participant is not withdrawn (training-status.ts), and that the cohort and the schedule
// exist, are checked before these.
import { milestoneWindowRefusal } from "@/lib/declarations/rules/milestone-window";
import { isBillable, type DeclarationState } from "@/lib/domain/declaration-states";
import { FROZEN_COHORT_DESTINATION_YEAR } from "@/lib/domain/cohorts";
import type { ParticipantType } from "@/lib/domain/participant-types";

export const REPLACEMENT_SCHEDULE_PREFIX = "ecf-replacement-";

export interface CohortForChange {
  id: string;
  startYear: number;
  /** The cohort's funding contract has ended (payments frozen). */
  frozen: boolean;
}

export interface ScheduleMilestone {
  declarationType: string;
  startDate: Date;
  milestoneDate: Date | null;
}

export interface ScheduleChange {
  participantType: ParticipantType;
  /** The schedule the participant's current induction record is on, and its cohort. */
  current: { scheduleId: string; cohort: CohortForChange };
  /** The schedule asked for, in the cohort asked for (the current cohort when none was given). */
  target: { scheduleId: string; identifier: string; cohort: CohortForChange; milestones: readonly ScheduleMilestone[] };
  /** The training record's declarations that will be, or have been, paid (submitted, eligible, payable, paid), oldest first. */
  declarations: readonly { declarationType: string; declarationDate: Date; state: DeclarationState }[];
}

export type ChangeScheduleRefusal =
  | { field: "schedule_identifier"; code: "replacement_schedule_for_mentors_only" }
  | { field: "schedule_identifier"; code: "same_schedule" }
  | { field: "cohort"; code: "cohort_frozen"; cohort: number }
  | { field: "cohort"; code: "cohort_change_with_declarations" }
  | { field: "schedule_identifier"; code: "declarations_outside_schedule"; declarationTypes: string[] };

export function isReplacementSchedule(identifier: string): boolean {
  return identifier.startsWith(REPLACEMENT_SCHEDULE_PREFIX);
}

/** Replacement schedules are for mentors: an ECT cannot move to one. */
export function replacementScheduleRefusal(participantType: ParticipantType, identifier: string): ChangeScheduleRefusal | null {
  return participantType === "ect" && isReplacementSchedule(identifier)
    ? { field: "schedule_identifier", code: "replacement_schedule_for_mentors_only" }
    : null;
}

/** A move out of a frozen cohort into the 2024 cohort: the one change of cohort a frozen cohort allows. */
export function isFrozenCohortMove(current: CohortForChange, target: CohortForChange): boolean {
  return current.frozen && !target.frozen && target.id !== current.id && target.startYear === FROZEN_COHORT_DESTINATION_YEAR;
}

/**
 * A change of cohort: refused into or out of a frozen cohort (the current one named first when
 * both are) — except the frozen-cohort move, allowed for unfinished training whose declarations
 * are all paid —, or while any declaration will be, or has been, paid. No refusal when the cohort stays.
 */
export function cohortChangeRefusal(
  current: CohortForChange,
  target: CohortForChange,
  declarations: ScheduleChange["declarations"],
): ChangeScheduleRefusal | null {
  if (target.id === current.id) return null;
  if (isFrozenCohortMove(current, target)) {
    if (declarations.some((d) => d.declarationType === "completed" && d.state === "paid")) {
      return { field: "cohort", code: "cohort_frozen", cohort: current.startYear };
    }
    if (declarations.some((d) => d.state !== "paid")) return { field: "cohort", code: "cohort_change_with_declarations" };
    return null;
  }
  const frozen = [current, target].find((c) => c.frozen);
  if (frozen) return { field: "cohort", code: "cohort_frozen", cohort: frozen.startYear };
  if (declarations.length > 0) return { field: "cohort", code: "cohort_change_with_declarations" };
  return null;
}

/**
 * The types (each once, in declaration date order) of the eligible, payable or paid declarations
 * that the schedule has no milestone for, or whose date is outside that milestone's window.
 */
export function declarationsOutsideSchedule(
  declarations: ScheduleChange["declarations"],
  milestones: readonly ScheduleMilestone[],
): string[] {
  const misfits = declarations.filter((d) => {
    if (!isBillable(d.state)) return false;
    const milestone = milestones.find((m) => m.declarationType === d.declarationType);
    return !milestone || milestoneWindowRefusal(d.declarationDate, milestone) !== null;
  });
  return [...new Set(misfits.map((d) => d.declarationType))];
}

/** Why the schedule cannot change, or null when it can (the checks in the order above). */
export function changeScheduleRefusal(change: ScheduleChange): ChangeScheduleRefusal | null {
  const { current, target, declarations } = change;
  const replacement = replacementScheduleRefusal(change.participantType, target.identifier);
  if (replacement) return replacement;
  if (target.scheduleId === current.scheduleId) return { field: "schedule_identifier", code: "same_schedule" };
  const cohort = cohortChangeRefusal(current.cohort, target.cohort, declarations);
  if (cohort) return cohort;
  // The paid declarations of a frozen cohort stay there: they are not checked against the new schedule.
  if (isFrozenCohortMove(current.cohort, target.cohort)) return null;
  const declarationTypes = declarationsOutsideSchedule(declarations, target.milestones);
  if (declarationTypes.length > 0) return { field: "schedule_identifier", code: "declarations_outside_schedule", declarationTypes };
  return null;
}
