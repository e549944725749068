import type { HTMLAttributes, ReactNode } from "react";
import { Tag } from "./tag";
import { cx } from "./utils";

export interface PhaseBannerProps extends Omit<HTMLAttributes<HTMLDivElement>, "className"> {
  /** Phase tag content, e.g. "Beta". */
  tag: ReactNode;
  /** Extra tag classes, e.g. `govuk-tag--grey`. */
  tagClassName?: string;
  /** Banner text. */
  children?: ReactNode;
  /**
   * Add `govuk-width-container` to `.govuk-phase-banner` (default `true`, as
   * GOV.UK Frontend v6 renders it, for use directly below the header).
   * Set `false` when the banner is already inside a width container.
   */
  widthContainer?: boolean;
  className?: string;
}

/** GOV.UK Phase banner. */
export function PhaseBanner({ tag, tagClassName, children, widthContainer = true, className, ...attributes }: PhaseBannerProps) {
  return (
    <div className={cx("govuk-phase-banner", widthContainer && "govuk-width-container", className)} {...attributes}>
      <p className="govuk-phase-banner__content">
        <Tag className={cx("govuk-phase-banner__content__tag", tagClassName)}>{tag}</Tag>
        <span className="govuk-phase-banner__text">{children}</span>
      </p>
    </div>
  );
}
