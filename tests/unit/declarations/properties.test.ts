import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DECLARATION_STATES } from "@/lib/domain/declaration-states";
import { STATEMENT_STATUSES } from "@/lib/domain/statement-statuses";
import {
  authoriseStatementPayment,
  markStatementPayable,
  planEligibilityDecision,
  planSubmission,
  planVoid,
  selectOutputStatement,
  type Refusal,
} from "@/lib/declarations/rules/lifecycle";

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !(value instanceof Date)) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

/** The data each refusal code carries besides `ok` and `code` (the declaration rules' refusals are worded by their callers). */
const REFUSAL_DATA: Record<string, string[]> = {
  cohort_frozen: ["cohortStartYear"],
  no_open_output_statement: ["cohortStartYear"],
  no_clawback_statement: ["cohortStartYear"],
  already_voided: [],
  awaiting_clawback: [],
  clawed_back: [],
  state_changed: [],
  eligibility_already_decided: [],
};

/**
 * Runs `fn` on frozen input; the input must be unchanged. A refusal must be exactly
 * { ok, code, message } (statement transitions) or { ok, code, ...its data } (declaration rules).
 */
function expectPure<I extends object, R extends { ok: boolean }>(input: I, fn: (input: I) => R, refusalShape: "message" | "data"): R {
  const before = structuredClone(input);
  const result = fn(deepFreeze(input));
  expect(input).toEqual(before);
  if (!result.ok) {
    const refusal = result as unknown as Refusal;
    expect(refusal.code).toMatch(/^[a-z_]+$/);
    if (refusalShape === "message") {
      expect(Object.keys(refusal).sort()).toEqual(["code", "message", "ok"]);
      expect(refusal.message.length).toBeGreaterThan(10);
    } else {
      expect(Object.keys(refusal).sort()).toEqual(["code", "ok", ...(REFUSAL_DATA[refusal.code] ?? ["(unknown code)"])].sort());
    }
  }
  return result;
}

const date = fc.date({ min: new Date("2020-01-01T00:00:00Z"), max: new Date("2030-12-31T23:59:59Z"), noInvalidDate: true });
const state = fc.constantFrom(...DECLARATION_STATES);
const year = fc.integer({ min: 2020, max: 2030 });
const selectionStatement = fc.record({
  id: fc.string({ minLength: 1, maxLength: 6 }),
  status: fc.constantFrom(...STATEMENT_STATUSES),
  outputFee: fc.boolean(),
  deadlineDate: date,
  paymentDate: date,
});
const transitionStatement = fc.record({
  id: fc.string({ minLength: 1, maxLength: 6 }),
  status: fc.constantFrom(...STATEMENT_STATUSES),
  deadlineDate: date,
  outputFee: fc.boolean(),
  lineItemCount: fc.nat({ max: 3 }),
});

describe("every refused transition changes nothing", () => {
  it("planVoid", () => {
    const arb = fc.record({
      request: fc.record(
        { state, cohortStartYear: year, cohortPaymentsFrozen: fc.boolean(), expectedState: state },
        { requiredKeys: ["state", "cohortStartYear", "cohortPaymentsFrozen"] },
      ),
      next: fc.option(fc.record({ id: fc.uuid() }), { nil: null }),
    });
    let refused = 0;
    fc.assert(
      fc.property(arb, (input) => {
        const result = expectPure(input, (i) => planVoid(i.request, i.next), "data");
        if (!result.ok) refused += 1;
        if (!result.ok && "cohortStartYear" in result) expect(result.cohortStartYear).toBe(input.request.cohortStartYear);
      }),
      { numRuns: 300 },
    );
    expect(refused).toBeGreaterThan(0);
  });

  it("markStatementPayable and authoriseStatementPayment", () => {
    let refused = 0;
    fc.assert(
      fc.property(fc.record({ statement: transitionStatement, today: date }), (input) => {
        const payable = expectPure(input, (i) => markStatementPayable(i.statement, i.today), "message");
        const paid = expectPure(input, (i) => authoriseStatementPayment(i.statement, i.today), "message");
        refused += (payable.ok ? 0 : 1) + (paid.ok ? 0 : 1);
        if (input.statement.status !== "open") expect(payable.ok).toBe(false);
        if (input.statement.status !== "payable") expect(paid.ok).toBe(false);
      }),
      { numRuns: 300 },
    );
    expect(refused).toBeGreaterThan(0);
  });

  it("selectOutputStatement, planSubmission and planEligibilityDecision", () => {
    const arb = fc.record({
      statements: fc.array(selectionStatement, { maxLength: 5 }),
      at: date,
      year,
      frozen: fc.boolean(),
      eligible: fc.option(fc.boolean(), { nil: null }),
      state,
    });
    let refused = 0;
    fc.assert(
      fc.property(arb, (input) => {
        const results = [
          expectPure(input, (i) => selectOutputStatement(i.statements, i.at, i.year), "data"),
          expectPure(input, (i) =>
            planSubmission(
              { eligibleForFunding: i.eligible, submittedAt: i.at, cohortStartYear: i.year, cohortPaymentsFrozen: i.frozen },
              i.statements,
            ),
            "data",
          ),
          expectPure(input, (i) =>
            planEligibilityDecision(
              { state: i.state, cohortStartYear: i.year, eligibleForFunding: i.eligible ?? true, decidedAt: i.at },
              i.statements,
            ),
            "data",
          ),
        ];
        refused += results.filter((r) => !r.ok).length;
        for (const r of results) if (!r.ok && "cohortStartYear" in r) expect(r.cohortStartYear).toBe(input.year);
      }),
      { numRuns: 300 },
    );
    expect(refused).toBeGreaterThan(0);
  });
});

describe("selectOutputStatement picks the right statement", () => {
  it("the chosen statement is open, pays outputs, is not past its cut-off, and no other such statement cuts off earlier", () => {
    const day = (d: Date) => d.toISOString().slice(0, 10);
    fc.assert(
      fc.property(fc.array(selectionStatement, { maxLength: 8 }), date, (statements, at) => {
        const result = selectOutputStatement(statements, at, 2025);
        const candidates = statements.filter((s) => s.status === "open" && s.outputFee && day(s.deadlineDate) >= day(at));
        expect(result.ok).toBe(candidates.length > 0);
        if (result.ok) {
          expect(candidates).toContain(result.statement);
          for (const other of candidates) expect(day(other.deadlineDate) >= day(result.statement.deadlineDate)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
