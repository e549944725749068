// The adjustment pages' words for the service's refusal codes: the GOV.UK copy the pages showed
// when the service returned sentences, unchanged.
import { describe, expect, it } from "vitest";
import { adjustmentRefusalMessage } from "@/app/statements/_components/adjustment-copy";

describe("adjustmentRefusalMessage", () => {
  it("says why a statement cannot be adjusted, for the thing the user was doing", () => {
    expect(adjustmentRefusalMessage("statement_paid", "add")).toBe("This statement has been authorised for payment, so you cannot add an adjustment to it.");
    expect(adjustmentRefusalMessage("statement_paid", "change")).toBe("This statement has been authorised for payment, so you cannot change its adjustments.");
    expect(adjustmentRefusalMessage("statement_paid", "remove")).toBe("This statement has been authorised for payment, so you cannot remove its adjustments.");
    expect(adjustmentRefusalMessage("not_output_statement", "add")).toBe(
      "This statement pays the service fee only, so you cannot add an adjustment to it. Adjustments go on output statements.",
    );
    expect(adjustmentRefusalMessage("not_output_statement", "remove")).toBe(
      "This statement pays the service fee only, so you cannot remove its adjustments. Adjustments go on output statements.",
    );
  });

  it("says what went wrong with the statement or the adjustment", () => {
    expect(adjustmentRefusalMessage("statement_not_found", "add")).toBe("There is no statement with this ID.");
    expect(adjustmentRefusalMessage("adjustment_not_found", "remove")).toBe("This adjustment is not on this statement. It may have been removed.");
    expect(adjustmentRefusalMessage("adjustment_changed", "change")).toBe(
      "This adjustment has been changed since you opened this page. Go back to the statement, check it and try again.",
    );
  });

  it("says why an adjustment above the approval limit cannot be confirmed by this user", () => {
    expect(adjustmentRefusalMessage("not_approver", "confirm")).toBe("Only an approver can confirm an adjustment above the approval limit.");
    expect(adjustmentRefusalMessage("confirmer_made_it", "confirm")).toBe(
      "You cannot confirm this adjustment because you added or changed it. Another approver must confirm it.",
    );
    expect(adjustmentRefusalMessage("not_awaiting_approval", "confirm")).toBe(
      "This adjustment does not need an approver's confirmation: it already counts in the statement's figures.",
    );
    expect(adjustmentRefusalMessage("statement_paid", "confirm")).toBe("This statement has been authorised for payment, so you cannot confirm its adjustments.");
  });
});
