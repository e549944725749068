// The submission checks that need the participant's records (payment-engine.md, "Participant
// requirements", "Date validations", "Additional compliance checks"), with the seeded calendar's
// dates: the 2025 cohort's ecf-standard-september schedule has `started` from 2025-06-01 to
// 2025-12-31 and `retained-1` from 2026-01-01 to 2026-04-30 (prisma/seed/calendar.ts).
import { describe, expect, it } from "vitest";
import { DECLARATION_STATES, type DeclarationState } from "@/lib/domain/declaration-states";
import { DECLARATION_TYPES } from "@/lib/domain/declaration-types";
import {
  DUPLICATE_STATES,
  isDuplicate,
  MENTOR_RULE_CUT_OFF,
  mentorRestricted,
  submissionRefusals,
  withdrawalDate,
  type SubmissionFacts,
} from "@/lib/declarations/rules/submission-checks";

const d = (iso: string) => new Date(iso);
const started2025 = { startDate: d("2025-06-01T00:00:00Z"), milestoneDate: d("2025-12-31T00:00:00Z") };
const retained1of2025 = { startDate: d("2026-01-01T00:00:00Z"), milestoneDate: d("2026-04-30T00:00:00Z") };
const active = { trainingStatus: "active", trainingStatusDate: null, updatedAt: d("2025-09-01T08:00:00Z") } as const;

/** A valid `started` declaration of an ECT in the 2025 cohort (mentor funding, not frozen). */
const valid: SubmissionFacts = {
  participantType: "ect",
  declarationType: "started",
  declarationDate: d("2025-10-01T10:00:00Z"),
  milestone: started2025,
  record: active,
  trainingStartDates: [d("2025-09-01T00:00:00Z")],
  cohort: { startYear: 2025, mentorFunding: true, frozen: false },
  sameEventStates: [],
};

describe("mentorRestricted: mentors may only declare started or completed (after June 2025, or with mentor funding)", () => {
  const mentor = { participantType: "mentor", cohortMentorFunding: false } as const;

  it("the cut-off is 30 June 2025", () => {
    expect(MENTOR_RULE_CUT_OFF.toISOString()).toBe("2025-06-30T00:00:00.000Z");
  });

  it("refuses retained and extended for a mentor who began on 1 July 2025, and allows one who began on 30 June 2025 (UTC days)", () => {
    expect(mentorRestricted({ ...mentor, declarationType: "retained-1", trainingStartDates: [d("2025-07-01T00:00:00Z")] })).toBe(true);
    expect(mentorRestricted({ ...mentor, declarationType: "extended-1", trainingStartDates: [d("2025-07-01T00:00:00Z")] })).toBe(true);
    expect(mentorRestricted({ ...mentor, declarationType: "retained-1", trainingStartDates: [d("2025-06-30T23:59:59Z")] })).toBe(false);
  });

  it("goes by the earliest induction record: a mentor who began in September 2024 and moved in September 2025 is not restricted", () => {
    const moved = [d("2025-09-01T00:00:00Z"), d("2024-09-01T00:00:00Z")];
    expect(mentorRestricted({ ...mentor, declarationType: "retained-3", trainingStartDates: moved })).toBe(false);
  });

  it("restricts every mentor in a cohort with mentor funding (2025), whenever they began", () => {
    expect(
      mentorRestricted({ ...mentor, cohortMentorFunding: true, declarationType: "retained-1", trainingStartDates: [d("2024-09-01T00:00:00Z")] }),
    ).toBe(true);
  });

  it("always allows started and completed, and never restricts an ECT", () => {
    for (const declarationType of ["started", "completed"] as const) {
      expect(mentorRestricted({ ...mentor, cohortMentorFunding: true, declarationType, trainingStartDates: [d("2025-09-01T00:00:00Z")] })).toBe(false);
    }
    for (const declarationType of DECLARATION_TYPES) {
      expect(
        mentorRestricted({ participantType: "ect", cohortMentorFunding: true, declarationType, trainingStartDates: [d("2025-09-01T00:00:00Z")] }),
      ).toBe(false);
    }
  });

  it("with no induction record dates only the cohort's mentor funding restricts", () => {
    expect(mentorRestricted({ ...mentor, declarationType: "retained-1", trainingStartDates: [] })).toBe(false);
    expect(mentorRestricted({ ...mentor, cohortMentorFunding: true, declarationType: "retained-1", trainingStartDates: [] })).toBe(true);
  });
});

describe("withdrawalDate", () => {
  it("is the training status date of a withdrawn record", () => {
    expect(withdrawalDate({ trainingStatus: "withdrawn", trainingStatusDate: d("2025-11-15T12:00:00Z"), updatedAt: d("2025-11-20T09:00:00Z") })).toEqual(
      d("2025-11-15T12:00:00Z"),
    );
  });
  it("falls back on the record's last change when the status has no date", () => {
    expect(withdrawalDate({ trainingStatus: "withdrawn", trainingStatusDate: null, updatedAt: d("2025-11-20T09:00:00Z") })).toEqual(d("2025-11-20T09:00:00Z"));
  });
  it("is null for an active or deferred participant", () => {
    expect(withdrawalDate(active)).toBeNull();
    expect(withdrawalDate({ trainingStatus: "deferred", trainingStatusDate: d("2025-11-15T12:00:00Z"), updatedAt: d("2025-11-20T09:00:00Z") })).toBeNull();
  });
});

describe("isDuplicate: a declaration that will be, or has been, paid for the same event", () => {
  it("counts submitted, eligible, payable and paid declarations", () => {
    expect([...DUPLICATE_STATES]).toEqual(["submitted", "eligible", "payable", "paid"]);
    const expected: Record<DeclarationState, boolean> = {
      submitted: true,
      eligible: true,
      payable: true,
      paid: true,
      ineligible: false,
      voided: false,
      awaiting_clawback: false,
      clawed_back: false,
    };
    for (const state of DECLARATION_STATES) expect(isDuplicate([state])).toBe(expected[state]);
  });
  it("is false with no earlier declaration, and true when any earlier one counts", () => {
    expect(isDuplicate([])).toBe(false);
    expect(isDuplicate(["voided", "awaiting_clawback"])).toBe(false);
    expect(isDuplicate(["voided", "paid"])).toBe(true);
  });
});

describe("submissionRefusals", () => {
  it("accepts a valid declaration", () => {
    expect(submissionRefusals(valid)).toEqual([]);
  });

  it("refuses a declaration type with no milestone in the schedule", () => {
    expect(submissionRefusals({ ...valid, declarationType: "extended-3", milestone: null })).toEqual([
      { field: "declaration_type", code: "not_in_schedule" },
    ]);
  });

  it("refuses a mentor's retained-1 in the 2025 cohort (mentor funding), in its window 2026-01-01 to 2026-04-30", () => {
    const mentor = { ...valid, participantType: "mentor", declarationType: "retained-1", declarationDate: d("2026-02-01T10:00:00Z"), milestone: retained1of2025 } as const;
    expect(submissionRefusals(mentor)).toEqual([{ field: "declaration_type", code: "mentor_started_or_completed_only" }]);
  });

  it("checks the milestone window on both edges, as calendar days", () => {
    expect(submissionRefusals({ ...valid, declarationDate: d("2025-06-01T00:00:00Z") })).toEqual([]);
    expect(submissionRefusals({ ...valid, declarationDate: d("2025-12-31T23:59:59Z") })).toEqual([]);
    expect(submissionRefusals({ ...valid, declarationDate: d("2025-05-31T23:59:59Z") })).toEqual([
      { field: "declaration_date", code: "before_milestone_start" },
    ]);
    expect(submissionRefusals({ ...valid, declarationDate: d("2026-01-01T00:00:00Z") })).toEqual([
      { field: "declaration_date", code: "after_milestone_end" },
    ]);
  });

  it("refuses a date after the withdrawal (to the millisecond), with the withdrawal date; on the withdrawal itself is fine", () => {
    const withdrawnAt = d("2025-11-15T12:00:00.000Z");
    const record = { trainingStatus: "withdrawn", trainingStatusDate: withdrawnAt, updatedAt: d("2025-11-16T08:00:00Z") } as const;
    expect(submissionRefusals({ ...valid, record, declarationDate: withdrawnAt })).toEqual([]);
    expect(submissionRefusals({ ...valid, record, declarationDate: d("2025-11-15T12:00:00.001Z") })).toEqual([
      { field: "declaration_date", code: "withdrawn", withdrawnAt },
    ]);
  });

  it("lists the withdrawal before the milestone window (the API keeps the first per attribute)", () => {
    const withdrawnAt = d("2025-11-15T12:00:00Z");
    const record = { trainingStatus: "withdrawn", trainingStatusDate: withdrawnAt, updatedAt: withdrawnAt } as const;
    expect(submissionRefusals({ ...valid, record, declarationDate: d("2026-01-02T10:00:00Z") })).toEqual([
      { field: "declaration_date", code: "withdrawn", withdrawnAt },
      { field: "declaration_date", code: "after_milestone_end" },
    ]);
  });

  it("refuses a frozen cohort (2021) with its start year", () => {
    expect(submissionRefusals({ ...valid, cohort: { startYear: 2021, mentorFunding: false, frozen: true } })).toEqual([
      { field: "cohort", code: "cohort_frozen", cohortStartYear: 2021 },
    ]);
  });

  it("refuses a duplicate of a declaration that will be, or has been, paid, but not of a voided one", () => {
    expect(submissionRefusals({ ...valid, sameEventStates: ["eligible"] })).toEqual([{ field: "participant_id", code: "duplicate" }]);
    expect(submissionRefusals({ ...valid, sameEventStates: ["voided"] })).toEqual([]);
  });

  it("skips the type and date checks when those attributes are missing, and still checks the cohort and duplicates", () => {
    const frozen = { startYear: 2021, mentorFunding: false, frozen: true };
    expect(submissionRefusals({ ...valid, declarationType: undefined, declarationDate: undefined, milestone: null, cohort: frozen })).toEqual([
      { field: "cohort", code: "cohort_frozen", cohortStartYear: 2021 },
    ]);
  });

  it("runs every check, in order: type, date, cohort, duplicate", () => {
    const withdrawnAt = d("2025-07-01T00:00:00Z");
    expect(
      submissionRefusals({
        ...valid,
        participantType: "mentor",
        declarationType: "retained-1",
        declarationDate: d("2025-10-01T10:00:00Z"),
        milestone: retained1of2025,
        record: { trainingStatus: "withdrawn", trainingStatusDate: withdrawnAt, updatedAt: withdrawnAt },
        cohort: { startYear: 2025, mentorFunding: true, frozen: true },
        sameEventStates: ["paid"],
      }),
    ).toEqual([
      { field: "declaration_type", code: "mentor_started_or_completed_only" },
      { field: "declaration_date", code: "withdrawn", withdrawnAt },
      { field: "declaration_date", code: "before_milestone_start" },
      { field: "cohort", code: "cohort_frozen", cohortStartYear: 2025 },
      { field: "participant_id", code: "duplicate" },
    ]);
  });
});
