// The schedules against the payment calendar reference (DfE's published schedule data): every
// window edge of the standard schedules for cohorts 2022–2026, both sides of each boundary, and
// the schedules whose milestones have no end.
import { describe, expect, it } from "vitest";
import { ecfSchedules, type ScheduleSpec } from "@/lib/schedules/rules/ecf-schedules";
import { milestoneWindowRefusal } from "@/lib/declarations/rules/milestone-window";

// The reference's tables, written with Y for the cohort year: [type, window start, milestone date, payment date].
const STANDARD: Record<string, [string, string, string, string][]> = {
  "ecf-standard-september": [
    ["started", "Y-06-01", "Y-12-31", "Y-11-30"],
    ["retained-1", "Y1-01-01", "Y1-03-31", "Y1-04-30"],
    ["retained-2", "Y1-04-01", "Y1-07-31", "Y1-08-31"],
    ["retained-3", "Y1-08-01", "Y1-12-31", "Y2-01-31"],
    ["retained-4", "Y2-01-01", "Y2-03-31", "Y2-04-30"],
    ["completed", "Y2-04-01", "Y2-07-31", "Y2-08-31"],
  ],
  "ecf-standard-january": [
    ["started", "Y1-01-01", "Y1-03-31", "Y1-04-30"],
    ["retained-1", "Y1-04-01", "Y1-07-31", "Y1-08-31"],
    ["retained-2", "Y1-08-01", "Y1-12-31", "Y2-01-31"],
    ["retained-3", "Y2-01-01", "Y2-03-31", "Y2-04-30"],
    ["retained-4", "Y2-04-01", "Y2-07-31", "Y2-08-31"],
    ["completed", "Y2-08-01", "Y2-12-31", "Y3-01-31"],
  ],
  "ecf-standard-april": [
    ["started", "Y1-04-01", "Y1-07-31", "Y1-08-31"],
    ["retained-1", "Y1-08-01", "Y1-12-31", "Y2-01-31"],
    ["retained-2", "Y2-01-01", "Y2-03-31", "Y2-04-30"],
    ["retained-3", "Y2-04-01", "Y2-07-31", "Y2-08-31"],
    ["retained-4", "Y2-08-01", "Y2-12-31", "Y3-01-31"],
    ["completed", "Y3-01-01", "Y3-03-31", "Y3-04-30"],
  ],
};

/** "Y1-04-01" for cohort 2024 → 2025-04-01 (midnight UTC). */
function day(template: string, cohort: number): Date {
  const [, offset, rest] = /^Y(\d?)-(.*)$/.exec(template)!;
  return new Date(`${cohort + Number(offset || 0)}-${rest}T00:00:00.000Z`);
}

const addDays = (date: Date, days: number) => new Date(date.getTime() + days * 86_400_000);
const iso = (date: Date | null) => date?.toISOString().slice(0, 10) ?? null;

function schedule(cohort: number, identifier: string): ScheduleSpec {
  const found = ecfSchedules(cohort).find((s) => s.identifier === identifier);
  if (!found) throw new Error(`no ${identifier}`);
  return found;
}

describe("ecfSchedules: twelve schedules a cohort", () => {
  it("standard, extended, reduced and replacement × September, January, April", () => {
    expect(ecfSchedules(2024).map((s) => s.identifier)).toEqual([
      "ecf-standard-september", "ecf-standard-january", "ecf-standard-april",
      "ecf-extended-september", "ecf-extended-january", "ecf-extended-april",
      "ecf-reduced-september", "ecf-reduced-january", "ecf-reduced-april",
      "ecf-replacement-september", "ecf-replacement-january", "ecf-replacement-april",
    ]);
    expect(schedule(2024, "ecf-extended-april").name).toBe("ECF Extended April");
  });

  it("refuses a year before the programme", () => {
    expect(() => ecfSchedules(2020)).toThrow(RangeError);
  });
});

for (const cohort of [2022, 2023, 2024, 2025, 2026]) {
  describe(`standard schedules, cohort ${cohort}`, () => {
    for (const [identifier, rows] of Object.entries(STANDARD)) {
      it(`${identifier}: the reference's windows and payment dates, and both sides of every edge`, () => {
        const milestones = schedule(cohort, identifier).milestones;
        expect(milestones.map((m) => [m.declarationType, iso(m.startDate), iso(m.milestoneDate), iso(m.paymentDate)])).toEqual(
          rows.map(([type, from, to, paid]) => [type, iso(day(from, cohort)), iso(day(to, cohort)), iso(day(paid, cohort))]),
        );
        for (const [type, from, to] of rows) {
          const milestone = milestones.find((m) => m.declarationType === type)!;
          const start = day(from, cohort);
          const end = day(to, cohort);
          expect(milestoneWindowRefusal(addDays(start, -1), milestone)).toBe("before_milestone_start");
          expect(milestoneWindowRefusal(start, milestone)).toBeNull();
          expect(milestoneWindowRefusal(end, milestone)).toBeNull();
          expect(milestoneWindowRefusal(addDays(end, 1), milestone)).toBe("after_milestone_end");
        }
      });
    }

    it("windows after the first never overlap and leave no gap", () => {
      for (const identifier of Object.keys(STANDARD)) {
        const milestones = schedule(cohort, identifier).milestones;
        for (let i = 1; i < milestones.length; i++) {
          expect(iso(addDays(milestones[i - 1]!.milestoneDate!, 1))).toBe(iso(milestones[i]!.startDate));
        }
      }
    });

    it("carries the six standard types only: extended-1..3 are not in a standard schedule", () => {
      for (const identifier of Object.keys(STANDARD)) {
        expect(schedule(cohort, identifier).milestones.map((m) => m.declarationType)).not.toContain("extended-1");
      }
    });
  });
}

describe("the worked example of the issue: ecf-standard-september 2024, retained-2", () => {
  const retained2 = schedule(2024, "ecf-standard-september").milestones.find((m) => m.declarationType === "retained-2")!;
  it("accepts 15 April 2025 and refuses 15 August 2025", () => {
    expect(milestoneWindowRefusal(new Date("2025-04-15T10:00:00Z"), retained2)).toBeNull();
    expect(milestoneWindowRefusal(new Date("2025-08-15T10:00:00Z"), retained2)).toBe("after_milestone_end");
  });
});

describe("cohort 2021's first-year September windows", () => {
  it("are the reference's own", () => {
    const rows = schedule(2021, "ecf-standard-september").milestones.map((m) => [m.declarationType, iso(m.startDate), iso(m.milestoneDate)]);
    expect(rows).toEqual([
      ["started", "2021-09-01", "2021-11-30"],
      ["retained-1", "2021-09-01", "2022-01-31"],
      ["retained-2", "2022-02-01", "2022-04-30"],
      ["retained-3", "2022-05-01", "2022-09-30"],
      ["retained-4", "2022-10-01", "2023-01-31"],
      ["completed", "2023-02-01", "2023-04-30"],
    ]);
  });
});

describe("extended, reduced and replacement schedules: a start date and no milestone date", () => {
  const starts = { september: "2024-09-01", january: "2025-01-01", april: "2025-04-01" } as const;
  for (const kind of ["extended", "reduced", "replacement"] as const) {
    for (const [start, first] of Object.entries(starts)) {
      it(`ecf-${kind}-${start} 2024: every milestone from ${first}, none with an end`, () => {
        const milestones = schedule(2024, `ecf-${kind}-${start}`).milestones;
        expect(milestones.map((m) => m.declarationType)).toEqual(
          kind === "extended"
            ? ["started", "retained-1", "retained-2", "retained-3", "retained-4", "completed", "extended-1", "extended-2", "extended-3"]
            : ["started", "retained-1", "retained-2", "retained-3", "retained-4", "completed"],
        );
        for (const milestone of milestones) {
          expect(iso(milestone.startDate)).toBe(first);
          expect(milestone.milestoneDate).toBeNull();
          expect(milestoneWindowRefusal(new Date(`${first}T00:00:00Z`), milestone)).toBeNull();
          expect(milestoneWindowRefusal(addDays(new Date(`${first}T00:00:00Z`), -1), milestone)).toBe("before_milestone_start");
          expect(milestoneWindowRefusal(new Date("2035-01-01T00:00:00Z"), milestone)).toBeNull();
        }
      });
    }
  }

  it("names the outputs as DfE does", () => {
    expect(schedule(2025, "ecf-extended-january").milestones.map((m) => m.name)).toEqual([
      "Output 1 - Participant Start",
      "Output 2 - Retention Point 1",
      "Output 3 - Retention Point 2",
      "Output 4 - Retention Point 3",
      "Output 5 - Retention Point 4",
      "Output 6 - Participant Completion",
      "Output 7 - Extended Point 1",
      "Output 8 - Extended Point 2",
      "Output 9 - Extended Point 3",
    ]);
  });

  it("pays the standard milestones when the standard schedule does, the extended points a term apart after completion", () => {
    const paid = schedule(2024, "ecf-extended-september").milestones.map((m) => iso(m.paymentDate));
    expect(paid).toEqual(["2024-11-30", "2025-04-30", "2025-08-31", "2026-01-31", "2026-04-30", "2026-08-31", "2027-01-31", "2027-04-30", "2027-08-31"]);
  });
});
