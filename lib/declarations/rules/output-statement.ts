/**
 * Which statement a declaration's line item goes on.
 *
 * Source: voiding-declarations.md, "Definition of voiding" and "Impact of awaiting
 * clawback on statement attachment". A declaration goes on the lead provider's next
 * open output statement for its cohort: of the statements that pay output fees and
 * are still open, the earliest (by cut-off date, then payment date) whose cut-off
 * date is on or after the day the declaration was submitted. A clawback goes on the
 * next open output statement in the same way, chosen on the day of the void.
 *
 * The caller passes the statements of one lead provider and cohort.
 */
import type { StatementStatus } from "@/lib/domain/statement-statuses";
import { utcDay } from "./calendar-date";
import type { Allowed, Refused } from "./result";

export interface StatementForSelection {
  id: string;
  status: StatementStatus;
  /** Whether the statement pays output fees. */
  outputFee: boolean;
  /** The milestone cut-off date. */
  deadlineDate: Date;
  paymentDate: Date;
}

export type NoOpenOutputStatement = Refused<"no_open_output_statement", { cohortStartYear: number }>;

export function selectOutputStatement<S extends StatementForSelection>(
  statements: readonly S[],
  submittedAt: Date,
  cohortStartYear: number,
): Allowed<{ statement: S }> | NoOpenOutputStatement {
  const submittedDay = utcDay(submittedAt);
  const candidates = statements
    .filter((s) => s.outputFee && s.status === "open" && utcDay(s.deadlineDate) >= submittedDay)
    .sort(
      (a, b) =>
        utcDay(a.deadlineDate) - utcDay(b.deadlineDate) ||
        a.paymentDate.getTime() - b.paymentDate.getTime() ||
        a.id.localeCompare(b.id),
    );
  const [statement] = candidates;
  return statement === undefined
    ? { ok: false, code: "no_open_output_statement", cohortStartYear }
    : { ok: true, statement };
}
