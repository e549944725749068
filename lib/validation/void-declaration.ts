// The "Reason for voiding" form on the void check-your-answers page. One schema, used by
// react-hook-form in the browser and re-checked by the server action.
import { z } from "zod";
import { DECLARATION_STATES } from "@/lib/domain/declaration-states";

export const VOID_REASON_MAX_LENGTH = 1000;

export const VOID_DECLARATION_FIELDS = ["reason", "expectedState"] as const;

export const VOID_FORM_MESSAGES = {
  reasonMissing: "Enter the reason for voiding this declaration",
  reasonTooLong: `Reason for voiding must be ${VOID_REASON_MAX_LENGTH.toLocaleString("en-GB")} characters or fewer`,
  reasonControlCharacters: "Reason for voiding must only include letters, numbers, spaces and punctuation",
  expectedStateMissing: "This page is out of date. Reload it, check the declaration and try again",
} as const;

export const voidReasonField = z
  .string({ error: VOID_FORM_MESSAGES.reasonMissing })
  .trim()
  .min(1, VOID_FORM_MESSAGES.reasonMissing)
  .max(VOID_REASON_MAX_LENGTH, VOID_FORM_MESSAGES.reasonTooLong)
  // No control characters but tab and new lines (PostgreSQL refuses a NUL in text: it was a 500).
  .regex(/^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/, VOID_FORM_MESSAGES.reasonControlCharacters);

export const voidDeclarationSchema = z.object({
  reason: voidReasonField,
  /** The state shown on the page: the void is refused if the declaration has changed since. */
  expectedState: z.enum(DECLARATION_STATES, { error: VOID_FORM_MESSAGES.expectedStateMissing }),
});

/**
 * What the browser checks before submitting: the same schema, less the hidden `expectedState`
 * (it is not a field the user fills in; the server action checks it with the full schema).
 */
export const voidDeclarationClientSchema = voidDeclarationSchema.pick({ reason: true });

export type VoidDeclarationInput = z.infer<typeof voidDeclarationSchema>;

/** The form, as the finance action takes it (lib/forms/staff-action.ts). */
export const VOID_DECLARATION_FORM = { schema: voidDeclarationSchema, fields: VOID_DECLARATION_FIELDS };
