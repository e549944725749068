import type { HTMLAttributes, ReactNode } from "react";
import { cx, hasContent, type HeadingLevel } from "./utils";

export interface PanelProps extends Omit<HTMLAttributes<HTMLDivElement>, "className" | "title"> {
  title: ReactNode;
  /** Title heading level, default 1. */
  headingLevel?: HeadingLevel;
  /** Body content (`govuk-panel__body`, omitted when empty). */
  children?: ReactNode;
  /** Extra classes. Passing `govuk-panel--interruption` drops the default `govuk-panel--confirmation`. */
  className?: string;
}

/** GOV.UK Panel (confirmation variant by default). */
export function Panel({ title, headingLevel, children, className, ...attributes }: PanelProps) {
  const isInterruption = Boolean(className?.includes("govuk-panel--interruption"));
  const Heading = `h${headingLevel || 1}` as const;
  return (
    <div className={cx("govuk-panel", !isInterruption && "govuk-panel--confirmation", className)} {...attributes}>
      <Heading className="govuk-panel__title">{title}</Heading>
      {hasContent(children) ? <div className="govuk-panel__body">{children}</div> : null}
    </div>
  );
}
