// Date helpers with no I/O.

/** The latest of the given dates (the epoch when none is given). */
export function latest(...dates: (Date | null | undefined)[]): Date {
  let max = new Date(0);
  for (const d of dates) if (d && d > max) max = d;
  return max;
}
