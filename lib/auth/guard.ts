// The one authorisation helper. Every page, server action and route handler calls it: the
// proxy/middleware is never the guard. The user is read from the database on every request, so a
// role taken away, a disabled user or an ended session (sign-out, password reset: the session
// version in the JWT is no longer the user's) takes effect at once, not when the JWT expires.
import { cache } from "react";
import { forbidden, redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import type { PrismaClient } from "@/generated/prisma/client";
import { getPrisma } from "@/lib/db/client";
import { authOptions } from "./options";
import type { StaffIdentity } from "./staff";

/** finance: prepares statements (adjustments, voids); approver: authorises them. */
export type Role = "finance" | "approver";

/** The signed-in staff user, or null. Cached for one request. */
export const currentStaff = cache(async (): Promise<StaffIdentity | null> => {
  const session = await getServerSession(authOptions());
  const user = session?.user as SessionUser | undefined;
  if (!user?.id) return null;
  return staffOfSession(await getPrisma(), user);
});

/** What the session callback (lib/auth/options.ts) puts in the session from the JWT. */
export type SessionUser = { id?: unknown; sv?: unknown };

/**
 * The staff user a session's JWT stands for, or null when that user is gone or disabled, or the
 * JWT's session version is not the user's (signed out, password reset, disabled since).
 */
export async function staffOfSession(prisma: PrismaClient, session: SessionUser): Promise<StaffIdentity | null> {
  if (typeof session.id !== "string" || typeof session.sv !== "number") return null;
  const user = await prisma.staffUser.findUnique({ where: { id: session.id } });
  if (!user || user.disabledAt || user.sessionVersion !== session.sv) return null;
  return { id: user.id, email: user.email, name: user.name, roles: user.roles, sessionVersion: user.sessionVersion };
}

export function hasRole(user: StaffIdentity, role: Role): boolean {
  return user.roles.includes(role);
}

/**
 * Requires a signed-in user (anonymous → the sign-in page, coming back to `returnTo`) and,
 * when `role` is given, that role (otherwise → the 403 page).
 */
export async function requireStaff(role: Role | null, returnTo = "/"): Promise<StaffIdentity> {
  const user = await currentStaff();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(safeReturnPath(returnTo))}`);
  if (role && !hasRole(user, role)) forbidden();
  return user;
}

/** Control characters (which browsers strip from a URL: "/\t/evil" becomes "//evil") and backslashes (read as "/"). */
const UNSAFE_IN_PATH = /[\u0000-\u001f\u007f\\]/;
const OWN_ORIGIN = "http://ecf-finance.invalid";

/**
 * Only our own paths: never redirect a user to another origin after sign-in. The value must be a
 * path ("/…", not "//…"), free of control characters and backslashes (also when percent-decoded),
 * and resolve against our own origin to that same origin; anything else is "/".
 */
export function safeReturnPath(value: string | null | undefined): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || UNSAFE_IN_PATH.test(value)) return "/";
  let decoded: string;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    return "/";
  }
  if (UNSAFE_IN_PATH.test(decoded) || decoded.startsWith("//")) return "/";
  const url = new URL(value, OWN_ORIGIN);
  if (url.origin !== OWN_ORIGIN) return "/";
  return `${url.pathname}${url.search}${url.hash}`;
}
