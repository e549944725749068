/**
 * Statement statuses.
 *
 * Source: voiding-declarations.md, "Frozen cohorts and statements". A statement is
 * open until the day after its cut-off (deadline) date, then payable, then paid once
 * DfE authorises the payment.
 */

export const STATEMENT_STATUSES = ["open", "payable", "paid"] as const;

export type StatementStatus = (typeof STATEMENT_STATUSES)[number];

export const STATEMENT_STATUS_LABELS: Readonly<Record<StatementStatus, string>> = {
  open: "Open",
  payable: "Payable",
  paid: "Paid",
};

export function isStatementStatus(value: unknown): value is StatementStatus {
  return typeof value === "string" && (STATEMENT_STATUSES as readonly string[]).includes(value);
}
