/**
 * Calendar dates for statement cut-offs. Dates are compared as calendar days in
 * UTC, so a declaration submitted at any time on the cut-off day is on time.
 */
import { MONTH_NAMES } from "@/lib/domain/months";

/** The UTC calendar day as a sortable number, e.g. 20250331 (NaN for an invalid date). */
export function utcDay(date: Date): number {
  return date.getUTCFullYear() * 10000 + (date.getUTCMonth() + 1) * 100 + date.getUTCDate();
}

/** "31 March 2025" (UTC). */
export function formatUtcDate(date: Date): string {
  return `${date.getUTCDate()} ${MONTH_NAMES[date.getUTCMonth()] ?? "?"} ${date.getUTCFullYear()}`;
}
