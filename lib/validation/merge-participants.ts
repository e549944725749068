// "Keep this record": a required confirmation checkbox on the check-your-answers page. The browser
// (react-hook-form) and the server action check the same schema.
import { z } from "zod";

export const MERGE_FIELDS = ["confirm"] as const;
export const MERGE_CONFIRM_VALUE = "yes";

export const MERGE_MESSAGES = {
  confirmMissing: "Confirm that these records are the same person",
} as const;

export const mergeSchema = z.object({
  confirm: z.literal(MERGE_CONFIRM_VALUE, { error: MERGE_MESSAGES.confirmMissing }),
});

/** The form, as the finance action takes it (lib/forms/staff-action.ts). */
export const MERGE_FORM = { schema: mergeSchema, fields: MERGE_FIELDS };
