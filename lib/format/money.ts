// Money for pages. The engine's `formatMoney` rounds half up to the penny and writes "£1,234.57";
// pages show a negative amount with a real minus sign (U+2212), "−£1,234.56", which screen readers
// announce as "minus" and which does not break from the figure at the end of a line.
import { formatMoney, toDecimal, type Decimal } from "@/lib/engine";

export const MINUS_SIGN = "\u2212";

/** The engine's Decimal, or anything that prints as a decimal number (e.g. Prisma's Decimal). */
type MoneyValue = Decimal | { toString(): string };

/** "£1,234.57" or "−£1,234.57" (display only: never parse it back). */
export function formatMoneyForDisplay(value: MoneyValue): string {
  const formatted = formatMoney(toDecimal(value.toString()));
  return formatted.startsWith("-") ? `${MINUS_SIGN}${formatted.slice(1)}` : formatted;
}
