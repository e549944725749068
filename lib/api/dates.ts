// Dates and times as the API reads and writes them. Timestamps go out as ISO 8601 in UTC with
// milliseconds ("2024-05-31T02:22:32.000Z"), calendar dates as "YYYY-MM-DD".

export function timestamp(date: Date): string;
export function timestamp(date: Date | null | undefined): string | null;
export function timestamp(date: Date | null | undefined): string | null {
  return date ? date.toISOString() : null;
}

/** A `@db.Date` column (midnight UTC) as "YYYY-MM-DD". */
export function calendarDate(date: Date): string;
export function calendarDate(date: Date | null | undefined): string | null;
export function calendarDate(date: Date | null | undefined): string | null {
  return date ? date.toISOString().slice(0, 10) : null;
}

function validCalendarDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|([+-])(\d{2}):(\d{2}))$/;

/**
 * An RFC 3339 date-time (date, time and offset all required), e.g. "2024-05-31T02:21:32.000Z"
 * or "2024-05-31T03:21:32+01:00". Null when the text is not one, or names a day that does not exist.
 */
export function parseRfc3339(text: string): Date | null {
  const m = RFC3339.exec(text);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6]].map(Number) as [number, number, number, number, number, number];
  if (!validCalendarDay(year, month, day) || hour > 23 || minute > 59 || second > 59) return null;
  if (m[9] !== undefined && (Number(m[10]) > 23 || Number(m[11]) > 59)) return null;
  const ms = Date.parse(text.toUpperCase());
  return Number.isNaN(ms) ? null : new Date(ms);
}

const ISO8601 = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?([Zz]|[+-]\d{2}(?::?\d{2})?)?)?$/;

/**
 * An ISO 8601 time for `filter[updated_since]`: a date ("2024-05-31", midnight UTC) or a date and
 * time with an optional offset (UTC when none). A "+" in the offset arrives as a space when the
 * client did not URL-encode it; that is accepted too.
 */
export function parseIso8601(raw: string): Date | null {
  const text = raw.trim().replace(/ (\d{2}(?::?\d{2})?)$/, "+$1");
  const m = ISO8601.exec(text);
  if (!m) return null;
  const [year, month, day] = [m[1], m[2], m[3]].map(Number) as [number, number, number];
  if (!validCalendarDay(year, month, day)) return null;
  if (m[4] === undefined) return new Date(Date.UTC(year, month - 1, day));
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  if (hour > 23 || minute > 59 || second > 59) return null;
  const fraction = m[7] ? Math.floor(Number(`0${m[7]}`) * 1000) : 0;
  let offsetMinutes = 0;
  const zone = m[8];
  if (zone && zone.toUpperCase() !== "Z") {
    const digits = zone.slice(1).replace(":", "");
    const hours = Number(digits.slice(0, 2));
    const minutes = digits.length > 2 ? Number(digits.slice(2)) : 0;
    if (hours > 23 || minutes > 59) return null;
    offsetMinutes = (zone.startsWith("-") ? -1 : 1) * (hours * 60 + minutes);
  }
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second, fraction) - offsetMinutes * 60_000);
}
