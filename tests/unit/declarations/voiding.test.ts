import { describe, expect, it } from "vitest";
import { DECLARATION_STATES, type DeclarationState } from "@/lib/domain/declaration-states";
import { DECLARATION_TRANSITIONS, isVoidable, planVoid } from "@/lib/declarations/rules/lifecycle";

const open = { cohortStartYear: 2024, cohortPaymentsFrozen: false };
const nextStatement = { id: "stmt-next" };

describe("planVoid: voidable states", () => {
  it.each(["submitted", "eligible", "payable", "ineligible"] as const)(
    "void: %s → voided; the line item (if any) is voided and stays on its statement",
    (state) => {
      expect(planVoid({ ...open, state }, nextStatement)).toEqual({
        ok: true,
        kind: "void",
        transition: "void",
        from: state,
        state: "voided",
        lineItemState: "voided",
      });
    },
  );

  it("voids an unpaid declaration even when there is no open output statement", () => {
    expect(planVoid({ ...open, state: "eligible" }, null).ok).toBe(true);
  });

  it("void_paid: paid → awaiting_clawback, with a refundable line item on the next open output statement", () => {
    expect(planVoid({ ...open, state: "paid" }, nextStatement)).toEqual({
      ok: true,
      kind: "clawback",
      transition: "void_paid",
      from: "paid",
      state: "awaiting_clawback",
      clawbackStatementId: "stmt-next",
      newLineItem: { statementId: "stmt-next", state: "awaiting_clawback" },
    });
  });

  it("refuses to void a paid declaration when there is no statement to claw it back on", () => {
    expect(planVoid({ ...open, state: "paid" }, null)).toEqual({ ok: false, code: "no_clawback_statement", cohortStartYear: 2024 });
  });
});

describe("planVoid: refusals", () => {
  it("refuses a voided declaration", () => {
    expect(planVoid({ ...open, state: "voided" }, nextStatement)).toEqual({ ok: false, code: "already_voided" });
  });

  it("refuses a declaration awaiting clawback (worded as already voided, see the API and page copy tests)", () => {
    expect(planVoid({ ...open, state: "awaiting_clawback" }, nextStatement)).toEqual({ ok: false, code: "awaiting_clawback" });
  });

  it("refuses a clawed-back declaration", () => {
    expect(planVoid({ ...open, state: "clawed_back" }, nextStatement)).toEqual({ ok: false, code: "clawed_back" });
  });

  it.each(DECLARATION_STATES)("refuses any %s declaration in a frozen cohort, checked first", (state) => {
    expect(planVoid({ state, cohortStartYear: 2021, cohortPaymentsFrozen: true }, nextStatement)).toEqual({
      ok: false,
      code: "cohort_frozen",
      cohortStartYear: 2021,
    });
  });

  it("refuses when the declaration changed since the user saw it", () => {
    expect(planVoid({ ...open, state: "paid", expectedState: "payable" }, nextStatement)).toEqual({ ok: false, code: "state_changed" });
  });

  it("checks the expected state before looking for a clawback statement", () => {
    expect(planVoid({ ...open, state: "paid", expectedState: "payable" }, null)).toMatchObject({ code: "state_changed" });
  });

  it("prefers the more useful message when the declaration can no longer be voided at all", () => {
    expect(planVoid({ ...open, state: "voided", expectedState: "eligible" }, nextStatement)).toMatchObject({
      code: "already_voided",
    });
    expect(planVoid({ ...open, state: "clawed_back", expectedState: "paid" }, nextStatement)).toMatchObject({
      code: "clawed_back",
    });
  });

  it("goes ahead when the expected state matches", () => {
    expect(planVoid({ ...open, state: "payable", expectedState: "payable" }, null).ok).toBe(true);
  });
});

describe("isVoidable", () => {
  const expected: Record<DeclarationState, boolean> = {
    submitted: true,
    eligible: true,
    ineligible: true,
    payable: true,
    voided: false,
    paid: true,
    awaiting_clawback: false,
    clawed_back: false,
  };

  it.each(DECLARATION_STATES)("%s", (state) => {
    expect(isVoidable(state)).toBe(expected[state]);
  });

  it("is the lifecycle's: void before payment from void's states, clawback from void_paid's", () => {
    for (const state of DECLARATION_STATES) {
      const plan = planVoid({ ...open, state }, nextStatement);
      const kind = (DECLARATION_TRANSITIONS.void.from as readonly DeclarationState[]).includes(state)
        ? "void"
        : (DECLARATION_TRANSITIONS.void_paid.from as readonly DeclarationState[]).includes(state)
          ? "clawback"
          : null;
      expect(plan.ok ? plan.kind : null).toBe(kind);
    }
  });

  it("agrees with planVoid for every state", () => {
    for (const state of DECLARATION_STATES) {
      expect(planVoid({ ...open, state }, nextStatement).ok).toBe(isVoidable(state));
    }
  });
});
