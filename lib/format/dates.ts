// Dates as GOV.UK writes them: "25 November 2026", times "4:36pm" (no leading zero, lower-case am/pm).
// - Date-only columns (statement cut-offs, induction dates: `@db.Date`) are calendar days stored at
//   UTC midnight: `formatDate` (the lifecycle's own `formatUtcDate`, so there is one formatter).
// - Moments (declaration dates, audit entries, created/updated) are shown in UK time.
import { formatUtcDate } from "@/lib/declarations/rules/lifecycle";

export const UK_TIME_ZONE = "Europe/London";

/** A calendar day (a `@db.Date` column): "31 March 2025". */
export function formatDate(date: Date): string {
  return formatUtcDate(date);
}

const ukDateParts = new Intl.DateTimeFormat("en-GB", {
  timeZone: UK_TIME_ZONE,
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "numeric",
  minute: "2-digit",
  hourCycle: "h12",
});

function parts(date: Date): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of ukDateParts.formatToParts(date)) out[part.type] = part.value;
  return out;
}

/** The UK calendar day of a moment: "13 November 2020". */
export function formatUkDate(date: Date): string {
  const p = parts(date);
  return `${p.day} ${p.month} ${p.year}`;
}

/** A moment in UK time: "13 November 2020 at 11:21am"; midday is "12pm", midnight "12am". */
export function formatUkDateTime(date: Date): string {
  const p = parts(date);
  const period = (p.dayPeriod ?? "").toLowerCase().replace(/\./g, "").replace(/\s/g, "");
  const minute = p.minute === "00" ? "" : `:${p.minute}`;
  return `${p.day} ${p.month} ${p.year} at ${p.hour}${minute}${period}`;
}
