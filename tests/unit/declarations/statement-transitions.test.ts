import { describe, expect, it } from "vitest";
import { DECLARATION_STATES, type DeclarationState } from "@/lib/domain/declaration-states";
import {
  authoriseStatementPayment,
  lineItemStateWhenStatementPaid,
  lineItemStateWhenStatementPayable,
  markStatementPayable,
  type StatementForAuthorisation,
  type StatementForTransition,
} from "@/lib/declarations/rules/lifecycle";
import { utc } from "./fixtures";

function statementWith(status: StatementForTransition["status"]): StatementForTransition {
  return { id: "stmt-oct", status, deadlineDate: utc("2025-10-31T00:00:00Z") };
}

describe("line item states", () => {
  const whenPayable: Record<DeclarationState, DeclarationState> = {
    submitted: "submitted",
    eligible: "payable",
    ineligible: "ineligible",
    payable: "payable",
    voided: "voided",
    paid: "paid",
    awaiting_clawback: "awaiting_clawback",
    clawed_back: "clawed_back",
  };
  const whenPaid: Record<DeclarationState, DeclarationState> = {
    ...whenPayable,
    eligible: "eligible",
    payable: "paid",
    awaiting_clawback: "clawed_back",
  };

  it.each(DECLARATION_STATES)("when the statement becomes payable, %s →", (state) => {
    expect(lineItemStateWhenStatementPayable(state)).toBe(whenPayable[state]);
  });

  it.each(DECLARATION_STATES)("when the statement is paid, %s →", (state) => {
    expect(lineItemStateWhenStatementPaid(state)).toBe(whenPaid[state]);
  });
});

describe("markStatementPayable", () => {
  it("refuses on or before the cut-off date", () => {
    const refusal = {
      ok: false,
      code: "before_cut_off",
      message: "This statement cannot become payable until after its cut-off date, 31 October 2025.",
    };
    expect(markStatementPayable(statementWith("open"), utc("2025-10-31T23:59:59Z"))).toEqual(refusal);
    expect(markStatementPayable(statementWith("open"), utc("2025-10-01T12:00:00Z"))).toEqual(refusal);
  });

  it("makes an open statement payable from the day after its cut-off", () => {
    expect(markStatementPayable(statementWith("open"), utc("2025-11-01T00:00:00Z"))).toEqual({
      ok: true,
      statementId: "stmt-oct",
      from: "open",
      to: "payable",
    });
  });

  it("refuses a statement that is already payable", () => {
    expect(markStatementPayable(statementWith("payable"), utc("2025-12-01T00:00:00Z"))).toEqual({
      ok: false,
      code: "statement_not_open",
      message: "This statement is already payable.",
    });
  });

  it("refuses a statement that has been paid", () => {
    expect(markStatementPayable(statementWith("paid"), utc("2025-12-01T00:00:00Z"))).toEqual({
      ok: false,
      code: "statement_not_open",
      message: "This statement has already been paid.",
    });
  });
});

describe("authoriseStatementPayment (DfE's authorise rule)", () => {
  // Cut-off 31 October 2025: the day after is the first day it may be authorised.
  const afterCutOff = utc("2025-11-01T00:00:00Z");
  function authorisable(overrides: Partial<StatementForAuthorisation> = {}): StatementForAuthorisation {
    return { ...statementWith("payable"), outputFee: true, lineItemCount: 3, ...overrides };
  }

  it("pays a payable output statement past its cut-off with declarations", () => {
    expect(authoriseStatementPayment(authorisable(), afterCutOff)).toEqual({
      ok: true,
      statementId: "stmt-oct",
      from: "payable",
      to: "paid",
    });
  });

  it("refuses a statement that has already been paid", () => {
    expect(authoriseStatementPayment(authorisable({ status: "paid" }), afterCutOff)).toEqual({
      ok: false,
      code: "statement_already_paid",
      message: "This statement has already been authorised for payment.",
    });
  });

  it("refuses a statement that pays service fees only, whatever else is true", () => {
    expect(authoriseStatementPayment(authorisable({ outputFee: false }), afterCutOff)).toEqual({
      ok: false,
      code: "service_fee_only",
      message: "This statement pays service fees only, so there is nothing to authorise.",
    });
    expect(authoriseStatementPayment(authorisable({ outputFee: false, status: "open", lineItemCount: 0 }), utc("2025-10-01T00:00:00Z"))).toMatchObject({
      code: "service_fee_only",
    });
  });

  it("refuses before the cut-off has passed, on the cut-off day too", () => {
    const refusal = {
      ok: false,
      code: "before_cut_off",
      message: "This statement cannot be authorised until its cut-off date, 31 October 2025, has passed.",
    };
    expect(authoriseStatementPayment(authorisable({ status: "open" }), utc("2025-10-15T09:00:00Z"))).toEqual(refusal);
    expect(authoriseStatementPayment(authorisable(), utc("2025-10-31T23:59:59Z"))).toEqual(refusal);
  });

  it("refuses an open statement past its cut-off (not yet marked payable)", () => {
    expect(authoriseStatementPayment(authorisable({ status: "open" }), afterCutOff)).toEqual({
      ok: false,
      code: "statement_not_payable",
      message: "This statement cannot be authorised for payment until it is payable.",
    });
  });

  it("refuses a payable statement with no declarations", () => {
    expect(authoriseStatementPayment(authorisable({ lineItemCount: 0 }), afterCutOff)).toEqual({
      ok: false,
      code: "no_declarations",
      message: "There are no declarations on this statement to authorise.",
    });
  });
});
