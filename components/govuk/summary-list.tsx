import type { HTMLAttributes, ReactNode } from "react";
import { cx, hasContent } from "./utils";

export interface SummaryListAction {
  href: string;
  text: ReactNode;
  /** Appended in a visually hidden span, e.g. "name" → "Change<span> name</span>". */
  visuallyHiddenText?: string;
  className?: string;
}

export interface SummaryListRow {
  key: ReactNode;
  value: ReactNode;
  actions?: readonly SummaryListAction[];
  className?: string;
  keyClassName?: string;
  valueClassName?: string;
  actionsClassName?: string;
}

export interface SummaryListProps extends Omit<HTMLAttributes<HTMLDListElement>, "className" | "children"> {
  /** Rows; falsy entries are skipped, so rows can be built conditionally. */
  rows: ReadonlyArray<SummaryListRow | null | undefined | false>;
  /** Extra classes, e.g. `govuk-summary-list--no-border`. */
  className?: string;
  /**
   * Title of the enclosing summary card: appended to every action's visually
   * hidden text as " (title)". Set by SummaryCard.
   */
  cardTitle?: ReactNode;
}

function hasActions(row: SummaryListRow): boolean {
  return (row.actions?.length ?? 0) > 0;
}

/** Action link shared with SummaryCard (internal). */
export function ActionLink({ action, cardTitle }: { action: SummaryListAction; cardTitle?: ReactNode }) {
  const hasCardTitle = hasContent(cardTitle);
  return (
    <a className={cx("govuk-link", action.className)} href={action.href}>
      {action.text}
      {action.visuallyHiddenText || hasCardTitle ? (
        <span className="govuk-visually-hidden">
          {action.visuallyHiddenText ? ` ${action.visuallyHiddenText}` : null}
          {hasCardTitle ? <> ({cardTitle})</> : null}
        </span>
      ) : null}
    </a>
  );
}

/** GOV.UK Summary list. */
export function SummaryList({ rows, className, cardTitle, ...attributes }: SummaryListProps) {
  const anyRowHasActions = rows.some((row) => row && hasActions(row));

  return (
    <dl className={cx("govuk-summary-list", className)} {...attributes}>
      {rows.map((row, index) => {
        if (!row) return null;
        const actions = row.actions ?? [];
        return (
          <div
            key={index}
            className={cx(
              "govuk-summary-list__row",
              anyRowHasActions && !hasActions(row) && "govuk-summary-list__row--no-actions",
              row.className,
            )}
          >
            <dt className={cx("govuk-summary-list__key", row.keyClassName)}>{row.key}</dt>
            <dd className={cx("govuk-summary-list__value", row.valueClassName)}>{row.value}</dd>
            {actions.length > 0 ? (
              <dd className={cx("govuk-summary-list__actions", row.actionsClassName)}>
                {actions.length === 1 && actions[0] ? (
                  <ActionLink action={actions[0]} cardTitle={cardTitle} />
                ) : (
                  <ul className="govuk-summary-list__actions-list">
                    {actions.map((action, actionIndex) => (
                      <li key={actionIndex} className="govuk-summary-list__actions-list-item">
                        <ActionLink action={action} cardTitle={cardTitle} />
                      </li>
                    ))}
                  </ul>
                )}
              </dd>
            ) : null}
          </div>
        );
      })}
    </dl>
  );
}
