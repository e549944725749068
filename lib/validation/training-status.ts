// The "Change training status" form (the participant drill-down): the new status, and for deferred
// and withdrawn a reason from the one list the API uses too (lib/domain/training-status-reasons.ts).
// One schema: react-hook-form in the browser, the "Continue" action, the check-your-answers page
// (its query string) and the confirm action all parse the same fields.
import { z } from "zod";
import { DEFERRAL_REASONS, WITHDRAWAL_REASONS } from "@/lib/domain/training-status-reasons";
import { TRAINING_STATUSES, type TrainingStatusValue } from "@/lib/domain/training-statuses";

export const TRAINING_STATUS_FIELDS = ["status", "deferralReason", "withdrawalReason"] as const;

export const TRAINING_STATUS_MESSAGES = {
  status: "Choose a valid training status",
  reason: "Choose a valid reason for training status",
} as const;

const optionalText = z.preprocess((value) => (typeof value === "string" ? value : ""), z.string());

export const trainingStatusSchema = z
  .object({
    status: z.enum(TRAINING_STATUSES, { error: TRAINING_STATUS_MESSAGES.status }),
    deferralReason: optionalText,
    withdrawalReason: optionalText,
  })
  .superRefine((value, ctx) => {
    if (value.status === "deferred" && !(DEFERRAL_REASONS as readonly string[]).includes(value.deferralReason)) {
      ctx.addIssue({ code: "custom", path: ["deferralReason"], message: TRAINING_STATUS_MESSAGES.reason });
    }
    if (value.status === "withdrawn" && !(WITHDRAWAL_REASONS as readonly string[]).includes(value.withdrawalReason)) {
      ctx.addIssue({ code: "custom", path: ["withdrawalReason"], message: TRAINING_STATUS_MESSAGES.reason });
    }
  });

export type TrainingStatusInput = z.infer<typeof trainingStatusSchema>;

/** The chosen status and its reason (null for active). */
export function chosenTrainingStatus(input: TrainingStatusInput): { status: TrainingStatusValue; reason: string | null } {
  if (input.status === "deferred") return { status: "deferred", reason: input.deferralReason };
  if (input.status === "withdrawn") return { status: "withdrawn", reason: input.withdrawalReason };
  return { status: "active", reason: null };
}

/** The form's fields for a chosen status, as the check-your-answers address and hidden fields carry them. */
export function trainingStatusFields(status: TrainingStatusValue, reason: string | null): Record<(typeof TRAINING_STATUS_FIELDS)[number], string> {
  return {
    status,
    deferralReason: status === "deferred" ? (reason ?? "") : "",
    withdrawalReason: status === "withdrawn" ? (reason ?? "") : "",
  };
}

/** The form, as the finance actions take it (lib/forms/staff-action.ts). */
export const TRAINING_STATUS_FORM = { schema: trainingStatusSchema, fields: TRAINING_STATUS_FIELDS };
