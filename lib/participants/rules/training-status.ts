// A training record's training status (definitions-and-states.md, "training_status"): the state
// machine behind PUT …/defer, …/resume and …/withdraw, with no I/O, for the API and for any
// finance page that changes a training status.
//
//   active   --defer-->    deferred
//   deferred --resume-->   active
//   active | deferred --withdraw--> withdrawn
//   withdrawn: final. Nothing about the training can change any more (only backdated declarations
//   are still possible), so a withdrawn participant's schedule cannot change either.
import type { ParticipantType } from "@/lib/domain/participant-types";
import { DEFERRAL_REASONS, WITHDRAWAL_REASONS, isDeferralReason, isWithdrawalReason } from "@/lib/domain/training-status-reasons";
import type { TrainingStatusValue } from "@/lib/domain/training-statuses";

export type TrainingStatusChange = "defer" | "resume" | "withdraw";

/**
 * Why a change is refused: `withdrawn` — the participant has withdrawn, so nothing can change;
 * `already_*` — the participant already has the status the change leads to.
 */
export type TrainingStatusRefusalCode = "withdrawn" | "already_withdrawn" | "already_deferred" | "already_active";

export type TrainingStatusRefusal = { field: "participant_id"; code: TrainingStatusRefusalCode };

/** What the training record says after the change. */
export interface TrainingStatusAfter {
  trainingStatus: TrainingStatusValue;
  trainingStatusReason: string | null;
  trainingStatusDate: Date | null;
}

export type TrainingStatusPlan = { ok: true; after: TrainingStatusAfter } | ({ ok: false } & TrainingStatusRefusal);

const STATUS_AFTER: Readonly<Record<TrainingStatusChange, TrainingStatusValue>> = {
  defer: "deferred",
  resume: "active",
  withdraw: "withdrawn",
};

const ALREADY: Readonly<Record<TrainingStatusChange, TrainingStatusRefusalCode>> = {
  defer: "already_deferred",
  resume: "already_active",
  withdraw: "already_withdrawn",
};

function refusal(code: TrainingStatusRefusalCode): { ok: false } & TrainingStatusRefusal {
  return { ok: false, field: "participant_id", code };
}

/**
 * Why `change` cannot be made to a record with training status `current`, or null when it can.
 * Withdrawing an already withdrawn participant is `already_withdrawn`; any other change to a
 * withdrawn participant is `withdrawn`.
 */
export function trainingStatusRefusal(current: TrainingStatusValue, change: TrainingStatusChange): TrainingStatusRefusalCode | null {
  if (current === STATUS_AFTER[change]) return ALREADY[change];
  if (current === "withdrawn") return "withdrawn";
  return null;
}

/** Why the training details (the schedule) cannot change: a withdrawn participant's are final. */
export function trainingDetailsRefusal(current: TrainingStatusValue): "withdrawn" | null {
  return current === "withdrawn" ? "withdrawn" : null;
}

/**
 * The change as the training record will store it, or why it is refused. Deferring and withdrawing
 * record the reason and the date (`now`); resuming clears both. `reason` must already be one of
 * `trainingStatusReasons(change, type)` (isTrainingStatusReason).
 */
export function planTrainingStatusChange(current: TrainingStatusValue, change: TrainingStatusChange, reason: string | null, now: Date): TrainingStatusPlan {
  const refused = trainingStatusRefusal(current, change);
  if (refused) return refusal(refused);
  const trainingStatus = STATUS_AFTER[change];
  if (change === "resume") return { ok: true, after: { trainingStatus, trainingStatusReason: null, trainingStatusDate: null } };
  return { ok: true, after: { trainingStatus, trainingStatusReason: reason, trainingStatusDate: now } };
}

/** The reasons a participant of `type` can be deferred or withdrawn for (none for resuming). */
export function trainingStatusReasons(change: TrainingStatusChange, type: ParticipantType): readonly string[] {
  if (change === "defer") return DEFERRAL_REASONS;
  if (change === "withdraw") return WITHDRAWAL_REASONS.filter((reason) => isWithdrawalReason(reason, type));
  return [];
}

/** Whether `reason` is a reason to defer or withdraw a participant of `type` (lib/domain/training-status-reasons.ts). */
export function isTrainingStatusReason(change: "defer" | "withdraw", reason: string, type: ParticipantType): boolean {
  return change === "defer" ? isDeferralReason(reason) : isWithdrawalReason(reason, type);
}
