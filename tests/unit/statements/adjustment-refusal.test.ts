import { describe, expect, it } from "vitest";
import { adjustmentRefusal } from "@/lib/statements/rules/adjustment-refusal";

describe("adjustmentRefusal", () => {
  it("allows adjustments on output statements that are open or payable", () => {
    expect(adjustmentRefusal({ status: "open", outputFee: true })).toBeNull();
    expect(adjustmentRefusal({ status: "payable", outputFee: true })).toBeNull();
  });

  it("refuses them once the statement is paid, output statement or not", () => {
    expect(adjustmentRefusal({ status: "paid", outputFee: true })).toBe("statement_paid");
    expect(adjustmentRefusal({ status: "paid", outputFee: false })).toBe("statement_paid");
  });

  it("refuses them on statements that pay the service fee only", () => {
    expect(adjustmentRefusal({ status: "open", outputFee: false })).toBe("not_output_statement");
    expect(adjustmentRefusal({ status: "payable", outputFee: false })).toBe("not_output_statement");
  });

});
