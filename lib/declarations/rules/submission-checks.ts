/**
 * The checks on a declaration that need the participant's records: payment-engine.md,
 * "Participant requirements", "Date validations" and "Additional compliance checks".
 * Pure functions over what the submission transaction read (lib/declarations/submit.ts).
 *
 * A refusal names the attribute at fault and a snake_case code, with the data its
 * wording needs: `{ field: "declaration_date", code: "withdrawn", withdrawnAt }`.
 * lib/api words them with the seed's messages (lib/api/declarations.ts). The checks on
 * the request alone (missing or malformed attributes, a future date, evidence) are
 * lib/api's (lib/api/validation/declarations.ts).
 */
import type { DeclarationState } from "@/lib/domain/declaration-states";
import type { DeclarationType } from "@/lib/domain/declaration-types";
import type { CourseIdentifier } from "@/lib/domain/evidence";
import type { ParticipantType } from "@/lib/domain/participant-types";
import { utcDay } from "./calendar-date";
import { canSubmitForCohort } from "./frozen-cohort";
import { milestoneWindowRefusal, type MilestoneWindow } from "./milestone-window";

/** A declaration as submitted, once its attributes are parsed; an attribute that is missing or invalid is absent. */
export interface DeclarationSubmission {
  participantId?: string;
  declarationType?: DeclarationType;
  declarationDate?: Date;
  courseIdentifier?: CourseIdentifier;
  evidenceHeld: string | null;
}

export type SubmissionRefusal =
  | { field: "participant_id"; code: "participant_not_recognised" }
  | { field: "participant_id"; code: "duplicate" }
  | { field: "course_identifier"; code: "course_not_recognised" }
  | { field: "declaration_type"; code: "not_in_schedule" }
  | { field: "declaration_type"; code: "mentor_started_or_completed_only" }
  | { field: "declaration_date"; code: "withdrawn"; withdrawnAt: Date }
  | { field: "declaration_date"; code: "before_milestone_start" | "after_milestone_end" }
  | { field: "cohort"; code: "cohort_frozen" | "no_open_output_statement"; cohortStartYear: number };

export type SubmissionRefusalCode = SubmissionRefusal["code"];

/** States of a declaration that "will be, or has been, paid": a second one for the same event is a duplicate. */
export const DUPLICATE_STATES = ["submitted", "eligible", "payable", "paid"] as const satisfies readonly DeclarationState[];

/** Whether a declaration for the same event in one of these states makes a new one a duplicate. */
export function isDuplicate(existingStates: readonly DeclarationState[]): boolean {
  return existingStates.some((state) => (DUPLICATE_STATES as readonly DeclarationState[]).includes(state));
}

/** Mentors who began training after this day may only declare started and completed ("after June 2025"). */
export const MENTOR_RULE_CUT_OFF = new Date("2025-06-30T00:00:00.000Z");
/** What any mentor may declare. */
export const MENTOR_ALWAYS_ALLOWED = ["started", "completed"] as const satisfies readonly DeclarationType[];

export interface MentorDeclaration {
  participantType: ParticipantType;
  declarationType: DeclarationType;
  /** Whether the cohort funds mentors separately (then only started and completed are paid). */
  cohortMentorFunding: boolean;
  /** The start dates of all the participant's induction records (with any provider). */
  trainingStartDates: readonly Date[];
}

/**
 * A mentor may only declare started or completed when their cohort funds mentors separately, or
 * when their training began (their earliest induction record) after June 2025, compared as UTC days.
 */
export function mentorRestricted(d: MentorDeclaration): boolean {
  if (d.participantType !== "mentor" || (MENTOR_ALWAYS_ALLOWED as readonly DeclarationType[]).includes(d.declarationType)) return false;
  const began = d.trainingStartDates.reduce<Date | null>((min, date) => (min === null || date < min ? date : min), null);
  return d.cohortMentorFunding || (began !== null && utcDay(began) > utcDay(MENTOR_RULE_CUT_OFF));
}

export interface TrainingStatus {
  trainingStatus: "active" | "deferred" | "withdrawn";
  trainingStatusDate: Date | null;
  /** When the record last changed: the withdrawal date of a record withdrawn without one. */
  updatedAt: Date;
}

/** When the participant withdrew (the status date, else the record's last change), or null when they have not. */
export function withdrawalDate(record: TrainingStatus): Date | null {
  return record.trainingStatus === "withdrawn" ? (record.trainingStatusDate ?? record.updatedAt) : null;
}

/** What the submission transaction read, for the checks. */
export interface SubmissionFacts {
  participantType: ParticipantType;
  declarationType?: DeclarationType;
  declarationDate?: Date;
  /** The declaration type's milestone in the participant's schedule; null when there is no type or the schedule has none. */
  milestone: MilestoneWindow | null;
  /** The current induction record with this lead provider. */
  record: TrainingStatus;
  trainingStartDates: readonly Date[];
  cohort: { startYear: number; mentorFunding: boolean; frozen: boolean };
  /** The states of the participant's declarations for the same course and type (none without both). */
  sameEventStates: readonly DeclarationState[];
}

/**
 * Every refusal, in the order the checks run: the declaration type (in the schedule, then the
 * mentor rule), the date (withdrawal, then the milestone window), the cohort, duplicates.
 * The API keeps the first per attribute.
 */
export function submissionRefusals(facts: SubmissionFacts): SubmissionRefusal[] {
  const refusals: SubmissionRefusal[] = [];
  const { declarationType: type, declarationDate: date, milestone, cohort } = facts;
  if (type !== undefined) {
    if (milestone === null) {
      refusals.push({ field: "declaration_type", code: "not_in_schedule" });
    } else if (
      mentorRestricted({
        participantType: facts.participantType,
        declarationType: type,
        cohortMentorFunding: cohort.mentorFunding,
        trainingStartDates: facts.trainingStartDates,
      })
    ) {
      refusals.push({ field: "declaration_type", code: "mentor_started_or_completed_only" });
    }
  }
  if (date !== undefined) {
    const withdrawnAt = withdrawalDate(facts.record);
    if (withdrawnAt !== null && date.getTime() > withdrawnAt.getTime()) {
      refusals.push({ field: "declaration_date", code: "withdrawn", withdrawnAt });
    }
    const outside = milestone === null ? null : milestoneWindowRefusal(date, milestone);
    if (outside !== null) refusals.push({ field: "declaration_date", code: outside });
  }
  const frozen = canSubmitForCohort({ cohortStartYear: cohort.startYear, cohortPaymentsFrozen: cohort.frozen });
  if (!frozen.ok) refusals.push({ field: "cohort", code: frozen.code, cohortStartYear: frozen.cohortStartYear });
  if (isDuplicate(facts.sameEventStates)) refusals.push({ field: "participant_id", code: "duplicate" });
  return refusals;
}
