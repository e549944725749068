import { describe, expect, it } from "vitest";
import { revisedRecruitmentTarget } from "@/lib/statements/rules/revised-recruitment-target";

describe("revisedRecruitmentTarget", () => {
  it("is 150% of the recruitment target when the contract does not say", () => {
    expect(revisedRecruitmentTarget(2000, null)).toBe(3000);
    expect(revisedRecruitmentTarget(4500, undefined)).toBe(6750);
    expect(revisedRecruitmentTarget(0, null)).toBe(0);
  });

  it("rounds 150% down to a whole participant", () => {
    expect(revisedRecruitmentTarget(1, null)).toBe(1);
    expect(revisedRecruitmentTarget(3, null)).toBe(4);
    expect(revisedRecruitmentTarget(2001, null)).toBe(3001);
  });

  it("uses the contract's own value when it is set, even 0", () => {
    expect(revisedRecruitmentTarget(2000, 2600)).toBe(2600);
    expect(revisedRecruitmentTarget(2000, 0)).toBe(0);
  });
});
