// "Authorise for payment": a required confirmation checkbox, and the figures the approver checked
// (hidden fields: the figures' fingerprint and the total with VAT, lib/statements/rules/figures-check.ts).
// The browser (react-hook-form) checks the checkbox; the server action checks the same schema with
// the figures added.
import { z } from "zod";

export const AUTHORISE_FIELDS = ["confirm"] as const;
export const AUTHORISE_CONFIRM_VALUE = "yes";

export const AUTHORISE_MESSAGES = {
  confirmMissing: "Confirm that all the necessary checks have been done",
  outOfDate: "This page is out of date. Go back to the statement and try again",
} as const;

export const authoriseSchema = z.object({
  confirm: z.literal(AUTHORISE_CONFIRM_VALUE, { error: AUTHORISE_MESSAGES.confirmMissing }),
});

/** The figures the page showed, in hidden fields: what the action compares under the row lock. */
export const checkedFiguresSchema = z.object({
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/, { error: AUTHORISE_MESSAGES.outOfDate }),
  totalWithVat: z.string().regex(/^-?\d{1,12}(\.\d{1,10})?$/, { error: AUTHORISE_MESSAGES.outOfDate }),
});

export const authoriseSubmissionSchema = authoriseSchema.extend(checkedFiguresSchema.shape);

export type AuthoriseInput = z.infer<typeof authoriseSchema>;

/** The form, as the action takes it (lib/forms/staff-action.ts): the checkbox and the figures checked. */
export const AUTHORISE_FORM = { schema: authoriseSubmissionSchema, fields: [...AUTHORISE_FIELDS, "fingerprint", "totalWithVat"] as const };
