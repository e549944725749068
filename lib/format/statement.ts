// Statement pages' display helpers: the few labels the statement pages need. Tags are in
// lib/format/tags.ts, money and dates in lib/format/money.ts and lib/format/dates.ts.

/** "Output statement" or "Service fee only". */
export function statementKindLabel(outputFee: boolean): string {
  return outputFee ? "Output statement" : "Service fee only";
}

/** Band letter as a column heading: "Band A". */
export function bandLabel(letter: string): string {
  return `Band ${letter}`;
}

/** "1,234" for counts in tables. */
export function formatCount(count: number): string {
  return count.toLocaleString("en-GB");
}

/** "40%" from a decimal string percentage like "40" or "12.5". */
export function formatPercentage(value: string): string {
  return `${value}%`;
}
