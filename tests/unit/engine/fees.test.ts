import { describe, expect, it } from "vitest";
import { DECLARATION_TYPES } from "@/lib/domain/declaration-types";
import { mentorFeePerDeclaration } from "@/lib/engine/mentor-fees";
import { outputFeePerDeclaration } from "@/lib/engine/output-fees";
import { calculateVat } from "@/lib/engine/vat";
import { band, d, money } from "./fixtures";

describe("outputFeePerDeclaration (seed: £1,000 per ECT, 60% output)", () => {
  const thousand = band(0, 2000, 1000, 60, 40);

  it.each([
    ["started", "120"],
    ["retained-1", "90"],
    ["retained-2", "90"],
    ["retained-3", "90"],
    ["retained-4", "90"],
    ["completed", "120"],
    ["extended-1", "90"],
    ["extended-2", "90"],
    ["extended-3", "90"],
  ] as const)("%s pays £%s", (type, fee) => {
    expect(money(outputFeePerDeclaration(type, thousand))).toBe(fee);
  });

  it("the nine payments add up to the £600 output fee plus three £90 extensions", () => {
    const total = DECLARATION_TYPES.reduce((sum, type) => sum.plus(outputFeePerDeclaration(type, thousand)), d(0));
    expect(money(total)).toBe("870");
  });

  it("keeps pence unrounded: £995 at 60% → started £119.40, retained £89.55", () => {
    const b = band(0, 2000, 995, 60, 40);
    expect(money(outputFeePerDeclaration("started", b))).toBe("119.4");
    expect(money(outputFeePerDeclaration("retained-2", b))).toBe("89.55");
  });

  it("works with fractional percentages", () => {
    expect(money(outputFeePerDeclaration("started", band(0, 10, 1000, "62.5", "37.5")))).toBe("125");
  });
});

describe("mentorFeePerDeclaration (seed: £1,000 per mentor → £500 + £500)", () => {
  it("pays 50% on started and 50% on completed", () => {
    expect(money(mentorFeePerDeclaration("started", d(1000)))).toBe("500");
    expect(money(mentorFeePerDeclaration("completed", d(1000)))).toBe("500");
  });

  it.each(["retained-1", "retained-2", "retained-3", "retained-4", "extended-1", "extended-2", "extended-3"] as const)(
    "pays nothing for %s (mentors cannot declare it)",
    (type) => {
      expect(money(mentorFeePerDeclaration(type, d(1000)))).toBe("0");
    },
  );
});

describe("calculateVat", () => {
  it("is 20% of the total when the provider is VAT-chargeable", () => {
    expect(money(calculateVat(d("1096"), true))).toBe("219.2");
    expect(money(calculateVat(d("-50"), true))).toBe("-10");
  });

  it("is 0 when the provider is not VAT-chargeable", () => {
    expect(money(calculateVat(d("1096"), false))).toBe("0");
  });
});
