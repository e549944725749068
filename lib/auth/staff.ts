// Staff accounts: password hashing and checking (bcryptjs).
import bcrypt from "bcryptjs";
import type { PrismaClient } from "@/generated/prisma/client";
import { checkPassword } from "./password-check";

const COST = 12;
// Compared against when the email is unknown, so a wrong email takes as long as a wrong password.
const DUMMY_HASH = "$2b$12$GmjSVj40axYBJ0C27tb6Uuf652Zs6j4/aYD3fZCOLO2cK4JxHaWBK";

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export type StaffIdentity = { id: string; email: string; name: string; roles: string[] };

export async function authenticateStaff(
  prisma: PrismaClient,
  email: string,
  password: string,
): Promise<StaffIdentity | null> {
  const user = await prisma.staffUser.findUnique({ where: { email: email.trim().toLowerCase() } });
  // Within the cap on concurrent checks (lib/auth/password-check.ts): may throw PasswordChecksBusyError.
  const ok = await checkPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok) return null;
  return { id: user.id, email: user.email, name: user.name, roles: user.roles };
}
