// One-shot success messages across a redirect (GOV.UK success notification banner): a server
// action sets it for the page it redirects to; that page shows it once and
// components/app/flash-banner.tsx removes it in the browser.
import { cookies } from "next/headers";
import { secureCookies } from "@/lib/auth/options";

export const FLASH_COOKIE = "ecf-flash";

export type Flash = { path: string; heading: string; body?: string };

export async function setFlash(flash: Flash): Promise<void> {
  // Secure over HTTPS like the session cookie; the banner deletes it with the same attributes.
  (await cookies()).set(FLASH_COOKIE, JSON.stringify(flash), { path: "/", maxAge: 60, sameSite: "lax", httpOnly: false, secure: secureCookies() });
}

/** The flash for this page, if any. */
export async function readFlash(path: string): Promise<Flash | null> {
  const raw = (await cookies()).get(FLASH_COOKIE)?.value;
  if (!raw) return null;
  try {
    const flash = JSON.parse(raw) as Flash;
    return flash.path === path && typeof flash.heading === "string" ? flash : null;
  } catch {
    return null;
  }
}
