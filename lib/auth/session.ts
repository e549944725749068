// Starting and ending a session: the JWT next-auth reads (lib/auth/options.ts), in its cookie. The JWT
// carries the user's session version ("sv"); lib/auth/guard.ts refuses it once the version has moved on.
import { cookies } from "next/headers";
import { encode } from "next-auth/jwt";
import { SESSION_MAX_AGE_SECONDS, authSecret, sessionCookieName, sessionCookieOptions } from "./options";
import type { StaffIdentity } from "./staff";

export async function startSession(user: StaffIdentity): Promise<void> {
  const token = await encode({
    token: { sub: user.id, email: user.email, name: user.name, sv: user.sessionVersion },
    secret: authSecret(),
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
  (await cookies()).set(sessionCookieName(), token, { ...sessionCookieOptions(), maxAge: SESSION_MAX_AGE_SECONDS });
}

/**
 * Deletes the session cookie with the attributes it was set with: a browser ignores a
 * `__Secure-` cookie (HTTPS) set without `Secure`, so a bare delete would leave the session on.
 */
export async function endSession(): Promise<void> {
  (await cookies()).set(sessionCookieName(), "", { ...sessionCookieOptions(), maxAge: 0, expires: new Date(0) });
}
