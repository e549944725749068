import type { AnchorHTMLAttributes, ReactNode } from "react";
import { cx } from "./utils";

export interface SkipLinkProps extends Omit<AnchorHTMLAttributes<HTMLAnchorElement>, "className" | "href"> {
  /** Target, default "#main-content" (the id PageShell gives `<main>`). */
  href?: string;
  /** Link text, default "Skip to main content". */
  children?: ReactNode;
  className?: string;
}

/** GOV.UK Skip link. */
export function SkipLink({ href, children = "Skip to main content", className, ...attributes }: SkipLinkProps) {
  return (
    <a href={href || "#main-content"} className={cx("govuk-skip-link", className)} {...attributes} data-module="govuk-skip-link">
      {children}
    </a>
  );
}
