// The one authorisation helper. Every page, server action and route handler calls it: the
// proxy/middleware is never the guard. Roles are read from the database on every request, so a
// role taken away takes effect at once, not when the session expires.
import { cache } from "react";
import { forbidden, redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { getPrisma } from "@/lib/db/client";
import { authOptions } from "./options";
import type { StaffIdentity } from "./staff";

/** finance: prepares statements (adjustments, voids); approver: authorises them. */
export type Role = "finance" | "approver";

/** The signed-in staff user, or null. Cached for one request. */
export const currentStaff = cache(async (): Promise<StaffIdentity | null> => {
  const session = await getServerSession(authOptions());
  const id = (session?.user as { id?: string } | undefined)?.id;
  if (!id) return null;
  const prisma = await getPrisma();
  const user = await prisma.staffUser.findUnique({ where: { id } });
  if (!user) return null;
  return { id: user.id, email: user.email, name: user.name, roles: user.roles };
});

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
