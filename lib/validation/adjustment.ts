// The additional adjustment form (name + signed amount in pounds). One schema, used by
// react-hook-form in the browser and re-checked by the server actions, and by the check-your-answers
// pages to read the values back out of their URL.
import { z } from "zod";
import { Decimal } from "@/lib/engine/money";

export const ADJUSTMENT_NAME_MAX_LENGTH = 100;
/** Largest amount either way, in pounds: far above any real adjustment, well inside Decimal(12, 2). */
export const ADJUSTMENT_MAX_AMOUNT = "10000000";
/** Longer than any amount up to the maximum written with "£", commas, a sign and pence. */
const AMOUNT_MAX_LENGTH = 30;

export const ADJUSTMENT_FIELDS = ["name", "amount"] as const;

export const ADJUSTMENT_MESSAGES = {
  nameMissing: "Enter a name for the adjustment",
  nameTooLong: `Name must be ${ADJUSTMENT_NAME_MAX_LENGTH} characters or fewer`,
  nameControlCharacters: "Name must only include letters, numbers, spaces and punctuation",
  amountMissing: "Enter the amount",
  amountNotNumber: "Amount must be an amount of money in pounds, like 1250.50 or -300",
  amountTooManyDecimals: "Amount must not have more than 2 decimal places",
  amountZero: "Amount must not be zero",
  amountTooLarge: "Amount must be between −£10,000,000 and £10,000,000",
} as const;

export type AmountParse =
  | { ok: true; value: string }
  | { ok: false; message: string };

/**
 * Reads a signed amount of money in pounds as people type it: "1250", "£1,250.50", "-£300",
 * "£-300", "−300" (a real minus sign, as the pages show negatives), "+75.5". Returns the amount
 * as a plain decimal string with 2 decimal places ("1250.50", "-300.00"). Never a float.
 */
export function parseAdjustmentAmount(raw: string): AmountParse {
  const text = raw.trim();
  if (text === "") return { ok: false, message: ADJUSTMENT_MESSAGES.amountMissing };
  if (text.length > AMOUNT_MAX_LENGTH) return { ok: false, message: ADJUSTMENT_MESSAGES.amountNotNumber };
  const compact = text.replace(/[\u2212\u2012\u2013\u2014]/g, "-").replace(/[\s,]/g, "");
  const match = /^([+-]?)£?([+-]?)(\d+(?:\.\d+)?|\.\d+)$/.exec(compact);
  if (!match || (match[1] && match[2])) return { ok: false, message: ADJUSTMENT_MESSAGES.amountNotNumber };
  const negative = (match[1] || match[2]) === "-";
  const amount = new Decimal(match[3] as string);
  if (amount.decimalPlaces() > 2) return { ok: false, message: ADJUSTMENT_MESSAGES.amountTooManyDecimals };
  if (amount.isZero()) return { ok: false, message: ADJUSTMENT_MESSAGES.amountZero };
  if (amount.greaterThan(ADJUSTMENT_MAX_AMOUNT)) return { ok: false, message: ADJUSTMENT_MESSAGES.amountTooLarge };
  return { ok: true, value: (negative ? amount.neg() : amount).toFixed(2) };
}

export const adjustmentSchema = z.object({
  name: z
    .string({ error: ADJUSTMENT_MESSAGES.nameMissing })
    .trim()
    .min(1, ADJUSTMENT_MESSAGES.nameMissing)
    .max(ADJUSTMENT_NAME_MAX_LENGTH, ADJUSTMENT_MESSAGES.nameTooLong)
    .regex(/^[^\u0000-\u001f\u007f]*$/, ADJUSTMENT_MESSAGES.nameControlCharacters),
  amount: z.string({ error: ADJUSTMENT_MESSAGES.amountMissing }).transform((value, ctx) => {
    const parsed = parseAdjustmentAmount(value);
    if (!parsed.ok) {
      ctx.addIssue({ code: "custom", message: parsed.message });
      return z.NEVER;
    }
    return parsed.value;
  }),
});

/** What the user typed (strings), and what the schema makes of it (amount as "1250.50"). */
export type AdjustmentFormValues = z.input<typeof adjustmentSchema>;
export type AdjustmentInput = z.output<typeof adjustmentSchema>;

const OUT_OF_DATE = "This page is out of date. Go back to the statement and try again";

/** Confirming a new adjustment: the values plus an idempotency key, so a double submit adds it once. */
export const adjustmentCreateConfirmSchema = adjustmentSchema.extend({
  token: z.uuid({ error: OUT_OF_DATE }),
});
export const ADJUSTMENT_CREATE_CONFIRM_FIELDS = ["name", "amount", "token"] as const;

/** Confirming a change: the values plus the version (last update time) of the adjustment the user saw. */
export const adjustmentChangeConfirmSchema = adjustmentSchema.extend({
  version: z.iso.datetime({ error: OUT_OF_DATE }),
});
export const ADJUSTMENT_CHANGE_CONFIRM_FIELDS = ["name", "amount", "version"] as const;

/** The forms, as the finance actions take them (lib/forms/staff-action.ts). */
export const ADJUSTMENT_FORM = { schema: adjustmentSchema, fields: ADJUSTMENT_FIELDS };
export const ADJUSTMENT_CREATE_CONFIRM_FORM = { schema: adjustmentCreateConfirmSchema, fields: ADJUSTMENT_CREATE_CONFIRM_FIELDS };
export const ADJUSTMENT_CHANGE_CONFIRM_FORM = { schema: adjustmentChangeConfirmSchema, fields: ADJUSTMENT_CHANGE_CONFIRM_FIELDS };

/** An approver confirming an adjustment above the approval limit: the version (last update time) they saw. */
export const adjustmentApprovalSchema = z.object({ version: z.iso.datetime({ error: OUT_OF_DATE }) });
export const ADJUSTMENT_APPROVAL_FIELDS = ["version"] as const;
export const ADJUSTMENT_APPROVAL_FORM = { schema: adjustmentApprovalSchema, fields: ADJUSTMENT_APPROVAL_FIELDS };
