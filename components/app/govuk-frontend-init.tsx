"use client";
// The one place govuk-frontend's JavaScript is initialised for the page (initAll), again after
// each client-side navigation. Components that appear without a navigation (error summary,
// notification banner) initialise themselves (components/govuk/use-govuk-frontend.ts).
import { useEffect } from "react";
import { usePathname } from "next/navigation";

export function GovukFrontendInit() {
  const pathname = usePathname();
  useEffect(() => {
    let cancelled = false;
    import("govuk-frontend")
      .then(({ initAll }) => {
        if (cancelled) return;
        initAll({
          onError(error: unknown) {
            // Already initialised (a re-run after navigation, or React's development double effect).
            if (error instanceof Error && error.name === "InitError") return;
            console.error(error);
          },
        });
      })
      .catch((error: unknown) => console.error("govuk-frontend failed to load", error));
    return () => {
      cancelled = true;
    };
  }, [pathname]);
  return null;
}
