// What a form's server action returns to the page: the values the user sent (React 19 resets
// the form after an action, so the page re-fills it from these), GOV.UK errors in field order,
// and a counter so each failed submission re-focuses the error summary.
import type { z } from "zod";

export type FieldError = { field: string; message: string };

export type FormState = {
  submission: number;
  values: Record<string, string>;
  errors: FieldError[];
};

export const initialFormState: FormState = { submission: 0, values: {}, errors: [] };

/** The schema's issues as GOV.UK errors: the first message per field, in `fieldOrder`. */
export function fieldErrors(error: z.ZodError, fieldOrder: readonly string[]): FieldError[] {
  const byField = new Map<string, string>();
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? fieldOrder[0] ?? "form");
    if (!byField.has(field)) byField.set(field, issue.message);
  }
  const ordered = [...fieldOrder, ...[...byField.keys()].filter((f) => !fieldOrder.includes(f))];
  return ordered.filter((f) => byField.has(f)).map((field) => ({ field, message: byField.get(field)! }));
}

/** The submitted text fields, "" for a missing one, as the browser sends an empty field
 * (files and repeated names are not used by our forms). */
export function formValues(formData: FormData, fields: readonly string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const field of fields) {
    const value = formData.get(field);
    values[field] = typeof value === "string" ? value : "";
  }
  return values;
}

export type Validated<T> = { ok: true; data: T; values: Record<string, string> } | { ok: false; state: FormState };

/** Server side: re-validate the form with the same schema the browser used. */
export function validateForm<S extends z.ZodType>(
  schema: S,
  formData: FormData,
  fields: readonly string[],
  previous: FormState,
): Validated<z.infer<S>> {
  const values = formValues(formData, fields);
  const parsed = schema.safeParse(values);
  if (parsed.success) return { ok: true, data: parsed.data, values };
  return { ok: false, state: { submission: previous.submission + 1, values, errors: fieldErrors(parsed.error, fields) } };
}

export function formError(previous: FormState, values: Record<string, string>, field: string, message: string): FormState {
  return { submission: previous.submission + 1, values, errors: [{ field, message }] };
}
