// The service fee over a whole cohort: 29 instalments that add up to the contract's total exactly,
// and none beyond the 29th, for any contract (property test), and on DfE's statement calendar.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { calculateStatements } from "@/lib/engine/calculate-statements";
import { sumMoney } from "@/lib/engine/money";
import { calculateServiceFee, SERVICE_FEE_MONTHS, serviceFeeInstalment, serviceFeePayable } from "@/lib/engine/service-fee";
import { statementCalendar } from "@/lib/statements/rules/statement-calendar";
import { band, contract, d, money, statement } from "./fixtures";

const pennies = (max: number) => fc.integer({ min: 0, max: max * 100 }).map((p) => d(p).div(100));

const anyContract = fc.record({
  recruitmentTarget: fc.integer({ min: 0, max: 20_000 }),
  setUpFee: fc.option(pennies(500_000), { nil: null }),
  monthlyServiceFee: fc.option(pennies(200_000), { nil: null, freq: 4 }),
  bands: fc
    .array(fc.record({ size: fc.integer({ min: 1, max: 5000 }), perParticipant: pennies(3000), servicePercent: fc.integer({ min: 0, max: 100 }) }), { minLength: 1, maxLength: 4 })
    .map((specs) => {
      let min = 0;
      return specs.map((spec, i) => {
        const max = i === specs.length - 1 ? null : min + spec.size;
        const b = band(min, max, spec.perParticipant, 100 - spec.servicePercent, spec.servicePercent);
        min = (max ?? 0) + 1;
        return b;
      });
    }),
});

describe("service-fee instalments over a cohort", () => {
  it("pays a total with fractions of a penny to the penny: £400.004 → 28 × £13.79 + £13.88 = £400.00", () => {
    const fee = calculateServiceFee({ recruitmentTarget: 1, setUpFee: null, monthlyServiceFee: null, bands: [band(0, null, "1000.01")] });
    expect(money(fee.total)).toBe("400.004");
    expect(money(serviceFeePayable(fee))).toBe("400");
    expect(money(serviceFeeInstalment(fee, 1))).toBe("13.79");
    expect(money(serviceFeeInstalment(fee, 29))).toBe("13.88");
  });

  it("Σ instalments 1–29 = the contract's total service fee, to the penny, for any contract", () => {
    fc.assert(
      fc.property(anyContract, (c) => {
        const fee = calculateServiceFee(c);
        const instalments = Array.from({ length: SERVICE_FEE_MONTHS }, (_, i) => serviceFeeInstalment(fee, i + 1));
        expect(money(sumMoney(instalments))).toBe(money(serviceFeePayable(fee)));
        expect(fee.total.minus(serviceFeePayable(fee)).abs().lessThanOrEqualTo("0.005")).toBe(true);
        // Every instalment is a whole number of pennies, and the first 28 are equal.
        for (const instalment of instalments) expect(instalment.decimalPlaces()).toBeLessThanOrEqual(2);
        expect(new Set(instalments.slice(0, -1).map(money)).size).toBe(1);
        // None beyond the 29th.
        expect(() => serviceFeeInstalment(fee, SERVICE_FEE_MONTHS + 1)).toThrow(RangeError);
      }),
      { numRuns: 500 },
    );
  });

  it("a whole cohort on DfE's calendar (31 statements) pays the total exactly once", () => {
    fc.assert(
      fc.property(anyContract, fc.integer({ min: 2021, max: 2030 }), (c, cohort) => {
        const calendar = statementCalendar(cohort);
        const results = calculateStatements({
          contract: contract({ ...c, upliftAmount: null, vatChargeable: false }),
          mentorContract: null,
          statements: calendar.map((s) => statement(s.name, [], { serviceFeeInstalment: s.serviceFeeInstalment })),
        });
        expect(money(sumMoney(results.map((r) => r.ect.serviceFee)))).toBe(money(serviceFeePayable(calculateServiceFee(c))));
        expect(results.filter((r) => r.ect.serviceFeeInstalment !== null)).toHaveLength(29);
        expect(results.slice(29).map((r) => money(r.ect.serviceFee))).toEqual(["0", "0"]);
      }),
      { numRuns: 200 },
    );
  });
});
