import type { HTMLAttributes, ReactNode } from "react";
import { cx } from "./utils";

export interface GenericHeaderProps extends Omit<HTMLAttributes<HTMLDivElement>, "className"> {
  /** Homepage link content, e.g. "Department for Education" (alternatively use `children`). */
  logoText?: ReactNode;
  children?: ReactNode;
  /** Homepage link target, default "/". */
  url?: string;
  /** Container classes, default `govuk-width-container`. */
  containerClassName?: string;
  className?: string;
}

/** GOV.UK Frontend v6 Generic header: a homepage link, without the crown or GOV.UK logotype. */
export function GenericHeader({ logoText, children, url, containerClassName, className, ...attributes }: GenericHeaderProps) {
  return (
    <div className={cx("govuk-generic-header", className)} {...attributes}>
      <div className={cx("govuk-generic-header__container", containerClassName || "govuk-width-container")}>
        <div className="govuk-generic-header__logo">
          <a href={url || "/"} className="govuk-generic-header__homepage-link">
            {children ?? logoText}
          </a>
        </div>
      </div>
    </div>
  );
}
