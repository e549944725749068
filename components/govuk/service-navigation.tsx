"use client";

import { Children, useRef, type HTMLAttributes, type ReactNode, type RefObject } from "react";
import { usePathname } from "next/navigation";
import { useGovukFrontend, type GovukFrontendModule } from "./use-govuk-frontend";
import { cx, hasContent } from "./utils";

export interface ServiceNavigationItem {
  /** Link target. Items without `href` render as text. */
  href?: string;
  text: ReactNode;
  /**
   * How the item is matched against the current pathname:
   * - `"exact"`: only when the pathname equals `href`;
   * - `"prefix"` (default, except for "/"): also on descendant paths (`href + "/…"`).
   * An exact match marks the item as the current page (`aria-current="page"`);
   * a descendant match marks it active (`aria-current="true"`), as the template does
   * for `current` / `active` items. When several items match, the longest `href` wins.
   */
  match?: "exact" | "prefix";
  /** Force the current-page state; this item then skips pathname matching. */
  current?: boolean;
  /** Force the active state; this item then skips pathname matching. */
  active?: boolean;
}

export interface ServiceNavigationProps extends Omit<HTMLAttributes<HTMLElement>, "className" | "children"> {
  serviceName?: ReactNode;
  /** Makes the service name a link. */
  serviceUrl?: string;
  navigation?: ReadonlyArray<ServiceNavigationItem | null | undefined | false>;
  /**
   * Content placed at the end of the navigation list (the template's
   * `slots.navigationEnd` position), each child wrapped in
   * `<li class="govuk-service-navigation__item">`, e.g. a sign-out link or form.
   */
  end?: ReactNode;
  /** `aria-label` of the `<section>` when a service name is given, default "Service information". */
  ariaLabel?: string;
  /** `aria-label` of the `<nav>`, default the menu button text. */
  navigationLabel?: string;
  navigationClassName?: string;
  /** Id of the `<ul>`, default "navigation". */
  navigationId?: string;
  /** Mobile menu toggle text, default "Menu". */
  menuButtonText?: string;
  /** `aria-label` for the toggle, when different from its text. */
  menuButtonLabel?: string;
  /** Collapse the items behind a toggle on small screens; default when there is more than one item. */
  collapseNavigationOnMobile?: boolean;
  className?: string;
}

type ItemState = "current" | "active" | undefined;

function normalisePath(path: string): string {
  const withoutQuery = path.split(/[?#]/, 1)[0] ?? "";
  return withoutQuery.length > 1 ? withoutQuery.replace(/\/+$/, "") : withoutQuery;
}

/** How well `item` matches `pathname`: its href length for a match, -1 otherwise. */
function matchItem(item: ServiceNavigationItem, pathname: string): { score: number; exact: boolean } {
  if (!item.href || !item.href.startsWith("/")) return { score: -1, exact: false };
  const href = normalisePath(item.href);
  if (pathname === href) return { score: href.length, exact: true };
  const mode = item.match ?? (href === "/" ? "exact" : "prefix");
  if (mode === "prefix" && pathname.startsWith(href === "/" ? "/" : `${href}/`)) {
    return { score: href.length, exact: false };
  }
  return { score: -1, exact: false };
}

function isExplicit(item: ServiceNavigationItem): boolean {
  return item.current !== undefined || item.active !== undefined;
}

function itemStates(items: readonly ServiceNavigationItem[], pathname: string | null): ItemState[] {
  const path = pathname ? normalisePath(pathname) : null;
  const matches = items.map((item) =>
    path === null || isExplicit(item) ? { score: -1, exact: false } : matchItem(item, path),
  );
  const best = Math.max(-1, ...matches.map((m) => m.score));
  return items.map((item, index) => {
    if (isExplicit(item)) return item.current ? "current" : item.active ? "active" : undefined;
    const m = matches[index];
    return !m || best < 0 || m.score !== best ? undefined : m.exact ? "current" : "active";
  });
}

function initServiceNavigation(govuk: GovukFrontendModule, $root: HTMLElement) {
  new govuk.ServiceNavigation($root);
}

/**
 * GOV.UK Service navigation. The current item is worked out from the
 * pathname (`usePathname`). On mount, govuk-frontend's ServiceNavigation JS is
 * initialised (mobile menu toggle); the toggle's `hidden` attribute is left to
 * that script.
 */
export function ServiceNavigation({
  serviceName,
  serviceUrl,
  navigation = [],
  end,
  ariaLabel,
  navigationLabel,
  navigationClassName,
  navigationId,
  menuButtonText,
  menuButtonLabel,
  collapseNavigationOnMobile,
  className,
  ...attributes
}: ServiceNavigationProps) {
  const ref = useRef<HTMLElement>(null);
  const pathname = usePathname();

  const items = navigation.filter((item): item is ServiceNavigationItem => Boolean(item));
  const states = itemStates(items, pathname);
  const buttonText = menuButtonText || "Menu";
  const listId = navigationId || "navigation";
  const collapse = collapseNavigationOnMobile ?? items.length > 1;
  // The script wires up the toggle once per element: when the toggle comes or goes
  // (e.g. the navigation changes after signing in), render a fresh root and init again.
  const structure = collapse ? `collapsible:${listId}` : "static";
  useGovukFrontend(ref, "govuk-service-navigation", initServiceNavigation, structure);
  const endItems = Children.toArray(end);
  const hasServiceName = hasContent(serviceName);

  const inner = (
    <div className="govuk-width-container">
      <div className="govuk-service-navigation__container">
        {hasServiceName ? (
          <span className="govuk-service-navigation__service-name">
            {serviceUrl ? (
              <a href={serviceUrl} className="govuk-service-navigation__link">
                {serviceName}
              </a>
            ) : (
              <span className="govuk-service-navigation__text">{serviceName}</span>
            )}
          </span>
        ) : null}
        {items.length > 0 || endItems.length > 0 ? (
          <nav aria-label={navigationLabel || buttonText} className={cx("govuk-service-navigation__wrapper", navigationClassName)}>
            {collapse ? (
              <button
                type="button"
                className="govuk-service-navigation__toggle govuk-js-service-navigation-toggle"
                aria-controls={listId}
                aria-label={menuButtonLabel && menuButtonLabel !== buttonText ? menuButtonLabel : undefined}
                hidden
                aria-hidden="true"
              >
                {buttonText}
              </button>
            ) : null}
            <ul className="govuk-service-navigation__list" id={listId}>
              {items.map((item, index) => {
                const state = states[index];
                const content = state ? (
                  <strong className="govuk-service-navigation__active-fallback">{item.text}</strong>
                ) : (
                  item.text
                );
                const ariaCurrent = state === "current" ? "page" : state === "active" ? "true" : undefined;
                return (
                  <li
                    key={index}
                    className={cx("govuk-service-navigation__item", state && "govuk-service-navigation__item--active")}
                  >
                    {item.href ? (
                      <a className="govuk-service-navigation__link" href={item.href} aria-current={ariaCurrent}>
                        {content}
                      </a>
                    ) : hasContent(item.text) ? (
                      <span className="govuk-service-navigation__text" aria-current={ariaCurrent}>
                        {content}
                      </span>
                    ) : null}
                  </li>
                );
              })}
              {endItems.map((child, index) => (
                <li key={`end-${index}`} className="govuk-service-navigation__item">
                  {child}
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </div>
    </div>
  );

  const common = {
    className: cx("govuk-service-navigation", className),
    "data-module": "govuk-service-navigation",
    ...attributes,
  };

  return hasServiceName ? (
    <section key={structure} ref={ref} aria-label={ariaLabel ?? "Service information"} {...common}>
      {inner}
    </section>
  ) : (
    <div key={structure} ref={ref as RefObject<HTMLDivElement | null>} {...common}>
      {inner}
    </div>
  );
}
