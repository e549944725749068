/**
 * Money for the payment engine.
 *
 * Money is always a Decimal (decimal.js), never a JavaScript float. The engine keeps
 * amounts unrounded; rounding happens only where money is displayed (`formatMoney`).
 * 40 significant digits is far more than any statement needs, so figures such as a
 * service fee divided by 29 keep their full precision.
 */
import DecimalJs from "decimal.js";

export const Decimal = DecimalJs.clone({
  precision: 40,
  rounding: DecimalJs.ROUND_HALF_UP,
  // Never switch to exponent notation when printing.
  toExpNeg: -9e15,
  toExpPos: 9e15,
});

export type Decimal = DecimalJs;

/** Anything a Decimal can be made from: a decimal string, a Decimal, or (for counts) a number. */
export type DecimalValue = DecimalJs.Value;

export const ZERO: Decimal = new Decimal(0);

/**
 * Converts any decimal.js-compatible value (including a Decimal made by another
 * decimal.js constructor, such as Prisma's) to this module's Decimal.
 */
export function toDecimal(value: DecimalValue): Decimal {
  return new Decimal(value);
}

export function sumMoney(values: readonly Decimal[]): Decimal {
  return values.reduce<Decimal>((total, value) => total.plus(value), ZERO);
}

/** A plain decimal string: no exponent, no trailing zeros, e.g. "119.4", "-90", "0". */
export function toMoneyString(value: Decimal): string {
  return new Decimal(value).toString();
}

/**
 * Display only: rounds half up to pence and formats as pounds, e.g. "£1,234.57",
 * "-£90.00". Never feed the result back into a calculation.
 */
export function formatMoney(value: Decimal): string {
  const rounded = new Decimal(value).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  const negative = rounded.isNegative() && !rounded.isZero();
  const [pounds = "0", pence = ""] = rounded.abs().toString().split(".");
  const groupedPounds = pounds.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${negative ? "-" : ""}£${groupedPounds}.${pence.padEnd(2, "0")}`;
}
