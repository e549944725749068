import type { ReactNode } from "react";
import { cx } from "./utils";

export interface PageShellProps {
  /** Rendered above `<main>`, e.g. a BackLink or breadcrumbs. */
  beforeContent?: ReactNode;
  children?: ReactNode;
  /** Extra classes for `govuk-main-wrapper`, e.g. `govuk-main-wrapper--l`. */
  mainClassName?: string;
  /** Extra classes for `govuk-width-container`. */
  className?: string;
}

/** Page layout: width container with optional before-content and `<main id="main-content">`. */
export function PageShell({ beforeContent, children, mainClassName, className }: PageShellProps) {
  return (
    <div className={cx("govuk-width-container", className)}>
      {beforeContent}
      <main className={cx("govuk-main-wrapper", mainClassName)} id="main-content">
        {children}
      </main>
    </div>
  );
}
