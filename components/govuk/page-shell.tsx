import type { ReactNode } from "react";
import { BackLink } from "./back-link";
import { cx } from "./utils";

export interface PageShellProps {
  /** A back link, placed before `<main>` as the Design System says, in a navigation landmark. */
  backLink?: { href: string; text?: string };
  /** Rendered above `<main>`, e.g. breadcrumbs (after the back link, if any). */
  beforeContent?: ReactNode;
  children?: ReactNode;
  /** Extra classes for `govuk-main-wrapper`, e.g. `govuk-main-wrapper--l`. */
  mainClassName?: string;
  /** Extra classes for `govuk-width-container`. */
  className?: string;
}

/**
 * Page layout: width container, optional back link and before-content, `<main id="main-content">`.
 * The back link sits in `<nav aria-label="Back link">`: outside every landmark it would be content
 * screen reader users can miss, which axe reports ("region"; alphagov/govuk-frontend#1604).
 */
export function PageShell({ backLink, beforeContent, children, mainClassName, className }: PageShellProps) {
  return (
    <div className={cx("govuk-width-container", className)}>
      {backLink && (
        <nav aria-label="Back link">
          <BackLink href={backLink.href} text={backLink.text} />
        </nav>
      )}
      {beforeContent}
      <main className={cx("govuk-main-wrapper", mainClassName)} id="main-content">
        {children}
      </main>
    </div>
  );
}
