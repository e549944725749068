import { describe, expect, it } from "vitest";
import { calculateServiceFee, SERVICE_FEE_MONTHS } from "@/lib/engine/service-fee";
import { band, d, money } from "./fixtures";

const threeBands = [band(null, 2000, 995), band(2001, 4000, 979), band(4001, null, 966)];

describe("calculateServiceFee", () => {
  it("uses the contract's monthly service fee when it is set", () => {
    const fee = calculateServiceFee({
      recruitmentTarget: 6000,
      setUpFee: d(149651),
      monthlyServiceFee: d("12345.67"),
      bands: threeBands,
    });
    expect(money(fee.amount)).toBe("12345.67");
    expect(fee.breakdown).toEqual({ method: "monthly", monthlyServiceFee: d("12345.67") });
  });

  it("uses a monthly service fee of 0 rather than the formula", () => {
    const fee = calculateServiceFee({ recruitmentTarget: 6000, setUpFee: null, monthlyServiceFee: d(0), bands: threeBands });
    expect(money(fee.amount)).toBe("0");
    expect(fee.breakdown.method).toBe("monthly");
  });

  it("otherwise works it out from the recruitment target (hand-worked)", () => {
    // n = 2000 / 2000 / 2000.
    // A: 2000 × £995 × 40% = 796,000; B: 2000 × £979 × 40% = 783,200; C: 2000 × £966 × 40% = 772,800.
    // Set-up fee deduction: 2000 × £149,651 / 2000 = 149,651.
    // (2,352,000 − 149,651) / 29 = 2,202,349 / 29 = 75,943.0689655…
    const fee = calculateServiceFee({
      recruitmentTarget: 6000,
      setUpFee: d(149651),
      monthlyServiceFee: null,
      bands: threeBands,
    });
    if (fee.breakdown.method !== "formula") throw new Error("expected the formula");
    expect(fee.breakdown.bands.map((b) => [b.letter, b.participants, money(b.amount)])).toEqual([
      ["A", 2000, "796000"],
      ["B", 2000, "783200"],
      ["C", 2000, "772800"],
    ]);
    expect(money(fee.breakdown.setUpFeeDeduction)).toBe("149651");
    expect(money(fee.breakdown.totalServiceFee)).toBe("2202349");
    expect(fee.breakdown.months).toBe(29);
    expect(SERVICE_FEE_MONTHS).toBe(29);
    expect(money(fee.amount)).toBe("75943.06896551724137931034482758620689655");
    expect(money(fee.amount.times(29).toDecimalPlaces(20))).toBe("2202349");
  });

  it("takes off the set-up fee pro rata when band A is only partly filled", () => {
    // 1000 × £1,000 × 40% = 400,000; deduction 1000 × 58,000 / 2000 = 29,000; 371,000 / 29 = 12,793.10…
    const fee = calculateServiceFee({
      recruitmentTarget: 1000,
      setUpFee: d(58000),
      monthlyServiceFee: null,
      bands: [band(0, 2000, 1000)],
    });
    if (fee.breakdown.method !== "formula") throw new Error("expected the formula");
    expect(money(fee.breakdown.setUpFeeDeduction)).toBe("29000");
    expect(money(fee.breakdown.totalServiceFee)).toBe("371000");
    expect(money(fee.amount)).toBe(money(d(371000).div(29)));
  });

  it("can be negative, and is returned as it is", () => {
    // 100 × £1,000 × 40% = 40,000; deduction 100 × 1,000,000 / 2000 = 50,000; −10,000 / 29.
    const fee = calculateServiceFee({
      recruitmentTarget: 100,
      setUpFee: d(1000000),
      monthlyServiceFee: null,
      bands: [band(0, 2000, 1000)],
    });
    expect(fee.amount.isNegative()).toBe(true);
    expect(money(fee.amount)).toBe("-344.8275862068965517241379310344827586207");
  });

  it("reports recruitment above a bounded top band, which earns no service fee", () => {
    const fee = calculateServiceFee({
      recruitmentTarget: 6000,
      setUpFee: d(0),
      monthlyServiceFee: null,
      bands: [band(0, 2000, 1000)],
    });
    if (fee.breakdown.method !== "formula") throw new Error("expected the formula");
    expect(fee.breakdown.recruitmentBeyondBands).toBe(4000);
    expect(money(fee.breakdown.totalServiceFee)).toBe("800000");
  });

  it("deducts the whole set-up fee when band A is unbounded", () => {
    const fee = calculateServiceFee({
      recruitmentTarget: 500,
      setUpFee: d(2900),
      monthlyServiceFee: null,
      bands: [band(0, null, 1000)],
    });
    if (fee.breakdown.method !== "formula") throw new Error("expected the formula");
    expect(money(fee.breakdown.setUpFeeDeduction)).toBe("2900");
    expect(money(fee.amount)).toBe("6796.551724137931034482758620689655172414");
  });

  it("treats a missing set-up fee as 0", () => {
    const fee = calculateServiceFee({
      recruitmentTarget: 29,
      setUpFee: null,
      monthlyServiceFee: null,
      bands: [band(0, 100, 1000, 60, 40)],
    });
    expect(money(fee.amount)).toBe("400");
  });
});
