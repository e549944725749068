import DecimalJs from "decimal.js";
import { describe, expect, it } from "vitest";
import { Decimal, formatMoney, sumMoney, toDecimal, toMoneyString } from "@/lib/engine/money";

describe("toMoneyString", () => {
  it.each([
    ["119.40", "119.4"],
    ["-90.00", "-90"],
    ["0", "0"],
    ["-0", "0"],
    ["1e30", "1000000000000000000000000000000"],
    ["0.0000000001", "0.0000000001"],
  ])("prints %s as %s", (input, expected) => {
    expect(toMoneyString(new Decimal(input))).toBe(expected);
  });

  it("prints a negative zero produced by arithmetic as 0", () => {
    expect(toMoneyString(new Decimal(5).times(0).neg())).toBe("0");
  });
});

describe("Decimal", () => {
  it("keeps 40 significant digits, e.g. a service fee divided by 29", () => {
    expect(toMoneyString(new Decimal(1).div(29))).toBe("0.03448275862068965517241379310344827586207");
  });

  it("adds money without float errors", () => {
    expect(toMoneyString(sumMoney([new Decimal("0.1"), new Decimal("0.2")]))).toBe("0.3");
  });

  it("converts a Decimal from another decimal.js constructor (such as Prisma's) to the engine's precision", () => {
    const Other = DecimalJs.clone({ precision: 5 });
    const converted = toDecimal(new Other("2202349"));
    expect(toMoneyString(converted.div(29))).toBe("75943.06896551724137931034482758620689655");
  });
});

describe("formatMoney (display only)", () => {
  it.each([
    ["1234.565", "£1,234.57"],
    ["-90", "-£90.00"],
    ["0", "£0.00"],
    ["-0.004", "£0.00"],
    ["75943.06896551724137931034482758620689655", "£75,943.07"],
    ["1000000", "£1,000,000.00"],
  ])("formats %s as %s", (input, expected) => {
    expect(formatMoney(new Decimal(input))).toBe(expected);
  });
});
