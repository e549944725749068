import type { HTMLAttributes, ReactNode } from "react";
import { cx } from "./utils";

export interface WarningTextProps extends Omit<HTMLAttributes<HTMLDivElement>, "className"> {
  children?: ReactNode;
  /** Visually hidden text for the "!" icon, default "Warning". */
  iconFallbackText?: string;
  className?: string;
}

/** GOV.UK Warning text. */
export function WarningText({ children, iconFallbackText, className, ...attributes }: WarningTextProps) {
  return (
    <div className={cx("govuk-warning-text", className)} {...attributes}>
      <span className="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <strong className="govuk-warning-text__text">
        <span className="govuk-visually-hidden">{iconFallbackText || "Warning"}</span> {children}
      </strong>
    </div>
  );
}
