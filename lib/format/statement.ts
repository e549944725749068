// Statement pages' display helpers: the one tag map for statement statuses, and the few labels
// the statement pages need. Money and dates use lib/format/money.ts and lib/format/dates.ts.
import { STATEMENT_STATUS_LABELS, type StatementStatus } from "@/lib/domain/statement-statuses";
import type { TagSpec } from "./tags";
import type { TagColour } from "@/components/govuk";

export const STATEMENT_STATUS_TAG_COLOURS: Readonly<Record<StatementStatus, TagColour | undefined>> = {
  open: "grey", // still collecting declarations
  payable: undefined, // blue: cut-off passed, waiting for authorisation
  paid: "green",
};

export function statementStatusTag(status: StatementStatus): TagSpec {
  return { text: STATEMENT_STATUS_LABELS[status], colour: STATEMENT_STATUS_TAG_COLOURS[status] };
}

/** "Output statement" or "Service fee only". */
export function statementKindLabel(outputFee: boolean): string {
  return outputFee ? "Output statement" : "Service fee only";
}

/** Band letter as a column heading: "Band A". */
export function bandLabel(letter: string): string {
  return `Band ${letter}`;
}

/** "1,234" for counts in tables. */
export function formatCount(count: number): string {
  return count.toLocaleString("en-GB");
}

/** "40%" from a decimal string percentage like "40" or "12.5". */
export function formatPercentage(value: string): string {
  return `${value}%`;
}
