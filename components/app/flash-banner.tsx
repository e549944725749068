"use client";
// Shows a success flash once, then deletes its cookie so a refresh or the next page does not repeat it.
import { useEffect } from "react";
import { NotificationBanner } from "@/components/govuk";
import type { Flash } from "@/lib/flash";

export function FlashBanner({ flash }: { flash: Flash }) {
  useEffect(() => {
    // The attributes it was set with (lib/flash.ts): Secure whenever the page is served over HTTPS.
    document.cookie = `ecf-flash=; Max-Age=0; path=/; SameSite=Lax${window.location.protocol === "https:" ? "; Secure" : ""}`;
  }, []);
  return (
    <NotificationBanner type="success" heading={flash.heading}>
      {flash.body && <p className="govuk-body">{flash.body}</p>}
    </NotificationBanner>
  );
}
