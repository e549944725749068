// The 422 errors of POST/PUT /api/v3/partnerships/ecf: lib/partnerships/actions.ts refuses with
// codes, lib/api/validation/partnerships.ts words them as the API always has, in the same order.
import { describe, expect, it } from "vitest";
import { partnershipErrors, partnershipRefusalDetail } from "@/lib/api/validation/partnerships";
import type { PartnershipRefusal } from "@/lib/partnerships/actions";

describe("partnershipRefusalDetail", () => {
  it.each<[PartnershipRefusal, string]>([
    [{ field: "cohort", code: "not_recognised" }, "The '#/cohort' you have entered is invalid. Check cohort details and try again."],
    [{ field: "cohort", code: "frozen", cohort: 2021 }, "You cannot confirm partnerships for the 2021 cohort. The funding contract for this cohort has ended."],
    [
      { field: "school_id", code: "not_recognised" },
      "The '#/school_id' you have entered is invalid. Check school details and try again. Contact the DfE for support if you are unable to find the '#/school_id'.",
    ],
    [
      { field: "school_id", code: "not_eligible" },
      "The school you have entered is not eligible for funded training in the '#/cohort' you entered. Contact the school for more information.",
    ],
    [{ field: "school_id", code: "duplicate" }, "You are already in a confirmed partnership with this school for the entered cohort."],
    [
      { field: "school_id", code: "other_provider" },
      "Another provider is in a confirmed partnership with the school for the cohort you entered. Contact the school for more information.",
    ],
    [
      { field: "delivery_partner_id", code: "not_recognised" },
      "The '#/delivery_partner_id' you have entered is invalid. Check delivery partner details and try again.",
    ],
    [
      { field: "delivery_partner_id", code: "not_working_with_provider" },
      "The entered delivery partner is not recognised to be working in partnership with you for the given cohort. Contact the DfE for more information.",
    ],
    [
      { field: "partnership_id", code: "challenged" },
      "You cannot change a challenged partnership. If the school has agreed to work with you again, confirm a new partnership with POST partnerships.",
    ],
  ])("%o", (refusal, detail) => {
    expect(partnershipRefusalDetail(refusal)).toBe(detail);
  });
});

describe("partnershipErrors", () => {
  const schoolMissing = { title: "school_id", detail: "Enter a '#/school_id' value for this partnership." };

  it("lists the attribute checks' issues first, then the refusals in check order", () => {
    const errors = partnershipErrors(
      [schoolMissing],
      [
        { field: "cohort", code: "frozen", cohort: 2023 },
        { field: "delivery_partner_id", code: "not_working_with_provider" },
      ],
    );
    expect(errors.map((e) => e.title)).toEqual(["school_id", "cohort", "delivery_partner_id"]);
    expect(errors[0]).toEqual(schoolMissing);
    expect(errors[1]?.detail).toBe("You cannot confirm partnerships for the 2023 cohort. The funding contract for this cohort has ended.");
  });

  it("keeps one error per attribute, the first", () => {
    const errors = partnershipErrors(
      [schoolMissing],
      [
        { field: "school_id", code: "not_recognised" },
        { field: "delivery_partner_id", code: "not_recognised" },
        { field: "delivery_partner_id", code: "not_working_with_provider" },
      ],
    );
    expect(errors).toEqual([
      schoolMissing,
      { title: "delivery_partner_id", detail: "The '#/delivery_partner_id' you have entered is invalid. Check delivery partner details and try again." },
    ]);
  });

  it("is empty when nothing was refused", () => {
    expect(partnershipErrors([], [])).toEqual([]);
  });
});
