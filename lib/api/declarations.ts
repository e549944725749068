// The declaration features' refusals as the API words them (lib/api/messages.ts), and the 422 of
// POST /api/v3/participant-declarations: the problems lib/api found in the attributes, then the
// refusals of lib/declarations/submit.ts, the first per attribute, in the attributes' order.
import type { SubmissionRefusal } from "@/lib/declarations/rules/submission-checks";
import type { VoidRefusal } from "@/lib/declarations/rules/voiding";
import { timestamp } from "./dates";
import { FieldErrors, type ApiErrorItem } from "./errors";
import { DECLARATION_MESSAGES as M, VOID_MESSAGES } from "./messages";

/** Errors are listed in the order of the request's attributes, then the cohort. */
export const DECLARATION_FIELD_ORDER = ["participant_id", "declaration_type", "declaration_date", "course_identifier", "evidence_held", "cohort"];

export function submissionRefusalMessage(refusal: SubmissionRefusal): string {
  switch (refusal.code) {
    case "participant_not_recognised":
      return M.participantNotRecognised;
    case "duplicate":
      return M.duplicate;
    case "course_not_recognised":
      return M.courseNotRecognised;
    case "not_in_schedule":
      return M.declarationTypeNotInSchedule;
    case "mentor_started_or_completed_only":
      return M.mentorStartedOrCompletedOnly;
    case "withdrawn":
      return M.withdrawn(timestamp(refusal.withdrawnAt));
    case "before_milestone_start":
      return M.beforeMilestoneStart;
    case "after_milestone_end":
      return M.afterMilestoneEnd;
    case "cohort_frozen":
      return M.cohortFrozen(refusal.cohortStartYear);
    case "no_open_output_statement":
      return M.noOpenOutputStatement(refusal.cohortStartYear);
  }
}

/**
 * The errors of a refused submission: the attributes' own problems (`issues`, found first), then
 * the feature's refusals; one per attribute (the first found), ordered by DECLARATION_FIELD_ORDER.
 */
export function submissionErrors(issues: readonly ApiErrorItem[], refusals: readonly SubmissionRefusal[]): ApiErrorItem[] {
  const errors = new FieldErrors();
  for (const issue of issues) errors.add(issue.title, issue.detail);
  for (const refusal of refusals) errors.add(refusal.field, submissionRefusalMessage(refusal));
  return errors.list(DECLARATION_FIELD_ORDER);
}

export function voidRefusalMessage(refusal: VoidRefusal): string {
  switch (refusal.code) {
    case "cohort_frozen":
      return VOID_MESSAGES.cohortFrozen(refusal.cohortStartYear);
    case "already_voided":
    case "awaiting_clawback":
      return VOID_MESSAGES.alreadyVoided;
    case "clawed_back":
      return VOID_MESSAGES.clawedBack;
    case "state_changed":
      return VOID_MESSAGES.stateChanged;
    case "no_clawback_statement":
      return VOID_MESSAGES.noClawbackStatement(refusal.cohortStartYear);
  }
}
