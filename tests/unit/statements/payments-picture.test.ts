// The payments picture's geometry: the scale, stacking above and below the axis, zero months.
import { describe, expect, it } from "vitest";
import {
  niceStep,
  paymentParts,
  paymentsPictureGeometry,
  PAYMENT_PARTS,
  type ChartBarInput,
  type ChartSize,
  type PaymentPart,
} from "@/lib/statements/rules/payments-picture";
import type { StatementJson } from "@/lib/engine";

const SIZE: ChartSize = { width: 500, height: 300, left: 50, right: 50, top: 0, bottom: 100 };

function bar(id: string, parts: Partial<Record<PaymentPart, number>>, marked = false): ChartBarInput {
  const all = Object.fromEntries(PAYMENT_PARTS.map((part) => [part, parts[part] ?? 0])) as Record<PaymentPart, number>;
  return { id, label: id, marked, parts: all };
}

describe("niceStep", () => {
  it("is 1, 2 or 5 times a power of ten", () => {
    expect(niceStep(100)).toBe(50);
    expect(niceStep(1000)).toBe(500);
    expect(niceStep(35_000)).toBe(10_000);
    expect(niceStep(7)).toBe(2);
    expect(niceStep(0)).toBe(1);
    expect(niceStep(Number.NaN)).toBe(1);
  });
});

describe("paymentsPictureGeometry", () => {
  it("scales the tallest stack to the top of the plot, zero at the bottom when nothing is negative", () => {
    const g = paymentsPictureGeometry([bar("a", { outputPayments: 60, serviceFee: 40 }), bar("b", { serviceFee: 50 })], SIZE);
    // max 100, step 50: the axis runs 0–100 over 200 pixels.
    expect(g.zeroY).toBe(200);
    expect(g.ticks.map((t) => t.value)).toEqual([0, 50, 100]);
    expect(g.ticks.map((t) => t.y)).toEqual([200, 100, 0]);
    const [a, b] = g.bars;
    expect(a!.segments).toEqual([
      { part: "outputPayments", value: 60, y: 80, height: 120 },
      { part: "serviceFee", value: 40, y: 0, height: 80 },
    ]);
    expect(b!.segments).toEqual([{ part: "serviceFee", value: 50, y: 100, height: 100 }]);
  });

  it("puts bars in equal slots, left to right, centred", () => {
    const g = paymentsPictureGeometry([bar("a", { serviceFee: 1 }), bar("b", { serviceFee: 1 })], SIZE);
    expect(g.bars.map((b) => b.centre)).toEqual([150, 350]);
    expect(g.bars.every((b) => b.width === 48)).toBe(true);
  });

  it("stacks negative parts down from the axis: clawbacks, then a negative adjustment", () => {
    const g = paymentsPictureGeometry([bar("a", { outputPayments: 100, clawbacks: -50, adjustments: -50, uplift: 0 })], SIZE);
    // range 200, step 50: the axis runs −100–100, zero in the middle.
    expect(g.zeroY).toBe(100);
    expect(g.ticks.map((t) => t.value)).toEqual([-100, -50, 0, 50, 100]);
    expect(g.bars[0]!.segments).toEqual([
      { part: "outputPayments", value: 100, y: 0, height: 100 },
      { part: "clawbacks", value: -50, y: 100, height: 50 },
      { part: "adjustments", value: -50, y: 150, height: 50 },
    ]);
  });

  it("a positive adjustment stacks on top; segment heights add up to the stack", () => {
    const g = paymentsPictureGeometry([bar("a", { outputPayments: 30, serviceFee: 20, uplift: 10, adjustments: 40 })], SIZE);
    const segments = g.bars[0]!.segments;
    expect(segments.map((s) => s.part)).toEqual(["outputPayments", "serviceFee", "uplift", "adjustments"]);
    expect(segments.at(-1)!.y).toBe(0);
    expect(segments.reduce((sum, s) => sum + s.height, 0)).toBe(200);
  });

  it("zero months have no segments; all zero still draws an axis", () => {
    const g = paymentsPictureGeometry([bar("a", {}), bar("b", {})], SIZE);
    expect(g.bars.every((b) => b.segments.length === 0)).toBe(true);
    expect(g.zeroY).toBe(200);
    expect(g.ticks.map((t) => t.value)).toEqual([0, 1]);
    expect(paymentsPictureGeometry([], SIZE).bars).toEqual([]);
  });

  it("all negative: zero at the top", () => {
    const g = paymentsPictureGeometry([bar("a", { clawbacks: -100 })], SIZE);
    expect(g.zeroY).toBe(0);
    expect(g.bars[0]!.segments).toEqual([{ part: "clawbacks", value: -100, y: 0, height: 200 }]);
  });
});

describe("paymentParts", () => {
  it("splits the engine's result into five parts that add up to its total", () => {
    const result = {
      id: "s",
      ect: { outputPayment: "1000", serviceFee: "500", upliftFees: "200", clawbacks: "-300", upliftClawbacks: "-100", additionalAdjustments: "50", reconcileAmount: "-25" },
      mentor: { outputPayment: "750", clawbacks: "-75" },
      total: "2000",
    } as unknown as StatementJson;
    expect(paymentParts(result)).toEqual({
      outputPayments: "1750",
      serviceFee: "500",
      uplift: "200",
      clawbacks: "-475",
      adjustments: "25",
      total: "2000",
    });
  });
});
