import type { HTMLAttributes, ReactNode } from "react";
import { ActionLink, SummaryList, type SummaryListAction, type SummaryListProps } from "./summary-list";
import { cx, hasContent, type HeadingLevel } from "./utils";

export interface SummaryCardProps extends Omit<HTMLAttributes<HTMLDivElement>, "className" | "title"> {
  title?: ReactNode;
  /** Title heading level, default 2. */
  titleHeadingLevel?: HeadingLevel;
  titleClassName?: string;
  /** Card-level actions; their visually hidden text gets " (title)" appended. */
  actions?: readonly SummaryListAction[];
  actionsClassName?: string;
  /** Rows of the summary list inside the card. */
  rows?: SummaryListProps["rows"];
  /** Extra classes for the inner summary list. */
  listClassName?: string;
  /** Custom card content, rendered instead of a summary list when `rows` is not given. */
  children?: ReactNode;
  className?: string;
}

/** GOV.UK Summary card: a titled card wrapping a summary list. */
export function SummaryCard({
  title,
  titleHeadingLevel,
  titleClassName,
  actions = [],
  actionsClassName,
  rows,
  listClassName,
  children,
  className,
  ...attributes
}: SummaryCardProps) {
  const Heading = `h${titleHeadingLevel || 2}` as const;
  const hasTitle = hasContent(title);

  return (
    <div className={cx("govuk-summary-card", className)} {...attributes}>
      <div className="govuk-summary-card__title-wrapper">
        {hasTitle ? <Heading className={cx("govuk-summary-card__title", titleClassName)}>{title}</Heading> : null}
        {actions.length === 1 && actions[0] ? (
          <div className={cx("govuk-summary-card__actions", actionsClassName)}>
            <ActionLink action={actions[0]} cardTitle={title} />
          </div>
        ) : actions.length > 1 ? (
          <ul className={cx("govuk-summary-card__actions", actionsClassName)}>
            {actions.map((action, index) => (
              <li key={index} className="govuk-summary-card__action">
                <ActionLink action={action} cardTitle={title} />
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <div className="govuk-summary-card__content">
        {rows ? <SummaryList rows={rows} className={listClassName} cardTitle={title} /> : children}
      </div>
    </div>
  );
}
