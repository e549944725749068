/**
 * DfE's twelve ECF schedules of a cohort, with their milestones: one function of the cohort year.
 *
 * Source: the payment calendar reference (DfE's published schedule data), sections 1 and 2.
 * - Standard schedules are term-aligned. Terms: spring = Jan–Mar, summer = Apr–Jul,
 *   autumn = Aug–Dec. `ecf-standard-september` of cohort Y: started Y-06-01 → Y-12-31 (paid
 *   Y-11-30), then one term per milestone from spring Y+1. `-january` starts one term later
 *   (spring Y+1), `-april` two (summer Y+1). A milestone is paid on the last day of the month
 *   after its term ends (Mar → 30 Apr, Jul → 31 Aug, Dec → 31 Jan).
 * - Cohort 2021's `ecf-standard-september` had its own first-year windows (listed in the reference).
 * - Extended, reduced and replacement schedules: every milestone starts on the schedule's start
 *   (Y-09-01, (Y+1)-01-01, (Y+1)-04-01) and has no milestone date. Extended schedules carry all
 *   nine declaration types, the others the six standard ones.
 * - Where the reference is silent (payment dates of schedules without milestone dates, 2021's
 *   payment dates and its January/April schedules) the decisions are in docs/payment-rules.md.
 */
import type { DeclarationType } from "@/lib/domain/declaration-types";

export const SCHEDULE_KINDS = ["standard", "extended", "reduced", "replacement"] as const;
export type ScheduleKind = (typeof SCHEDULE_KINDS)[number];

export const SCHEDULE_STARTS = ["september", "january", "april"] as const;
export type ScheduleStart = (typeof SCHEDULE_STARTS)[number];

export interface MilestoneSpec {
  declarationType: DeclarationType;
  name: string;
  /** First day a declaration of this type may be dated. */
  startDate: Date;
  /** Last day it may be dated; null: no end (extended, reduced and replacement schedules). */
  milestoneDate: Date | null;
  /** When this milestone is normally paid. */
  paymentDate: Date;
}

export interface ScheduleSpec {
  identifier: string;
  name: string;
  kind: ScheduleKind;
  start: ScheduleStart;
  milestones: MilestoneSpec[];
}

const STANDARD_TYPES = ["started", "retained-1", "retained-2", "retained-3", "retained-4", "completed"] as const satisfies readonly DeclarationType[];
const EXTENDED_TYPES = [...STANDARD_TYPES, "extended-1", "extended-2", "extended-3"] as const satisfies readonly DeclarationType[];

export const MILESTONE_NAMES: Readonly<Record<DeclarationType, string>> = {
  started: "Output 1 - Participant Start",
  "retained-1": "Output 2 - Retention Point 1",
  "retained-2": "Output 3 - Retention Point 2",
  "retained-3": "Output 4 - Retention Point 3",
  "retained-4": "Output 5 - Retention Point 4",
  completed: "Output 6 - Participant Completion",
  "extended-1": "Output 7 - Extended Point 1",
  "extended-2": "Output 8 - Extended Point 2",
  "extended-3": "Output 9 - Extended Point 3",
};

/** Midnight UTC of a calendar day (months 1–12; day 0 is the last day of the previous month). */
export function utcDate(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day));
}

/** The last day of a month (1–12). */
function endOfMonth(year: number, month: number): Date {
  return utcDate(year, month + 1, 0);
}

// Terms, counted from spring of year 0: term t is season t mod 3 of year ⌊t / 3⌋.
const SEASONS = [
  { startMonth: 1, endMonth: 3 }, // spring
  { startMonth: 4, endMonth: 7 }, // summer
  { startMonth: 8, endMonth: 12 }, // autumn
] as const;

function term(index: number): { startDate: Date; milestoneDate: Date; paymentDate: Date } {
  const year = Math.floor(index / 3);
  const season = SEASONS[index % 3]!;
  return {
    startDate: utcDate(year, season.startMonth, 1),
    milestoneDate: endOfMonth(year, season.endMonth),
    // The last day of the month after the term ends.
    paymentDate: endOfMonth(season.endMonth === 12 ? year + 1 : year, season.endMonth === 12 ? 1 : season.endMonth + 1),
  };
}

/** The term a standard schedule's `started` falls in (spring of Y+1 is 3·(Y+1)). */
function firstTerm(cohortYear: number, start: ScheduleStart): number {
  const springAfter = 3 * (cohortYear + 1);
  return start === "september" ? springAfter - 1 : start === "january" ? springAfter : springAfter + 1;
}

/** The term of each of the nine declaration types on a schedule starting in `start` (extended points follow completion). */
function termWindows(cohortYear: number, start: ScheduleStart) {
  const first = firstTerm(cohortYear, start);
  return EXTENDED_TYPES.map((declarationType, i) => ({ declarationType, ...term(first + i) }));
}

/** `ecf-standard-september` 2021, the first year (the reference's own windows). */
const SEPTEMBER_2021: readonly (readonly [DeclarationType, string, string, string])[] = [
  ["started", "2021-09-01", "2021-11-30", "2021-11-30"],
  ["retained-1", "2021-09-01", "2022-01-31", "2022-02-28"],
  ["retained-2", "2022-02-01", "2022-04-30", "2022-05-31"],
  ["retained-3", "2022-05-01", "2022-09-30", "2022-10-31"],
  ["retained-4", "2022-10-01", "2023-01-31", "2023-02-28"],
  ["completed", "2023-02-01", "2023-04-30", "2023-05-31"],
];

function standardMilestones(cohortYear: number, start: ScheduleStart): MilestoneSpec[] {
  if (cohortYear === 2021 && start === "september") {
    return SEPTEMBER_2021.map(([declarationType, from, to, paid]) => ({
      declarationType,
      name: MILESTONE_NAMES[declarationType],
      startDate: new Date(`${from}T00:00:00.000Z`),
      milestoneDate: new Date(`${to}T00:00:00.000Z`),
      paymentDate: new Date(`${paid}T00:00:00.000Z`),
    }));
  }
  return termWindows(cohortYear, start)
    .slice(0, STANDARD_TYPES.length)
    .map((window) => {
      // September's started runs from 1 June to the end of the autumn term and is paid on 30 November.
      const septemberStart = start === "september" && window.declarationType === "started";
      return {
        declarationType: window.declarationType,
        name: MILESTONE_NAMES[window.declarationType],
        startDate: septemberStart ? utcDate(cohortYear, 6, 1) : window.startDate,
        milestoneDate: window.milestoneDate,
        paymentDate: septemberStart ? utcDate(cohortYear, 11, 30) : window.paymentDate,
      };
    });
}

/** The first day of a non-standard schedule: Y-09-01, (Y+1)-01-01 or (Y+1)-04-01. */
export function nonStandardStartDate(cohortYear: number, start: ScheduleStart): Date {
  return start === "september" ? utcDate(cohortYear, 9, 1) : utcDate(cohortYear + 1, start === "january" ? 1 : 4, 1);
}

function openMilestones(cohortYear: number, start: ScheduleStart, kind: Exclude<ScheduleKind, "standard">): MilestoneSpec[] {
  const types = kind === "extended" ? EXTENDED_TYPES : STANDARD_TYPES;
  const standard = standardMilestones(cohortYear, start);
  const windows = termWindows(cohortYear, start);
  const startDate = nonStandardStartDate(cohortYear, start);
  return types.map((declarationType, i) => ({
    declarationType,
    name: MILESTONE_NAMES[declarationType],
    startDate,
    milestoneDate: null,
    // Paid when the standard schedule pays the same milestone; extended points a term apart after it.
    paymentDate: standard[i]?.paymentDate ?? windows[i]!.paymentDate,
  }));
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** The twelve schedules of a cohort (standard, extended, reduced, replacement × September, January, April). */
export function ecfSchedules(cohortYear: number): ScheduleSpec[] {
  if (!Number.isInteger(cohortYear) || cohortYear < 2021) throw new RangeError(`No ECF schedules for cohort ${cohortYear}`);
  return SCHEDULE_KINDS.flatMap((kind) =>
    SCHEDULE_STARTS.map((start) => ({
      identifier: `ecf-${kind}-${start}`,
      name: `ECF ${capitalise(kind)} ${capitalise(start)}`,
      kind,
      start,
      milestones: kind === "standard" ? standardMilestones(cohortYear, start) : openMilestones(cohortYear, start, kind),
    })),
  );
}
