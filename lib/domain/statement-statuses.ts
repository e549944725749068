/**
 * Statement statuses.
 *
 * Source: voiding-declarations.md, "Frozen cohorts and statements". A statement is
 * open until the day after its cut-off (deadline) date, then payable, then paid once
 * DfE authorises the payment.
 */

import { oneOf } from "./one-of";

export const STATEMENT_STATUSES = ["open", "payable", "paid"] as const;

export type StatementStatus = (typeof STATEMENT_STATUSES)[number];

export const STATEMENT_STATUS_LABELS: Readonly<Record<StatementStatus, string>> = {
  open: "Open",
  payable: "Payable",
  paid: "Paid",
};

export const isStatementStatus = oneOf(STATEMENT_STATUSES);
