// The payments picture's pure parts: what each statement pays, split into the five parts the
// picture stacks (from the engine's serialised result, so the figures are the statement page's),
// and the chart's geometry — the scale, its ticks, and each bar's stacked segments, positive parts
// above the axis and negative ones (clawbacks, a negative adjustment) below it.
import { sumMoney, toDecimal, toMoneyString, type StatementJson } from "@/lib/engine";

export const PAYMENT_PARTS = ["outputPayments", "serviceFee", "uplift", "clawbacks", "adjustments"] as const;
export type PaymentPart = (typeof PAYMENT_PARTS)[number];

export const PAYMENT_PART_LABELS: Readonly<Record<PaymentPart, string>> = {
  outputPayments: "Output payments",
  serviceFee: "Service fee",
  uplift: "Uplift fees",
  clawbacks: "Clawbacks",
  adjustments: "Adjustments",
};

/** Money as unrounded decimal strings, excluding VAT; the five parts add up to `total`. */
export type PaymentParts = Record<PaymentPart, string> & { total: string };

/** A statement's result in the picture's five parts (ECT and mentor sides together). */
export function paymentParts(result: StatementJson): PaymentParts {
  const { ect, mentor } = result;
  const add = (...values: (string | undefined)[]) => toMoneyString(sumMoney(values.filter((v): v is string => v !== undefined).map((v) => toDecimal(v))));
  return {
    outputPayments: add(ect.outputPayment, mentor?.outputPayment),
    serviceFee: add(ect.serviceFee),
    uplift: add(ect.upliftFees),
    clawbacks: add(ect.clawbacks, ect.upliftClawbacks, mentor?.clawbacks),
    adjustments: add(ect.additionalAdjustments, ect.reconcileAmount),
    total: result.total,
  };
}

export type ChartBarInput = { id: string; label: string; marked: boolean; parts: Record<PaymentPart, number> };

export type ChartSegment = { part: PaymentPart; value: number; y: number; height: number };
export type ChartBar = { id: string; label: string; marked: boolean; x: number; width: number; centre: number; segments: ChartSegment[] };
export type ChartTick = { value: number; y: number };

export type ChartGeometry = {
  width: number;
  height: number;
  plot: { left: number; top: number; right: number; bottom: number };
  /** y of the zero line. */
  zeroY: number;
  ticks: ChartTick[];
  bars: ChartBar[];
};

export type ChartSize = { width: number; height: number; left: number; right: number; top: number; bottom: number };

export const DEFAULT_CHART_SIZE: ChartSize = { width: 960, height: 360, left: 88, right: 16, top: 28, bottom: 56 };

/** A "nice" step (1, 2 or 5 × 10ⁿ) so that about `count` steps cover `range`. */
export function niceStep(range: number, count = 4): number {
  if (!(range > 0) || !Number.isFinite(range)) return 1;
  const raw = range / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

/** Positive parts stack up from zero in PAYMENT_PARTS order; negative parts stack down from zero. */
function stacks(parts: Record<PaymentPart, number>): { up: number; down: number } {
  let up = 0;
  let down = 0;
  for (const part of PAYMENT_PARTS) {
    const value = parts[part];
    if (value > 0) up += value;
    else if (value < 0) down += value;
  }
  return { up, down };
}

export function paymentsPictureGeometry(bars: readonly ChartBarInput[], size: ChartSize = DEFAULT_CHART_SIZE): ChartGeometry {
  const plot = { left: size.left, top: size.top, right: size.width - size.right, bottom: size.height - size.bottom };
  let max = 0;
  let min = 0;
  for (const bar of bars) {
    const { up, down } = stacks(bar.parts);
    max = Math.max(max, up);
    min = Math.min(min, down);
  }
  const step = niceStep(max - min);
  const top = max > 0 ? Math.ceil(max / step) * step : min < 0 ? 0 : step;
  const bottom = min < 0 ? Math.floor(min / step) * step : 0;
  const scale = (plot.bottom - plot.top) / (top - bottom);
  const yOf = (value: number) => plot.top + (top - value) * scale;
  const zeroY = yOf(0);

  const ticks: ChartTick[] = [];
  for (let value = bottom; value <= top + step / 2; value += step) ticks.push({ value: Math.round(value * 100) / 100, y: yOf(value) });

  const slot = bars.length > 0 ? (plot.right - plot.left) / bars.length : 0;
  const width = Math.max(1, Math.min(48, slot * 0.6));
  const chartBars = bars.map((bar, index): ChartBar => {
    const centre = plot.left + slot * (index + 0.5);
    let up = 0;
    let down = 0;
    const segments: ChartSegment[] = [];
    for (const part of PAYMENT_PARTS) {
      const value = bar.parts[part];
      if (value === 0 || !Number.isFinite(value)) continue;
      if (value > 0) {
        segments.push({ part, value, y: yOf(up + value), height: value * scale });
        up += value;
      } else {
        segments.push({ part, value, y: yOf(down), height: -value * scale });
        down += value;
      }
    }
    return { id: bar.id, label: bar.label, marked: bar.marked, x: centre - width / 2, width, centre, segments };
  });
  return { width: size.width, height: size.height, plot, zeroY, ticks, bars: chartBars };
}
