"use server";

import { redirect } from "next/navigation";
import { currentStaff } from "@/lib/auth/guard";
import { endSession } from "@/lib/auth/session";
import { endStaffSessions } from "@/lib/auth/staff";
import { getPrisma } from "@/lib/db/client";

/**
 * Signing out needs no role: anyone may end their own session. It ends every session of the user
 * (the session version moves on, so a copy of the cookie is refused too), then deletes the cookie.
 */
export async function signOut(): Promise<void> {
  const user = await currentStaff();
  if (user) await endStaffSessions(await getPrisma(), user.id);
  await endSession();
  redirect("/sign-in?signedOut=1");
}
