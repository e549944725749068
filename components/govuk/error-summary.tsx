"use client";

import { useRef, type HTMLAttributes, type ReactNode } from "react";
import { useGovukFrontend, type GovukFrontendModule } from "./use-govuk-frontend";
import { cx, hasContent } from "./utils";

export interface ErrorSummaryItem {
  /** Link target, usually `#<field id>`. Items without `href` render as plain text. */
  href?: string;
  text: ReactNode;
}

export interface ErrorSummaryProps extends Omit<HTMLAttributes<HTMLDivElement>, "className" | "children" | "title"> {
  errors: readonly ErrorSummaryItem[];
  /** Heading, default "There is a problem". */
  title?: ReactNode;
  /** Optional description paragraph above the list. */
  description?: ReactNode;
  /** Renders `data-disable-auto-focus` (omitted when undefined). */
  disableAutoFocus?: boolean;
  className?: string;
}

function initErrorSummary(govuk: GovukFrontendModule, $root: HTMLDivElement) {
  new govuk.ErrorSummary($root);
}

/**
 * GOV.UK Error summary. On mount, govuk-frontend's ErrorSummary JS is
 * initialised: it moves focus to the summary and makes the links focus
 * their fields.
 */
export function ErrorSummary({
  errors,
  title = "There is a problem",
  description,
  disableAutoFocus,
  className,
  ...attributes
}: ErrorSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);
  useGovukFrontend(ref, "govuk-error-summary", initErrorSummary);

  return (
    <div
      ref={ref}
      className={cx("govuk-error-summary", className)}
      data-disable-auto-focus={disableAutoFocus === undefined ? undefined : String(disableAutoFocus)}
      {...attributes}
      data-module="govuk-error-summary"
    >
      <div role="alert">
        <h2 className="govuk-error-summary__title">{title}</h2>
        <div className="govuk-error-summary__body">
          {hasContent(description) ? <p>{description}</p> : null}
          {errors.length > 0 ? (
            <ul className="govuk-list govuk-error-summary__list">
              {errors.map((error, index) => (
                <li key={index}>{error.href ? <a href={error.href}>{error.text}</a> : error.text}</li>
              ))}
            </ul>
          ) : null}
        </div>
      </div>
    </div>
  );
}
