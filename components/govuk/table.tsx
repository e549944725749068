import type { HTMLAttributes, ReactNode, TableHTMLAttributes } from "react";
import { cx } from "./utils";

export interface TableCell {
  text: ReactNode;
  /** `"numeric"` right-aligns with tabular numbers (`govuk-table__cell--numeric` / `govuk-table__header--numeric`). */
  format?: "numeric";
  className?: string;
  colSpan?: number;
  rowSpan?: number;
  /** Extra attributes for the `<td>`/`<th>`. */
  attributes?: HTMLAttributes<HTMLTableCellElement> & Record<`data-${string}`, string | number | undefined>;
}

/** A cell object, or plain text as shorthand for `{ text }`. */
export type TableCellInput = TableCell | string | number;

export interface TableProps extends Omit<TableHTMLAttributes<HTMLTableElement>, "className" | "children"> {
  caption?: ReactNode;
  /** Caption classes, e.g. `govuk-table__caption--m`. */
  captionClassName?: string;
  head?: readonly TableCellInput[];
  /** Body rows; falsy rows are skipped. */
  rows: ReadonlyArray<readonly TableCellInput[] | null | undefined | false>;
  /** Render each row's first cell as `<th scope="row" class="govuk-table__header">`. */
  firstCellIsHeader?: boolean;
  className?: string;
}

function toCell(cell: TableCellInput): TableCell {
  return typeof cell === "object" ? cell : { text: cell };
}

/** GOV.UK Table. */
export function Table({ caption, captionClassName, head, rows, firstCellIsHeader, className, ...attributes }: TableProps) {
  return (
    <table className={cx("govuk-table", className)} {...attributes}>
      {caption !== undefined && caption !== null && caption !== "" ? (
        <caption className={cx("govuk-table__caption", captionClassName)}>{caption}</caption>
      ) : null}
      {head ? (
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            {head.map(toCell).map((cell, index) => (
              <th
                key={index}
                scope="col"
                className={cx(
                  "govuk-table__header",
                  cell.format && `govuk-table__header--${cell.format}`,
                  cell.className,
                )}
                colSpan={cell.colSpan || undefined}
                rowSpan={cell.rowSpan || undefined}
                {...cell.attributes}
              >
                {cell.text}
              </th>
            ))}
          </tr>
        </thead>
      ) : null}
      <tbody className="govuk-table__body">
        {rows.map((row, rowIndex) =>
          row ? (
            <tr key={rowIndex} className="govuk-table__row">
              {row.map(toCell).map((cell, index) =>
                index === 0 && firstCellIsHeader ? (
                  <th
                    key={index}
                    scope="row"
                    className={cx("govuk-table__header", cell.className)}
                    colSpan={cell.colSpan || undefined}
                    rowSpan={cell.rowSpan || undefined}
                    {...cell.attributes}
                  >
                    {cell.text}
                  </th>
                ) : (
                  <td
                    key={index}
                    className={cx("govuk-table__cell", cell.format && `govuk-table__cell--${cell.format}`, cell.className)}
                    colSpan={cell.colSpan || undefined}
                    rowSpan={cell.rowSpan || undefined}
                    {...cell.attributes}
                  >
                    {cell.text}
                  </td>
                ),
              )}
            </tr>
          ) : null,
        )}
      </tbody>
    </table>
  );
}
