// Signed-in sessions for the hardening specs: sign in once per user through the real form, keep
// the cookies, and reuse them in Playwright request contexts (HTTP only, fast).
import type { Browser } from "@playwright/test";
import { signIn } from "../fixtures";

export type StorageState = Awaited<ReturnType<import("@playwright/test").BrowserContext["storageState"]>>;

export async function sessionFor(browser: Browser, baseURL: string, email: string): Promise<StorageState> {
  const context = await browser.newContext({ baseURL });
  try {
    const page = await context.newPage();
    await signIn(page, email);
    return await context.storageState();
  } finally {
    await context.close();
  }
}

export const API_TOKENS = {
  ambition: "demo-token-ambition-institute",
  teachFirst: "demo-token-teach-first",
} as const;
