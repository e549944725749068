import type { LabelHTMLAttributes, ReactNode } from "react";
import { cx, hasContent } from "./utils";

export interface LabelProps extends Omit<LabelHTMLAttributes<HTMLLabelElement>, "className" | "children"> {
  children?: ReactNode;
  /** Extra classes, e.g. `govuk-label--l`. */
  className?: string;
  /** Wrap the label in `<h1 class="govuk-label-wrapper">`. */
  isPageHeading?: boolean;
}

/** GOV.UK Label. Renders nothing when there is no content (as the template does). */
export function Label({ children, className, isPageHeading, ...attributes }: LabelProps) {
  if (!hasContent(children)) return null;

  const label = (
    <label className={cx("govuk-label", className)} {...attributes}>
      {children}
    </label>
  );

  return isPageHeading ? <h1 className="govuk-label-wrapper">{label}</h1> : label;
}
