// "Authorise for payment": a required confirmation checkbox. The browser (react-hook-form) and
// the server action check the same schema.
import { z } from "zod";

export const AUTHORISE_FIELDS = ["confirm"] as const;
export const AUTHORISE_CONFIRM_VALUE = "yes";

export const AUTHORISE_MESSAGES = {
  confirmMissing: "Confirm that all the necessary checks have been done",
} as const;

export const authoriseSchema = z.object({
  confirm: z.literal(AUTHORISE_CONFIRM_VALUE, { error: AUTHORISE_MESSAGES.confirmMissing }),
});

export type AuthoriseInput = z.infer<typeof authoriseSchema>;

/** The form, as the finance action takes it (lib/forms/staff-action.ts). */
export const AUTHORISE_FORM = { schema: authoriseSchema, fields: AUTHORISE_FIELDS };
