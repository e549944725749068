import { describe, expect, it } from "vitest";
import { milestoneWindowRefusal } from "@/lib/declarations/rules/milestone-window";

const d = (iso: string) => new Date(iso);
// retained-2 of ecf-standard-september 2024 (the payment calendar reference): 2025-04-01 → 2025-07-31.
const retained2 = { startDate: d("2025-04-01T00:00:00Z"), milestoneDate: d("2025-07-31T00:00:00Z") };

describe("milestoneWindowRefusal", () => {
  it("accepts both edges of the window, at any time of day", () => {
    expect(milestoneWindowRefusal(d("2025-04-01T00:00:00Z"), retained2)).toBeNull();
    expect(milestoneWindowRefusal(d("2025-07-31T23:59:59Z"), retained2)).toBeNull();
  });
  it("refuses the day before the start and the day after the milestone date", () => {
    expect(milestoneWindowRefusal(d("2025-03-31T23:59:59Z"), retained2)).toBe("before_milestone_start");
    expect(milestoneWindowRefusal(d("2025-08-01T00:00:00Z"), retained2)).toBe("after_milestone_end");
  });
  it("has no end when the milestone has no milestone date", () => {
    const open = { startDate: d("2024-09-01T00:00:00Z"), milestoneDate: null };
    expect(milestoneWindowRefusal(d("2031-01-01T00:00:00Z"), open)).toBeNull();
    expect(milestoneWindowRefusal(d("2024-08-31T00:00:00Z"), open)).toBe("before_milestone_start");
  });
});
