// What the "Change training status" pages tell a finance user: the statuses and reasons in words,
// and the training-status rules' refusals (lib/participants/rules/training-status.ts, the same
// rules the API's defer/resume/withdraw use) in GOV.UK copy.
import type { TrainingStatusRefusalCode } from "@/lib/participants/rules/training-status";
import { TRAINING_STATUS_LABELS, type TrainingStatusValue } from "@/lib/domain/training-statuses";
import { humaniseCode } from "@/lib/format/labels";

export const TITLE = "Change training status";
export const CHECK_TITLE = "Check the training status before changing it";

export const NOT_FOUND = "There is no training record with this ID for this participant. Go back to the participant and try again";

export function trainingStatusRefusalCopy(code: TrainingStatusRefusalCode): string {
  switch (code) {
    case "withdrawn":
      return "You cannot change the training status of a participant who has withdrawn";
    case "already_withdrawn":
      return "This participant has already withdrawn";
    case "already_deferred":
      return "This participant is already deferred";
    case "already_active":
      return "This participant is already active";
  }
}

/** "Defer", "Resume" or "Withdraw": the radio labels say what will happen. */
export const STATUS_CHOICE_LABELS: Readonly<Record<TrainingStatusValue, string>> = {
  active: "Active (resume training)",
  deferred: "Deferred (pause training)",
  withdrawn: "Withdrawn (stop training for good)",
};

export function statusLabel(status: TrainingStatusValue): string {
  return TRAINING_STATUS_LABELS[status];
}

/** "long-term-sickness" → "Long term sickness". */
export function reasonLabel(reason: string): string {
  return humaniseCode(reason);
}
