// Payment schedules as finance reads them: every cohort's schedules (newest cohort first), and one
// schedule with its milestones. The rows are written by the seed from rules/ecf-schedules.ts.
import type { Queryable } from "@/lib/db/query";
import { SCHEDULE_KINDS, SCHEDULE_STARTS } from "./rules/ecf-schedules";

export type ScheduleSummary = { id: string; identifier: string; name: string; milestoneCount: number };
export type CohortSchedules = { cohortYear: number; schedules: ScheduleSummary[] };

export type MilestoneRow = {
  name: string;
  declarationType: string;
  startDate: Date;
  /** Null: no end (extended, reduced and replacement schedules). */
  milestoneDate: Date | null;
  paymentDate: Date | null;
};

export type ScheduleDetail = {
  id: string;
  identifier: string;
  name: string;
  cohortYear: number;
  milestones: MilestoneRow[];
};

/**
 * DfE's order: standard, extended, reduced, replacement; within each September, January, April.
 * Identifiers outside DfE's pattern (ecf-<kind>-<start>) come last, alphabetically.
 */
function scheduleOrder(identifier: string): number {
  const [, kind, start] = /^ecf-([a-z]+)-([a-z]+)$/.exec(identifier) ?? [];
  const k = SCHEDULE_KINDS.indexOf(kind as (typeof SCHEDULE_KINDS)[number]);
  const s = SCHEDULE_STARTS.indexOf(start as (typeof SCHEDULE_STARTS)[number]);
  return k < 0 || s < 0 ? Number.MAX_SAFE_INTEGER : k * SCHEDULE_STARTS.length + s;
}

/** Every cohort, newest first, with its schedules in DfE's order and how many milestones each has. */
export async function listSchedulesByCohort(db: Queryable): Promise<CohortSchedules[]> {
  const cohorts = await db.cohort.findMany({
    orderBy: { startYear: "desc" },
    select: {
      startYear: true,
      schedules: {
        orderBy: { identifier: "asc" },
        select: { id: true, identifier: true, name: true, _count: { select: { milestones: true } } },
      },
    },
  });
  return cohorts.map((cohort) => ({
    cohortYear: cohort.startYear,
    schedules: cohort.schedules
      .map((s) => ({ id: s.id, identifier: s.identifier, name: s.name, milestoneCount: s._count.milestones }))
      .sort((a, b) => scheduleOrder(a.identifier) - scheduleOrder(b.identifier) || a.identifier.localeCompare(b.identifier)),
  }));
}

/** One schedule and its milestones in date order (start date, then milestone date); null when there is none. */
export async function findSchedule(db: Queryable, scheduleId: string): Promise<ScheduleDetail | null> {
  const schedule = await db.schedule.findUnique({
    where: { id: scheduleId },
    select: {
      id: true,
      identifier: true,
      name: true,
      cohort: { select: { startYear: true } },
      milestones: {
        orderBy: [{ startDate: "asc" }, { milestoneDate: { sort: "asc", nulls: "last" } }, { declarationType: "asc" }],
        select: { name: true, declarationType: true, startDate: true, milestoneDate: true, paymentDate: true },
      },
    },
  });
  if (!schedule) return null;
  return {
    id: schedule.id,
    identifier: schedule.identifier,
    name: schedule.name,
    cohortYear: schedule.cohort.startYear,
    milestones: schedule.milestones,
  };
}
