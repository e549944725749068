import { describe, expect, it } from "vitest";
import { calculateServiceFee, SERVICE_FEE_MONTHS, serviceFeeInstalment } from "@/lib/engine/service-fee";
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
    expect(money(serviceFeeInstalment(fee, 1))).toBe("12345.67");
    expect(money(serviceFeeInstalment(fee, 29))).toBe("12345.67");
    expect(money(fee.total)).toBe("358024.43");
    expect(fee.breakdown).toEqual({ method: "monthly", monthlyServiceFee: d("12345.67") });
  });

  it("uses a monthly service fee of 0 rather than the formula", () => {
    const fee = calculateServiceFee({ recruitmentTarget: 6000, setUpFee: null, monthlyServiceFee: d(0), bands: threeBands });
    expect(money(serviceFeeInstalment(fee, 7))).toBe("0");
    expect(money(fee.total)).toBe("0");
    expect(fee.breakdown.method).toBe("monthly");
  });

  it("otherwise works it out from the recruitment target (hand-worked)", () => {
    // n = 2000 / 2000 / 2000.
    // A: 2000 × £995 × 40% = 796,000; B: 2000 × £979 × 40% = 783,200; C: 2000 × £966 × 40% = 772,800.
    // Set-up fee deduction: 2000 × £149,651 / 2000 = 149,651.
    // (2,352,000 − 149,651) / 29 = 2,202,349 / 29 = 75,943.0689655…
    // Instalments 1–28: £75,943.07 (to the penny, half up); 29: 2,202,349 − 28 × 75,943.07 = £75,943.04.
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
    expect(money(fee.total)).toBe("2202349");
    expect(money(serviceFeeInstalment(fee, 1))).toBe("75943.07");
    expect(money(serviceFeeInstalment(fee, 28))).toBe("75943.07");
    expect(money(serviceFeeInstalment(fee, 29))).toBe("75943.04");
  });

  it("takes off the set-up fee pro rata when band A is only partly filled", () => {
    // 1000 × £1,000 × 40% = 400,000; deduction 1000 × 58,000 / 2000 = 29,000; 371,000 / 29 = 12,793.10…
    // Instalments 1–28: £12,793.10; 29: 371,000 − 358,206.80 = £12,793.20.
    const fee = calculateServiceFee({
      recruitmentTarget: 1000,
      setUpFee: d(58000),
      monthlyServiceFee: null,
      bands: [band(0, 2000, 1000)],
    });
    if (fee.breakdown.method !== "formula") throw new Error("expected the formula");
    expect(money(fee.breakdown.setUpFeeDeduction)).toBe("29000");
    expect(money(fee.breakdown.totalServiceFee)).toBe("371000");
    expect(money(serviceFeeInstalment(fee, 2))).toBe("12793.1");
    expect(money(serviceFeeInstalment(fee, 29))).toBe("12793.2");
  });

  it("can be negative, and is returned as it is", () => {
    // 100 × £1,000 × 40% = 40,000; deduction 100 × 1,000,000 / 2000 = 50,000; −10,000 / 29 = −344.827…
    // Instalments 1–28: −£344.83 (half away from zero); 29: −10,000 + 28 × 344.83 = −£344.76.
    const fee = calculateServiceFee({
      recruitmentTarget: 100,
      setUpFee: d(1000000),
      monthlyServiceFee: null,
      bands: [band(0, 2000, 1000)],
    });
    expect(money(fee.total)).toBe("-10000");
    expect(money(serviceFeeInstalment(fee, 1))).toBe("-344.83");
    expect(money(serviceFeeInstalment(fee, 29))).toBe("-344.76");
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
    // 500 × £1,000 × 40% − 2,900 = 197,100; ÷ 29 = 6,796.5517… → £6,796.55; 29th: 197,100 − 190,303.40 = £6,796.60.
    expect(money(serviceFeeInstalment(fee, 3))).toBe("6796.55");
    expect(money(serviceFeeInstalment(fee, 29))).toBe("6796.6");
  });

  it("treats a missing set-up fee as 0", () => {
    const fee = calculateServiceFee({
      recruitmentTarget: 29,
      setUpFee: null,
      monthlyServiceFee: null,
      bands: [band(0, 100, 1000, 60, 40)],
    });
    expect(money(serviceFeeInstalment(fee, 1))).toBe("400");
    expect(money(serviceFeeInstalment(fee, 29))).toBe("400");
  });
});

describe("serviceFeeInstalment", () => {
  const fee = calculateServiceFee({ recruitmentTarget: 29, setUpFee: null, monthlyServiceFee: null, bands: [band(0, 100, 1000, 60, 40)] });

  it("pays nothing on a statement without an instalment", () => {
    expect(money(serviceFeeInstalment(fee, null))).toBe("0");
  });

  it("refuses an instalment outside 1–29: no contract is paid a 30th", () => {
    expect(() => serviceFeeInstalment(fee, 0)).toThrow(RangeError);
    expect(() => serviceFeeInstalment(fee, 30)).toThrow(RangeError);
    expect(() => serviceFeeInstalment(fee, 2.5)).toThrow(RangeError);
  });
});
