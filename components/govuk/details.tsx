import type { DetailsHTMLAttributes, ReactNode } from "react";
import { cx } from "./utils";

export interface DetailsProps extends Omit<DetailsHTMLAttributes<HTMLDetailsElement>, "className" | "children"> {
  /** Summary (the clickable line). */
  summary: ReactNode;
  /** Revealed content. */
  children?: ReactNode;
  /** Initially expanded. */
  open?: boolean;
  id?: string;
  className?: string;
}

/** GOV.UK Details. */
export function Details({ summary, children, open, id, className, ...attributes }: DetailsProps) {
  return (
    <details id={id} className={cx("govuk-details", className)} {...attributes} open={open || undefined}>
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">{summary}</span>
      </summary>
      <div className="govuk-details__text">{children}</div>
    </details>
  );
}
