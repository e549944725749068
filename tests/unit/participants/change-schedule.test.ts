// The schedule-change checks (lib/participants/rules/change-schedule.ts). Milestone windows from
// the seeded payment calendar (prisma/seed/calendar.ts), 2025 cohort: ecf-standard-september's
// started window is 2025-06-01 → 2025-12-31; ecf-standard-january's is 2026-01-01 → 2026-04-30
// and its retained-1 window 2026-05-01 → 2026-08-31.
import { describe, expect, it } from "vitest";
import {
  isFrozenCohortMove,
  changeScheduleRefusal,
  cohortChangeRefusal,
  declarationsOutsideSchedule,
  isReplacementSchedule,
  replacementScheduleRefusal,
  type ScheduleChange,
} from "@/lib/participants/rules/change-schedule";

const d = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const cohort2023 = { id: "c2023", startYear: 2023, frozen: true };
const cohort2024 = { id: "c2024", startYear: 2024, frozen: false };
const cohort2025 = { id: "c2025", startYear: 2025, frozen: false };
const january2025 = [
  { declarationType: "started", startDate: d("2026-01-01"), milestoneDate: d("2026-04-30") },
  { declarationType: "retained-1", startDate: d("2026-05-01"), milestoneDate: d("2026-08-31") },
];

function change(overrides: Partial<ScheduleChange> = {}): ScheduleChange {
  return {
    participantType: "ect",
    current: { scheduleId: "september-2025", cohort: cohort2025 },
    target: { scheduleId: "january-2025", identifier: "ecf-standard-january", cohort: cohort2025, milestones: january2025 },
    declarations: [],
    ...overrides,
  };
}

describe("replacement schedules", () => {
  it("are the ecf-replacement-* ones, for mentors only", () => {
    expect(isReplacementSchedule("ecf-replacement-april")).toBe(true);
    expect(isReplacementSchedule("ecf-standard-april")).toBe(false);
    expect(replacementScheduleRefusal("ect", "ecf-replacement-september")).toEqual({ field: "schedule_identifier", code: "replacement_schedule_for_mentors_only" });
    expect(replacementScheduleRefusal("mentor", "ecf-replacement-september")).toBeNull();
    expect(replacementScheduleRefusal("ect", "ecf-standard-september")).toBeNull();
  });
});

describe("cohortChangeRefusal", () => {
  const started = { declarationType: "started", declarationDate: d("2025-10-01"), state: "submitted" as const };

  it("does not apply when the cohort stays, whatever the declarations", () => {
    expect(cohortChangeRefusal(cohort2023, cohort2023, [started])).toBeNull();
  });
  it("refuses a move into or out of a frozen cohort, naming it", () => {
    expect(cohortChangeRefusal(cohort2025, cohort2023, [])).toEqual({ field: "cohort", code: "cohort_frozen", cohort: 2023 });
    expect(cohortChangeRefusal(cohort2023, cohort2025, [])).toEqual({ field: "cohort", code: "cohort_frozen", cohort: 2023 });
    const frozen2024 = { ...cohort2024, frozen: true };
    expect(cohortChangeRefusal(cohort2023, frozen2024, [])).toEqual({ field: "cohort", code: "cohort_frozen", cohort: 2023 });
  });
  it("allows the one move out of a frozen cohort: unfinished training, all of it paid, to the 2024 cohort", () => {
    const paid = (declarationType: string) => ({ declarationType, declarationDate: d("2022-10-01"), state: "paid" as const });
    expect(isFrozenCohortMove(cohort2023, cohort2024)).toBe(true);
    expect(isFrozenCohortMove(cohort2023, cohort2025)).toBe(false);
    expect(isFrozenCohortMove(cohort2024, cohort2024)).toBe(false);
    expect(cohortChangeRefusal(cohort2023, cohort2024, [paid("started"), paid("retained-1")])).toBeNull();
    expect(cohortChangeRefusal(cohort2023, cohort2024, [])).toBeNull();
    // Finished training stays where it was paid; unpaid declarations must be voided first.
    expect(cohortChangeRefusal(cohort2023, cohort2024, [paid("started"), paid("completed")])).toEqual({ field: "cohort", code: "cohort_frozen", cohort: 2023 });
    expect(cohortChangeRefusal(cohort2023, cohort2024, [paid("started"), { ...paid("retained-1"), state: "payable" }])).toEqual({
      field: "cohort",
      code: "cohort_change_with_declarations",
    });
  });
  it("refuses a move while a declaration will be, or has been, paid (a submitted one too)", () => {
    expect(cohortChangeRefusal(cohort2025, cohort2024, [started])).toEqual({ field: "cohort", code: "cohort_change_with_declarations" });
    expect(cohortChangeRefusal(cohort2025, cohort2024, [])).toBeNull();
  });
});

describe("declarationsOutsideSchedule", () => {
  it("lists each eligible, payable or paid declaration type dated outside the new window, once, in date order", () => {
    const declarations = [
      { declarationType: "started", declarationDate: d("2025-10-01"), state: "paid" as const },
      { declarationType: "retained-1", declarationDate: d("2026-02-01"), state: "eligible" as const },
      { declarationType: "started", declarationDate: d("2025-12-31"), state: "payable" as const },
    ];
    expect(declarationsOutsideSchedule(declarations, january2025)).toEqual(["started", "retained-1"]);
  });
  it("takes both ends of the window as inside", () => {
    const declarations = [
      { declarationType: "started", declarationDate: new Date("2026-01-01T00:00:00.000Z"), state: "eligible" as const },
      { declarationType: "started", declarationDate: new Date("2026-04-30T23:59:59.000Z"), state: "paid" as const },
    ];
    expect(declarationsOutsideSchedule(declarations, january2025)).toEqual([]);
  });
  it("ignores submitted declarations (not yet payable), and counts a type the schedule has no milestone for", () => {
    expect(declarationsOutsideSchedule([{ declarationType: "started", declarationDate: d("2025-10-01"), state: "submitted" }], january2025)).toEqual([]);
    expect(declarationsOutsideSchedule([{ declarationType: "retained-2", declarationDate: d("2026-09-01"), state: "eligible" }], january2025)).toEqual(["retained-2"]);
  });
});

describe("changeScheduleRefusal", () => {
  it("allows a move whose declarations still fit", () => {
    expect(changeScheduleRefusal(change({ declarations: [{ declarationType: "started", declarationDate: d("2026-01-15"), state: "eligible" }] }))).toBeNull();
  });
  it("refuses the schedule the participant is already on", () => {
    expect(changeScheduleRefusal(change({ target: { ...change().target, scheduleId: "september-2025" } }))).toEqual({ field: "schedule_identifier", code: "same_schedule" });
  });
  it("refuses declarations outside the new schedule, with their types", () => {
    expect(changeScheduleRefusal(change({ declarations: [{ declarationType: "started", declarationDate: d("2025-10-01"), state: "eligible" }] }))).toEqual({
      field: "schedule_identifier",
      code: "declarations_outside_schedule",
      declarationTypes: ["started"],
    });
  });
  it("runs the checks in order: replacement, same schedule, frozen cohort, declarations in a cohort change, milestones", () => {
    const misfit = { declarationType: "started", declarationDate: d("2025-10-01"), state: "paid" as const };
    const replacementSame = change({
      current: { scheduleId: "replacement-2023", cohort: cohort2023 },
      target: { scheduleId: "replacement-2023", identifier: "ecf-replacement-january", cohort: cohort2023, milestones: january2025 },
    });
    expect(changeScheduleRefusal(replacementSame)?.code).toBe("replacement_schedule_for_mentors_only");
    expect(changeScheduleRefusal({ ...replacementSame, participantType: "mentor" })?.code).toBe("same_schedule");
    const toFrozen = change({ target: { scheduleId: "january-2023", identifier: "ecf-standard-january", cohort: cohort2023, milestones: january2025 }, declarations: [misfit] });
    expect(changeScheduleRefusal(toFrozen)).toEqual({ field: "cohort", code: "cohort_frozen", cohort: 2023 });
    const to2024 = change({ target: { scheduleId: "january-2024", identifier: "ecf-standard-january", cohort: cohort2024, milestones: january2025 }, declarations: [misfit] });
    expect(changeScheduleRefusal(to2024)).toEqual({ field: "cohort", code: "cohort_change_with_declarations" });
    expect(changeScheduleRefusal(change({ declarations: [misfit] }))?.code).toBe("declarations_outside_schedule");
  });
  it("does not re-validate the paid declarations of a frozen cohort against the 2024 schedule they move to", () => {
    const paidLongAgo = { declarationType: "started", declarationDate: d("2021-10-01"), state: "paid" as const };
    const fromFrozen = change({
      current: { scheduleId: "september-2023", cohort: cohort2023 },
      target: { scheduleId: "january-2024", identifier: "ecf-standard-january", cohort: cohort2024, milestones: january2025 },
      declarations: [paidLongAgo],
    });
    expect(changeScheduleRefusal(fromFrozen)).toBeNull();
    // The same declaration on a move between open cohorts is checked, and does not fit.
    expect(changeScheduleRefusal({ ...fromFrozen, current: { scheduleId: "september-2025", cohort: cohort2025 }, declarations: [{ ...paidLongAgo, state: "eligible" }] })?.code).toBe(
      "cohort_change_with_declarations",
    );
  });
});
