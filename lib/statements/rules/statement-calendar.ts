/**
 * A lead provider's statements for one cohort: DfE's monthly calendar.
 *
 * Source: the payment calendar reference, sections 3 and 4.
 * - One statement a month from November Y to May Y+3 (31), named after its payment month.
 *   Cut-off (deadline date) = the last day of the previous month; payment date = the 25th.
 * - Output statements (the only ones that take declarations): cohorts 2021 and 2022 in November Y,
 *   February, May and June (first year only), October, then February, May, October…, ending May
 *   Y+3; from cohort 2023 in January, April, August and October. Every other month pays the
 *   service fee only.
 * - The service fee is paid in 29 instalments: instalment k on the k-th statement, so the first
 *   29 statements (November Y to March Y+3) pay one each and April and May Y+3 pay none. No
 *   contract is ever paid more than 29 (docs/payment-rules.md).
 */
import { monthName } from "@/lib/domain/months";
import { SERVICE_FEE_MONTHS } from "@/lib/engine/service-fee";

export const STATEMENTS_PER_COHORT = 31;

export interface StatementSpec {
  /** "January 2025" */
  name: string;
  month: number;
  year: number;
  /** Cut-off: the last day of the previous month (midnight UTC). */
  deadlineDate: Date;
  /** The 25th of the month (midnight UTC). */
  paymentDate: Date;
  outputFee: boolean;
  /** Which of the 29 service-fee instalments it pays (1–29), or null. */
  serviceFeeInstalment: number | null;
}

/** Is a statement of this cohort in this month an output statement? */
export function isOutputMonth(cohortYear: number, year: number, month: number): boolean {
  if (cohortYear >= 2023) return year > cohortYear && [1, 4, 8, 10].includes(month);
  // Cohorts 2021 and 2022.
  if (year === cohortYear) return month === 11;
  if (year === cohortYear + 1 && month === 6) return true; // June, first year only
  return [2, 5, 10].includes(month);
}

/** The cohort's 31 statements, oldest first. */
export function statementCalendar(cohortYear: number): StatementSpec[] {
  if (!Number.isInteger(cohortYear) || cohortYear < 2021) throw new RangeError(`No statement calendar for cohort ${cohortYear}`);
  return Array.from({ length: STATEMENTS_PER_COHORT }, (_, i) => {
    const monthIndex = 10 + i; // November Y is month index 10 of year Y
    const year = cohortYear + Math.floor(monthIndex / 12);
    const month = (monthIndex % 12) + 1;
    return {
      name: `${monthName(month)} ${year}`,
      month,
      year,
      deadlineDate: new Date(Date.UTC(year, month - 1, 0)),
      paymentDate: new Date(Date.UTC(year, month - 1, 25)),
      outputFee: isOutputMonth(cohortYear, year, month),
      serviceFeeInstalment: i < SERVICE_FEE_MONTHS ? i + 1 : null,
    };
  });
}
