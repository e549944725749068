// Staff accounts: password hashing and checking (bcryptjs), and the account changes the staff:*
// commands make (scripts/staff.ts). A user's session version is carried in the session JWT and
// compared on every request (lib/auth/guard.ts): adding one to it ends every session of that user.
import bcrypt from "bcryptjs";
import type { PrismaClient } from "@/generated/prisma/client";
import { checkPassword } from "./password-check";
import { StaffRole } from "@/generated/prisma/enums";

const COST = 12;
// Compared against when the email is unknown, so a wrong email takes as long as a wrong password.
const DUMMY_HASH = "$2b$12$GmjSVj40axYBJ0C27tb6Uuf652Zs6j4/aYD3fZCOLO2cK4JxHaWBK";

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export type StaffIdentity = { id: string; email: string; name: string; roles: string[]; sessionVersion: number };

/** The roles a staff user may hold: the schema's StaffRole enum (guard.ts's Role says what each may do). */
export const STAFF_ROLES: readonly StaffRoleName[] = Object.values(StaffRole);
export type StaffRoleName = StaffRole;

/** bcrypt reads only the first 72 bytes of a password, so longer ones are refused, not cut. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_BYTES = 72;

/** Why a password cannot be used, or null when it can. */
export function passwordProblem(password: string): string | null {
  if ([...password].length < PASSWORD_MIN_LENGTH) return `The password must be at least ${PASSWORD_MIN_LENGTH} characters.`;
  if (Buffer.byteLength(password, "utf8") > PASSWORD_MAX_BYTES) return `The password must be at most ${PASSWORD_MAX_BYTES} bytes (bcrypt reads no more).`;
  if (password.trim() !== password) return "The password must not start or end with white space.";
  return null;
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** A signed-in user's identity, or null for a wrong email or password or a disabled user (the same answer). */
export async function authenticateStaff(
  prisma: PrismaClient,
  email: string,
  password: string,
): Promise<StaffIdentity | null> {
  const user = await prisma.staffUser.findUnique({ where: { email: normaliseEmail(email) } });
  // Within the cap on concurrent checks (lib/auth/password-check.ts): may throw PasswordChecksBusyError.
  const ok = await checkPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok || user.disabledAt) return null;
  return { id: user.id, email: user.email, name: user.name, roles: user.roles, sessionVersion: user.sessionVersion };
}

export class StaffAccountError extends Error {}

export interface NewStaffUser {
  email: string;
  name: string;
  roles: readonly StaffRoleName[];
  password: string;
}

/** `npm run staff:add`: a new staff user with a bcrypt-hashed password. */
export async function createStaffUser(prisma: PrismaClient, input: NewStaffUser): Promise<StaffIdentity> {
  const email = normaliseEmail(input.email);
  const name = input.name.trim();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw new StaffAccountError(`"${email.slice(0, 80)}" is not an email address.`);
  if (!name) throw new StaffAccountError("The name must not be empty.");
  if (input.roles.length === 0) throw new StaffAccountError(`Give at least one role: ${STAFF_ROLES.join(", ")}.`);
  const problem = passwordProblem(input.password);
  if (problem) throw new StaffAccountError(problem);
  if (await prisma.staffUser.findUnique({ where: { email }, select: { id: true } })) {
    throw new StaffAccountError(`A staff user with the email ${email} already exists.`);
  }
  const user = await prisma.staffUser.create({
    data: { email, name, roles: [...new Set(input.roles)], passwordHash: await hashPassword(input.password) },
  });
  return { id: user.id, email: user.email, name: user.name, roles: user.roles, sessionVersion: user.sessionVersion };
}

async function existing(prisma: PrismaClient, email: string) {
  const user = await prisma.staffUser.findUnique({ where: { email: normaliseEmail(email) } });
  if (!user) throw new StaffAccountError(`No staff user has the email ${normaliseEmail(email)}.`);
  return user;
}

/** Ends every session of the user at once (sign-out does this for the signed-in user). */
export async function endStaffSessions(prisma: PrismaClient, userId: string): Promise<void> {
  await prisma.staffUser.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}

/** `npm run staff:disable`: no more sign-ins, and every session ends now. Returns false when already disabled. */
export async function disableStaffUser(prisma: PrismaClient, email: string, now: Date = new Date()): Promise<boolean> {
  const user = await existing(prisma, email);
  if (user.disabledAt) return false;
  await prisma.staffUser.update({ where: { id: user.id }, data: { disabledAt: now, sessionVersion: { increment: 1 } } });
  return true;
}

/** `npm run staff:enable`: the user may sign in again (with their password). Returns false when not disabled. */
export async function enableStaffUser(prisma: PrismaClient, email: string): Promise<boolean> {
  const user = await existing(prisma, email);
  if (!user.disabledAt) return false;
  await prisma.staffUser.update({ where: { id: user.id }, data: { disabledAt: null } });
  return true;
}

/** `npm run staff:reset-password`: a new password, and every session of the user ends now. */
export async function resetStaffPassword(prisma: PrismaClient, email: string, password: string): Promise<void> {
  const problem = passwordProblem(password);
  if (problem) throw new StaffAccountError(problem);
  const user = await existing(prisma, email);
  await prisma.staffUser.update({
    where: { id: user.id },
    data: { passwordHash: await hashPassword(password), sessionVersion: { increment: 1 } },
  });
}

export interface StaffListing {
  email: string;
  name: string;
  roles: string[];
  disabledAt: Date | null;
  createdAt: Date;
}

/** `npm run staff:list`: every staff user, never their password hash. */
export function listStaffUsers(prisma: PrismaClient): Promise<StaffListing[]> {
  return prisma.staffUser.findMany({
    select: { email: true, name: true, roles: true, disabledAt: true, createdAt: true },
    orderBy: { email: "asc" },
  });
}
