// Date helpers with no I/O.

/** The latest of the given dates (the epoch when none is given). */
export function latest(...dates: (Date | null | undefined)[]): Date {
  let max = new Date(0);
  for (const d of dates) if (d && d > max) max = d;
  return max;
}

/** A calendar date written YYYY-MM-DD, as midnight UTC; null for anything else (or a day that does not exist). */
export function parseIsoDate(text: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === text ? date : null;
}
