/**
 * Whether a statement's additional adjustments can be added to, changed or removed: only on output
 * statements (the ones that pay declarations) that have not been paid. The pages use it to hide the
 * links and to explain why; the writes (lib/statements/adjustments.ts) re-check it with the
 * statement row locked. Pure.
 */
import type { StatementStatus } from "@/lib/domain/statement-statuses";

export type AdjustableStatementRefusal = "statement_paid" | "not_output_statement";

export function adjustmentRefusal(statement: { status: StatementStatus; outputFee: boolean }): AdjustableStatementRefusal | null {
  if (statement.status === "paid") return "statement_paid";
  if (!statement.outputFee) return "not_output_statement";
  return null;
}
