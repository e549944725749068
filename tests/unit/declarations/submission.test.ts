import { describe, expect, it } from "vitest";
import {
  canSubmitForCohort,
  getsLineItemOnSubmission,
  planEligibilityDecision,
  planSubmission,
  selectOutputStatement,
  stateOnSubmission,
} from "@/lib/declarations/rules/lifecycle";
import { outputStatement, utc } from "./fixtures";

const statements = [
  outputStatement("nov", "2025-11-30", "2025-12-25"),
  outputStatement("oct", "2025-10-31", "2025-11-25"),
  outputStatement("jan", "2026-01-31", "2026-02-25"),
];

describe("stateOnSubmission", () => {
  it("is eligible when the participant is eligible for funding", () => {
    expect(stateOnSubmission(true)).toBe("eligible");
  });
  it("is ineligible when the participant is not eligible (it still gets a line item)", () => {
    expect(stateOnSubmission(false)).toBe("ineligible");
    expect(getsLineItemOnSubmission("ineligible")).toBe(true);
  });
  it("is submitted while eligibility is not confirmed (no line item)", () => {
    expect(stateOnSubmission(null)).toBe("submitted");
    expect(getsLineItemOnSubmission("submitted")).toBe(false);
  });
});

describe("frozen cohorts", () => {
  it("canSubmitForCohort refuses a frozen cohort, with its start year, and allows an open one", () => {
    expect(canSubmitForCohort({ cohortStartYear: 2021, cohortPaymentsFrozen: true })).toEqual({
      ok: false,
      code: "cohort_frozen",
      cohortStartYear: 2021,
    });
    expect(canSubmitForCohort({ cohortStartYear: 2024, cohortPaymentsFrozen: false })).toEqual({ ok: true });
  });
});

describe("selectOutputStatement", () => {
  it("picks the earliest open output statement whose cut-off is on or after the submission date", () => {
    const result = selectOutputStatement(statements, utc("2025-11-01T10:00:00Z"), 2025);
    expect(result.ok && result.statement.id).toBe("nov");
  });

  it("counts the cut-off day itself, compared as UTC calendar dates", () => {
    const deadlineDay = selectOutputStatement(statements, utc("2025-10-31T23:59:59Z"), 2025);
    expect(deadlineDay.ok && deadlineDay.statement.id).toBe("oct");
    const nextDay = selectOutputStatement(statements, utc("2025-11-01T00:00:00Z"), 2025);
    expect(nextDay.ok && nextDay.statement.id).toBe("nov");
  });

  it("compares the cut-off as a calendar date even when it is stored with a time", () => {
    const withTime = [outputStatement("oct", "2025-10-31", "2025-11-25", { deadlineDate: utc("2025-10-31T00:00:00Z") })];
    const result = selectOutputStatement(withTime, utc("2025-10-31T18:00:00Z"), 2025);
    expect(result.ok).toBe(true);
  });

  it("skips statements that do not pay outputs or are no longer open", () => {
    const mixed = [
      outputStatement("oct-service-only", "2025-10-31", "2025-11-25", { outputFee: false }),
      outputStatement("oct-payable", "2025-10-31", "2025-11-24", { status: "payable" }),
      outputStatement("oct-paid", "2025-10-31", "2025-11-23", { status: "paid" }),
      outputStatement("nov", "2025-11-30", "2025-12-25"),
    ];
    const result = selectOutputStatement(mixed, utc("2025-10-15T00:00:00Z"), 2025);
    expect(result.ok && result.statement.id).toBe("nov");
  });

  it("breaks a tie on cut-off date by the earlier payment date", () => {
    const tied = [outputStatement("later", "2025-10-31", "2025-12-01"), outputStatement("sooner", "2025-10-31", "2025-11-25")];
    const result = selectOutputStatement(tied, utc("2025-10-01T00:00:00Z"), 2025);
    expect(result.ok && result.statement.id).toBe("sooner");
  });

  it("refuses when there is no open output statement", () => {
    expect(selectOutputStatement(statements, utc("2026-02-01T00:00:00Z"), 2025)).toEqual({
      ok: false,
      code: "no_open_output_statement",
      cohortStartYear: 2025,
    });
    expect(selectOutputStatement([], utc("2026-02-01T00:00:00Z"), 2024).ok).toBe(false);
  });
});

describe("planSubmission", () => {
  const base = { cohortStartYear: 2025, cohortPaymentsFrozen: false, submittedAt: utc("2025-11-05T09:00:00Z") };

  it("attaches an eligible declaration to the next open output statement", () => {
    expect(planSubmission({ ...base, eligibleForFunding: true }, statements)).toEqual({
      ok: true,
      state: "eligible",
      statementId: "nov",
    });
  });

  it("attaches an ineligible declaration too", () => {
    expect(planSubmission({ ...base, eligibleForFunding: false }, statements)).toEqual({
      ok: true,
      state: "ineligible",
      statementId: "nov",
    });
  });

  it("does not attach a submitted declaration to any statement", () => {
    expect(planSubmission({ ...base, eligibleForFunding: null }, [])).toEqual({
      ok: true,
      state: "submitted",
      statementId: null,
    });
  });

  it("refuses a frozen cohort before anything else", () => {
    expect(
      planSubmission({ ...base, cohortStartYear: 2021, cohortPaymentsFrozen: true, eligibleForFunding: true }, []),
    ).toEqual({ ok: false, code: "cohort_frozen", cohortStartYear: 2021 });
  });

  it("refuses when there is no statement to attach the line item to", () => {
    expect(planSubmission({ ...base, eligibleForFunding: true }, [])).toEqual({
      ok: false,
      code: "no_open_output_statement",
      cohortStartYear: 2025,
    });
  });
});

describe("planEligibilityDecision", () => {
  const decidedAt = utc("2025-11-05T09:00:00Z");

  it("confirm_eligible: submitted → eligible, with a line item on the next open output statement", () => {
    expect(
      planEligibilityDecision({ state: "submitted", cohortStartYear: 2025, eligibleForFunding: true, decidedAt }, statements),
    ).toEqual({ ok: true, from: "submitted", state: "eligible", transition: "confirm_eligible", statementId: "nov" });
  });

  it("confirm_ineligible: submitted → ineligible", () => {
    expect(
      planEligibilityDecision({ state: "submitted", cohortStartYear: 2025, eligibleForFunding: false, decidedAt }, statements),
    ).toEqual({ ok: true, from: "submitted", state: "ineligible", transition: "confirm_ineligible", statementId: "nov" });
  });

  it("refuses when eligibility has already been decided", () => {
    expect(
      planEligibilityDecision({ state: "eligible", cohortStartYear: 2025, eligibleForFunding: true, decidedAt }, statements),
    ).toEqual({ ok: false, code: "eligibility_already_decided" });
  });

  it("refuses when there is no open output statement", () => {
    const result = planEligibilityDecision(
      { state: "submitted", cohortStartYear: 2025, eligibleForFunding: true, decidedAt },
      [],
    );
    expect(result).toEqual({ ok: false, code: "no_open_output_statement", cohortStartYear: 2025 });
  });
});
