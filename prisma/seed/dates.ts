// Calendar arithmetic on UTC day numbers (days since 1970-01-01) and epoch milliseconds.
// The seed never reads the clock itself: "today" is a parameter (the command line's --today,
// by default the current UTC date), and every generated event happens strictly before it.

export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;

export { MONTH_NAMES } from "@/lib/domain/months";

/** Day number of a calendar date (month 1–12). Out-of-range days/months roll over like Date.UTC. */
export function dayOf(year: number, month: number, day: number): number {
  return Math.round(Date.UTC(year, month - 1, day) / DAY_MS);
}

/** Last day of a month (month 1–12), as a day number. */
export function lastDayOfMonth(year: number, month: number): number {
  return Math.round(Date.UTC(year, month, 0) / DAY_MS);
}

export function dayOfMs(ms: number): number {
  return Math.floor(ms / DAY_MS);
}

export function msOfDay(day: number): number {
  return day * DAY_MS;
}

const dayTexts = new Map<number, string>();

/** "YYYY-MM-DD". The scale seed writes millions of dates and timestamps: each day's text is made once. */
export function ymd(day: number): string {
  let text = dayTexts.get(day);
  if (text === undefined) {
    text = new Date(day * DAY_MS).toISOString().slice(0, 10);
    dayTexts.set(day, text);
  }
  return text;
}

function two(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Timestamp text for a `timestamp(3)` column, in UTC (as Prisma stores DateTime): "YYYY-MM-DD HH:MM:SS.mmm". */
export function timestampText(ms: number): string {
  if (!Number.isSafeInteger(ms) || ms < 0) throw new RangeError(`timestampText needs whole milliseconds since 1970, got ${ms}.`);
  const day = Math.floor(ms / DAY_MS);
  const date = ymd(day);
  const inDay = ms - day * DAY_MS;
  const milli = inDay % 1000;
  const seconds = Math.floor(inDay / 1000);
  return `${date} ${two(Math.floor(seconds / 3600))}:${two(Math.floor(seconds / 60) % 60)}:${two(seconds % 60)}.${milli < 10 ? "00" : milli < 100 ? "0" : ""}${milli}`;
}

/** Adds months to (year, month), returning the resulting (year, month). */
export function addMonths(year: number, month: number, months: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + months;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** Day number of a Date's UTC calendar day. */
export function dayOfDate(date: Date): number {
  return dayOfMs(date.getTime());
}

/** Midnight UTC of a day number, as a Date. */
export function dateOfDay(day: number): Date {
  return new Date(msOfDay(day));
}

// A "YYYY-MM-DD" calendar date (midnight UTC), or null: the one parser, shared with the other commands.
export { parseIsoDate } from "@/lib/domain/dates";

/** The current date in UTC (midnight): the seed's default "today". */
export function currentUtcDate(now = new Date()): Date {
  return dateOfDay(dayOfDate(now));
}

/**
 * The date the tests and the benchmarks build the demo data around, pinned so they stay
 * deterministic (playwright.config.ts pins the same one for the end-to-end server). On it: cohorts
 * 2021–2026; October 2026 is the payable output statement of cohorts 2024 and 2025, January 2027
 * their next open one.
 */
export const PINNED_DEMO_TODAY = new Date("2026-10-20T00:00:00.000Z");
