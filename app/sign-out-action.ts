"use server";

import { redirect } from "next/navigation";
import { endSession } from "@/lib/auth/session";

/** Signing out needs no role: anyone may end their own session. */
export async function signOut(): Promise<void> {
  await endSession();
  redirect("/sign-in?signedOut=1");
}
