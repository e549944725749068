import { describe, expect, it } from "vitest";
import { Decimal } from "@/lib/engine";
import { DECLARATION_STATES } from "@/lib/domain/declaration-states";
import { formatDate, formatUkDate, formatUkDateTime } from "@/lib/format/dates";
import { formatMoneyForDisplay, MINUS_SIGN } from "@/lib/format/money";
import { declarationTypeLabel, humaniseCode, pluralise } from "@/lib/format/labels";
import { declarationStateTag, trainingStatusTag, DECLARATION_STATE_TAG_COLOURS } from "@/lib/format/tags";

describe("formatMoneyForDisplay", () => {
  it.each([
    ["1234.565", "£1,234.57"],
    ["0", "£0.00"],
    ["-0.001", "£0.00"],
    ["-1234.56", `${MINUS_SIGN}£1,234.56`],
    ["-90", "−£90.00"],
  ])("shows %s as %s", (value, expected) => {
    expect(formatMoneyForDisplay(new Decimal(value))).toBe(expected);
  });

  it("takes Prisma's Decimal too", () => {
    expect(formatMoneyForDisplay({ toString: () => "-2375.5" })).toBe("−£2,375.50");
  });
});

describe("dates", () => {
  it("shows a calendar day as stored", () => {
    expect(formatDate(new Date("2025-03-31T00:00:00Z"))).toBe("31 March 2025");
  });

  it("shows moments in UK time, GOV.UK style", () => {
    expect(formatUkDate(new Date("2026-06-30T23:30:00Z"))).toBe("1 July 2026");
    expect(formatUkDateTime(new Date("2026-11-25T16:36:00Z"))).toBe("25 November 2026 at 4:36pm");
    expect(formatUkDateTime(new Date("2026-07-01T11:00:00Z"))).toBe("1 July 2026 at 12pm");
    expect(formatUkDateTime(new Date("2026-01-01T00:05:00Z"))).toBe("1 January 2026 at 12:05am");
  });
});

describe("tags", () => {
  it("gives every declaration state a tag whose text names the state", () => {
    for (const state of DECLARATION_STATES) expect(declarationStateTag(state).text.length).toBeGreaterThan(0);
    expect(declarationStateTag("awaiting_clawback")).toEqual({ text: "Awaiting clawback", colour: "magenta" });
    expect(declarationStateTag("eligible")).toEqual({ text: "Eligible", colour: undefined });
  });

  it("never uses one colour for two declaration states", () => {
    const colours = Object.values(DECLARATION_STATE_TAG_COLOURS);
    expect(new Set(colours).size).toBe(colours.length);
  });

  it("colours training statuses", () => {
    expect(trainingStatusTag("active")).toEqual({ text: "Active", colour: "green" });
    expect(trainingStatusTag("deferred")).toEqual({ text: "Deferred", colour: "yellow" });
    expect(trainingStatusTag("withdrawn")).toEqual({ text: "Withdrawn", colour: "red" });
  });
});

describe("labels", () => {
  it("makes codes readable", () => {
    expect(humaniseCode("left-teaching-profession")).toBe("Left teaching profession");
    expect(humaniseCode("duplicate_declaration")).toBe("Duplicate declaration");
  });

  it("counts", () => {
    expect(pluralise(1, "result")).toBe("1 result");
    expect(pluralise(0, "result")).toBe("0 results");
    expect(pluralise(1234, "result")).toBe("1,234 results");
  });
});

describe("declarationTypeLabel", () => {
  it("labels known types and shows unknown ones as sent", () => {
    expect(declarationTypeLabel("retained-2")).toBe("Retained 2");
    expect(declarationTypeLabel("made-up")).toBe("made-up");
  });
});
