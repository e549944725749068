import type { HTMLAttributes, ReactNode } from "react";
import { cx } from "./utils";

export interface ErrorMessageProps extends Omit<HTMLAttributes<HTMLParagraphElement>, "className" | "children"> {
  children?: ReactNode;
  id?: string;
  className?: string;
  /** Visually hidden prefix, rendered as `<span class="govuk-visually-hidden">Error:</span>`. Pass `""` to remove it. */
  visuallyHiddenText?: string;
}

/** GOV.UK Error message. */
export function ErrorMessage({
  children,
  id,
  className,
  visuallyHiddenText = "Error",
  ...attributes
}: ErrorMessageProps) {
  return (
    <p id={id} className={cx("govuk-error-message", className)} {...attributes}>
      {visuallyHiddenText ? (
        <>
          <span className="govuk-visually-hidden">{visuallyHiddenText}:</span>{" "}
        </>
      ) : null}
      {children}
    </p>
  );
}
