"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getPrisma } from "@/lib/db/client";
import { safeReturnPath } from "@/lib/auth/guard";
import { clientIp, trustedProxiesFromEnv } from "@/lib/auth/client-ip";
import { PasswordChecksBusyError } from "@/lib/auth/password-check";
import { signInLimiter } from "@/lib/auth/rate-limit";
import { FIRST_WAIT_SECONDS, tooManySignInAttempts } from "@/lib/auth/rules/sign-in-back-off";
import { startSession } from "@/lib/auth/session";
import { authenticateStaff } from "@/lib/auth/staff";
import { formError, validateForm, type FormState } from "@/lib/forms/form-state";
import { log } from "@/lib/log";
import { SIGN_IN_FIELDS, signInSchema } from "@/lib/validation/sign-in";

export async function signIn(previous: FormState, formData: FormData): Promise<FormState> {
  const result = validateForm(signInSchema, formData, SIGN_IN_FIELDS, previous);
  // Never send the password back to the page.
  if (!result.ok) return { ...result.state, values: { email: result.state.values.email ?? "" } };
  const requestHeaders = await headers();
  const requestId = requestHeaders.get("x-request-id") ?? undefined;
  const attempt = { email: result.data.email, ip: clientIp(requestHeaders, trustedProxiesFromEnv()) };
  const values = { email: result.values.email ?? "" };
  const limiter = await signInLimiter();
  // The attempt is counted first; over the limit, refuse without checking the password (no bcrypt
  // work, no oracle).
  const decision = await limiter.attempt(attempt);
  if (!decision.ok) {
    log.warn({ event: "sign_in.rate_limited", requestId }, "sign_in.rate_limited");
    return formError(previous, values, "email", tooManySignInAttempts(decision.waitSeconds));
  }
  let user;
  try {
    user = await authenticateStaff(await getPrisma(), result.data.email, result.data.password);
  } catch (error) {
    if (!(error instanceof PasswordChecksBusyError)) throw error;
    // Too many password checks already running or waiting (lib/auth/password-check.ts).
    log.warn({ event: "sign_in.busy", requestId }, "sign_in.busy");
    return formError(previous, values, "email", tooManySignInAttempts(FIRST_WAIT_SECONDS));
  }
  if (!user) {
    log.info({ event: "sign_in.failed", requestId }, "sign_in.failed");
    return formError(previous, values, "email", "Enter a correct email address and password");
  }
  await limiter.succeeded(attempt);
  await startSession(user);
  log.info({ event: "sign_in", requestId, staffUserId: user.id }, "sign_in");
  const callbackUrl = formData.get("callbackUrl");
  redirect(safeReturnPath(typeof callbackUrl === "string" ? callbackUrl : "/"));
}
