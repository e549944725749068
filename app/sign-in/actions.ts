"use server";

import { redirect } from "next/navigation";
import { getPrisma } from "@/lib/db/client";
import { safeReturnPath } from "@/lib/auth/guard";
import { startSession } from "@/lib/auth/session";
import { authenticateStaff } from "@/lib/auth/staff";
import { formError, validateForm, type FormState } from "@/lib/forms/form-state";
import { SIGN_IN_FIELDS, signInSchema } from "@/lib/validation/sign-in";

export async function signIn(previous: FormState, formData: FormData): Promise<FormState> {
  const result = validateForm(signInSchema, formData, SIGN_IN_FIELDS, previous);
  // Never send the password back to the page.
  if (!result.ok) return { ...result.state, values: { email: result.state.values.email ?? "" } };
  const user = await authenticateStaff(await getPrisma(), result.data.email, result.data.password);
  if (!user) {
    return formError(previous, { email: result.values.email ?? "" }, "email", "Enter a correct email address and password");
  }
  await startSession(user);
  const callbackUrl = formData.get("callbackUrl");
  redirect(safeReturnPath(typeof callbackUrl === "string" ? callbackUrl : "/"));
}
