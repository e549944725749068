import { describe, expect, it } from "vitest";
import { calculateUplift } from "@/lib/engine/uplift";
import { d, line, money } from "./fixtures";

const all = () => true;

describe("calculateUplift", () => {
  const lines = [
    line("started", "eligible", 3, { uplift: true }),
    line("started", "payable", 2, { uplift: true }),
    line("started", "paid", 1, { uplift: true }),
    line("started", "paid", 7, { uplift: false }),
    line("started", "submitted", 4, { uplift: true }),
    line("started", "ineligible", 4, { uplift: true }),
    line("started", "voided", 4, { uplift: true }),
    line("retained-1", "paid", 5, { uplift: true }),
    line("started", "awaiting_clawback", 2, { uplift: true }),
    line("started", "clawed_back", 1, { uplift: true }),
    line("started", "clawed_back", 9, { uplift: false }),
  ];

  it("pays the uplift amount per billable started line item with the uplift, and claws it back per refundable one", () => {
    const uplift = calculateUplift(d(100), lines, all);
    expect(uplift.upliftCount).toBe(6);
    expect(uplift.upliftClawbackCount).toBe(3);
    expect(money(uplift.upliftFees)).toBe("600");
    expect(money(uplift.upliftClawbacks)).toBe("-300");
  });

  it("has no cap and no bands", () => {
    const uplift = calculateUplift(d("100.5"), [line("started", "paid", 100000, { uplift: true })], all);
    expect(money(uplift.upliftFees)).toBe("10050000");
  });

  it("pays nothing when the contract has no uplift amount", () => {
    const uplift = calculateUplift(null, lines, all);
    expect(uplift).toEqual({ upliftCount: 0, upliftClawbackCount: 0, upliftFees: d(0), upliftClawbacks: d(0) });
  });

  it("counts only the line items the filter lets through", () => {
    const mixed = [line("started", "paid", 2, { uplift: true }), line("started", "paid", 5, { uplift: true, participantType: "mentor" })];
    const uplift = calculateUplift(d(100), mixed, (l) => l.participantType === "ect");
    expect(uplift.upliftCount).toBe(2);
  });
});
