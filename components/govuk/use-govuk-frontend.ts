import { useEffect, type RefObject } from "react";

export type GovukFrontendModule = typeof import("govuk-frontend");

/**
 * Initialise a govuk-frontend JavaScript component on the element in `ref`
 * once it has mounted in the browser.
 *
 * govuk-frontend is imported dynamically inside the effect: a top-level import
 * would be evaluated during server rendering, where `HTMLElement` does not
 * exist. Elements already carrying `data-<moduleName>-init` (for example
 * because `initAll()`/`createAll()` got there first) are left alone.
 *
 * `init` should be a stable (module-level) function. Change `reinitKey` (and
 * give the root element a matching React `key`, so it is a fresh element) when
 * the markup changes in a way the component's script must see again.
 */
export function useGovukFrontend<T extends HTMLElement>(
  ref: RefObject<T | null>,
  moduleName: string,
  init: (govuk: GovukFrontendModule, $root: T) => void,
  reinitKey?: string,
): void {
  useEffect(() => {
    const $root = ref.current;
    if (!$root) return;
    let cancelled = false;

    import("govuk-frontend")
      .then((govuk) => {
        if (cancelled || !$root.isConnected || $root.hasAttribute(`data-${moduleName}-init`)) return;
        init(govuk, $root);
      })
      .catch((error: unknown) => {
        console.error(`Failed to initialise ${moduleName}`, error);
      });

    return () => {
      cancelled = true;
    };
  }, [ref, moduleName, init, reinitKey]);
}
