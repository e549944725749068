// The one shape of a finance server action: the role check, the form re-validated with the same
// zod schema the browser used, the work, then either the error back to the form (nothing typed is
// lost) or a success banner and a redirect to one of our own paths.
import { redirect } from "next/navigation";
import { z as zod, type z } from "zod";
import { requireStaff, type Role } from "@/lib/auth/guard";
import type { StaffIdentity } from "@/lib/auth/staff";
import { setFlash, type Flash } from "@/lib/flash";
import { formError, validateForm, type FormState } from "./form-state";

/** What the work decided: an error on one field, or where to go (with an optional banner). */
export type ActionOutcome =
  | { error: { field: string; message: string } }
  | { redirectTo: `/${string}`; flash?: Omit<Flash, "path"> };

/** A form: the zod schema both the browser and the server check, and its fields in page order. */
export type FormSpec<S extends z.ZodType> = { schema: S; fields: readonly string[] };

/** A form with no fields (a confirmation button): only the role check and the work. */
export const NO_FIELDS_FORM: FormSpec<z.ZodObject<Record<string, never>>> = { schema: zod.object({}), fields: [] };

/** What the browser sent: the form state from the last try, and the form data. */
export type Submission = { previous: FormState; formData: FormData };

/** Who may do it, and where an anonymous user comes back to after signing in. */
export type Access = { role: Role; returnTo: string };

export async function staffAction<S extends z.ZodType>(
  form: FormSpec<S>,
  submission: Submission,
  access: Access,
  run: (input: { user: StaffIdentity; data: z.infer<S>; values: Record<string, string> }) => Promise<ActionOutcome>,
): Promise<FormState> {
  const { previous, formData } = submission;
  const user = await requireStaff(access.role, access.returnTo);
  const result = validateForm(form.schema, formData, form.fields, previous);
  if (!result.ok) return result.state;
  const outcome = await run({ user, data: result.data, values: result.values });
  if ("error" in outcome) return formError(previous, result.values, outcome.error.field, outcome.error.message);
  if (!outcome.redirectTo.startsWith("/") || outcome.redirectTo.startsWith("//")) throw new Error("Redirects go to our own paths only");
  if (outcome.flash) await setFlash({ path: outcome.redirectTo, ...outcome.flash });
  redirect(outcome.redirectTo);
}
