/** Month names, as statements are named ("November 2025") and the API reports them ("May"). */
export const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

export type MonthName = (typeof MONTH_NAMES)[number];

/** The name of month 1–12; throws on anything else (a programming error, not user input). */
export function monthName(month: number): MonthName {
  const name = MONTH_NAMES[month - 1];
  if (!Number.isInteger(month) || name === undefined) throw new RangeError(`No month ${month}`);
  return name;
}
