import type { AnchorHTMLAttributes, ReactNode } from "react";
import { cx, hasContent } from "./utils";

export interface BackLinkProps extends Omit<AnchorHTMLAttributes<HTMLAnchorElement>, "className" | "href"> {
  /** Link target, default "#". */
  href?: string;
  /** Link text, default "Back" (alternatively use `children`). */
  text?: ReactNode;
  children?: ReactNode;
  /** Extra classes, e.g. `govuk-back-link--inverse`. */
  className?: string;
}

/** GOV.UK Back link. */
export function BackLink({ href, text, children, className, ...attributes }: BackLinkProps) {
  const content = hasContent(children) ? children : hasContent(text) ? text : "Back";
  return (
    <a href={href || "#"} className={cx("govuk-back-link", className)} {...attributes}>
      {content}
    </a>
  );
}
