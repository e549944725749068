// The pure rules of two pairs of eyes, with worked numbers: who may authorise, the approval limit
// for adjustments and who may confirm one, and the figures an approver checked.
import { describe, expect, it } from "vitest";
import type { StatementJson } from "@/lib/engine";
import { toDecimal } from "@/lib/engine";
import {
  confirmAdjustmentRefusal,
  DEFAULT_ADJUSTMENT_APPROVAL_LIMIT,
  needsApproval,
  parseApprovalLimit,
} from "@/lib/statements/rules/adjustment-approval";
import { authoriserRefusal } from "@/lib/statements/rules/authoriser";
import { FIGURES_CHANGED_MESSAGE, sameFigures, statementFigures } from "@/lib/statements/rules/figures-check";
import { AUTHORISE_FORM } from "@/lib/validation/authorise";

describe("authoriserRefusal: who may authorise", () => {
  const may = { isApprover: true, adjustedThisStatement: false, adjustmentsAwaitingApproval: 0 };

  it("an approver who has not adjusted the statement, with nothing awaiting approval", () => {
    expect(authoriserRefusal(may)).toBeNull();
  });

  it("not a user without the approver role (a finance-only user), whatever else is true", () => {
    expect(authoriserRefusal({ ...may, isApprover: false })).toEqual({
      ok: false,
      code: "not_approver",
      message: "Only an approver can authorise a statement for payment. Ask an approver to check and authorise it.",
    });
    expect(authoriserRefusal({ isApprover: false, adjustedThisStatement: true, adjustmentsAwaitingApproval: 2 })?.code).toBe("not_approver");
  });

  it("not an approver who added, changed or removed one of its adjustments", () => {
    expect(authoriserRefusal({ ...may, adjustedThisStatement: true })).toMatchObject({
      code: "adjusted_this_statement",
      message:
        "You cannot authorise this statement because you added, changed or removed one of its adjustments. Another approver must check and authorise it.",
    });
  });

  it("not while adjustments await an approver's confirmation, counted in the message", () => {
    expect(authoriserRefusal({ ...may, adjustmentsAwaitingApproval: 1 })?.message).toBe(
      "This statement cannot be authorised while 1 adjustment awaits an approver's confirmation.",
    );
    expect(authoriserRefusal({ ...may, adjustmentsAwaitingApproval: 3 })?.message).toBe(
      "This statement cannot be authorised while 3 adjustments await an approver's confirmation.",
    );
  });
});

describe("the approval limit for adjustments", () => {
  it("defaults to £100,000 and reads pounds with up to 2 decimal places", () => {
    expect(DEFAULT_ADJUSTMENT_APPROVAL_LIMIT).toBe("100000");
    expect(parseApprovalLimit(undefined).toString()).toBe("100000");
    expect(parseApprovalLimit("  ").toString()).toBe("100000");
    expect(parseApprovalLimit("2500.50").toString()).toBe("2500.5");
    expect(parseApprovalLimit("0").toString()).toBe("0");
  });

  it("refuses a setting that is not an amount, rather than ignoring it", () => {
    for (const bad of ["£100,000", "-5", "1e6", "100.001", "ten"]) expect(() => parseApprovalLimit(bad)).toThrow(/ADJUSTMENT_APPROVAL_LIMIT/);
  });

  it("above the limit, either way, needs approval; exactly the limit does not", () => {
    const limit = parseApprovalLimit(undefined);
    expect(needsApproval("100000.00", limit)).toBe(false);
    expect(needsApproval("-100000.00", limit)).toBe(false);
    expect(needsApproval("100000.01", limit)).toBe(true);
    expect(needsApproval("-100000.01", limit)).toBe(true);
    expect(needsApproval(toDecimal("9999999.99"), limit)).toBe(true);
    expect(needsApproval("250", parseApprovalLimit("249.99"))).toBe(true);
  });
});

describe("confirmAdjustmentRefusal: who may confirm an adjustment above the limit", () => {
  const may = { isApprover: true, awaitingApproval: true, userId: "approver-1", madeBy: ["finance-1", "finance-2"] };

  it("an approver who neither added nor changed it", () => {
    expect(confirmAdjustmentRefusal(may)).toBeNull();
  });

  it("not a user without the approver role, not one already confirmed, not its adder or changer", () => {
    expect(confirmAdjustmentRefusal({ ...may, isApprover: false })).toBe("not_approver");
    expect(confirmAdjustmentRefusal({ ...may, awaitingApproval: false })).toBe("not_awaiting_approval");
    expect(confirmAdjustmentRefusal({ ...may, userId: "finance-1" })).toBe("confirmer_made_it");
    expect(confirmAdjustmentRefusal({ ...may, userId: "finance-2" })).toBe("confirmer_made_it");
  });
});

/** A statement's serialised result, as far as the figures check reads it. */
function result(total: string, vat: string, totalWithVat: string, adjustments: string): StatementJson {
  return { total, vat, totalWithVat, ect: { additionalAdjustments: adjustments, total, vat, totalWithVat }, mentor: null } as unknown as StatementJson;
}

describe("the figures an approver checked", () => {
  // £1,000.00 + 20% VAT = £1,200.00; with a £500.00 adjustment, £1,500.00 + £300.00 = £1,800.00.
  const checked = statementFigures({ result: result("1000.00", "200.00", "1200.00", "0"), adjustments: [] });
  const adjusted = statementFigures({
    result: result("1500.00", "300.00", "1800.00", "500.00"),
    adjustments: [{ id: "a1", name: "Late correction", amount: "500.00" }],
  });

  it("carries the totals and a sha256 fingerprint", () => {
    expect(checked).toMatchObject({ total: "1000.00", vat: "200.00", totalWithVat: "1200.00" });
    expect(checked.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(FIGURES_CHANGED_MESSAGE).toBe("The statement changed since you checked it");
  });

  it("the same figures are the same, whatever the order of their keys", () => {
    const reordered = { totalWithVat: "1200.00", mentor: null, vat: "200.00", ect: { totalWithVat: "1200.00", vat: "200.00", total: "1000.00", additionalAdjustments: "0" }, total: "1000.00" };
    const again = statementFigures({ result: reordered as unknown as StatementJson, adjustments: [] });
    expect(again.fingerprint).toBe(checked.fingerprint);
    expect(sameFigures(checked, again)).toBe(true);
  });

  it("a £500 adjustment since: £1,800.00 with VAT, not the £1,200.00 checked", () => {
    expect(sameFigures(checked, adjusted)).toBe(false);
    expect(adjusted.totalWithVat).toBe("1800.00");
  });

  it("figures that change but keep the total (+£200 and −£200) are not the ones checked", () => {
    const plusMinus = statementFigures({
      result: result("1000.00", "200.00", "1200.00", "0.00"),
      adjustments: [
        { id: "p", name: "Plus", amount: "200.00" },
        { id: "m", name: "Minus", amount: "-200.00" },
      ],
    });
    expect(plusMinus.totalWithVat).toBe(checked.totalWithVat);
    expect(sameFigures(checked, plusMinus)).toBe(false);
  });

  it("an adjustment waiting for approval changes the figures when it is confirmed, though the total may not yet", () => {
    const waiting = statementFigures({ result: result("1000.00", "200.00", "1200.00", "0"), adjustments: [{ id: "b", name: "Big", amount: "150000.00", awaitingApproval: true }] });
    const confirmed = statementFigures({ result: result("1000.00", "200.00", "1200.00", "0"), adjustments: [{ id: "b", name: "Big", amount: "150000.00", awaitingApproval: false }] });
    expect(sameFigures(waiting, confirmed)).toBe(false);
  });

  it("a right fingerprint with another total is refused too", () => {
    expect(sameFigures({ fingerprint: checked.fingerprint, totalWithVat: "1800.00" }, checked)).toBe(false);
  });

  it("the authorise form carries them and the server checks their shape", () => {
    const ok = { confirm: "yes", fingerprint: checked.fingerprint, totalWithVat: "1200.00" };
    expect(AUTHORISE_FORM.schema.safeParse(ok).success).toBe(true);
    expect(AUTHORISE_FORM.schema.safeParse({ ...ok, fingerprint: "abc" }).success).toBe(false);
    expect(AUTHORISE_FORM.schema.safeParse({ ...ok, totalWithVat: "£1,200" }).success).toBe(false);
    expect(AUTHORISE_FORM.fields).toEqual(["confirm", "fingerprint", "totalWithVat"]);
  });
});
