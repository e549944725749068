// The one shape of a finance server action: the role check, the form re-validated with the same
// zod schema the browser used, the work, then either the error back to the form (nothing typed is
// lost) or a success banner and a redirect to one of our own paths.
import { redirect } from "next/navigation";
import type { z } from "zod";
import { requireStaff, type Role } from "@/lib/auth/guard";
import type { StaffIdentity } from "@/lib/auth/staff";
import { setFlash, type Flash } from "@/lib/flash";
import { formError, validateForm, type FormState } from "./form-state";

/** What the work decided: an error on one field, or where to go (with an optional banner). */
export type ActionOutcome =
  | { error: { field: string; message: string } }
  | { redirectTo: `/${string}`; flash?: Omit<Flash, "path"> };

export interface StaffActionSpec<S extends z.ZodType> {
  role: Role;
  /** Where an anonymous user comes back to after signing in. */
  returnTo: string;
  schema: S;
  fields: readonly string[];
  previous: FormState;
  formData: FormData;
  run(input: { user: StaffIdentity; data: z.infer<S>; values: Record<string, string> }): Promise<ActionOutcome>;
}

export async function staffAction<S extends z.ZodType>(spec: StaffActionSpec<S>): Promise<FormState> {
  const user = await requireStaff(spec.role, spec.returnTo);
  const result = validateForm(spec.schema, spec.formData, spec.fields, spec.previous);
  if (!result.ok) return result.state;
  const outcome = await spec.run({ user, data: result.data, values: result.values });
  if ("error" in outcome) return formError(spec.previous, result.values, outcome.error.field, outcome.error.message);
  if (!outcome.redirectTo.startsWith("/") || outcome.redirectTo.startsWith("//")) throw new Error("Redirects go to our own paths only");
  if (outcome.flash) await setFlash({ path: outcome.redirectTo, ...outcome.flash });
  redirect(outcome.redirectTo);
}
