// Reference data shared by the demo and the scale generator: cohorts with their schedules and
// milestones, and statement calendars.
import {
  MILESTONE_NAMES,
  SCHEDULE_IDENTIFIERS,
  SCHEDULE_NAMES,
  StatementCalendar,
  milestoneWindows,
  planStatements,
  type MilestoneWindow,
  type ScheduleIdentifier,
  type StatementPlan,
} from "./calendar";
import { msOfDay, dayOf } from "./dates";
import type { CohortInfo } from "./lifecycle";
import type { SeedRows, StatementRow } from "./tables";

export interface ScheduleRef {
  id: string;
  identifier: ScheduleIdentifier;
  windows: MilestoneWindow[];
}

export interface CohortRef {
  info: CohortInfo;
  schedules: Map<ScheduleIdentifier, ScheduleRef>;
}

export function scheduleOf(cohort: CohortRef, identifier: ScheduleIdentifier): ScheduleRef {
  const schedule = cohort.schedules.get(identifier);
  if (!schedule) throw new Error(`Cohort ${cohort.info.startYear} has no schedule ${identifier}`);
  return schedule;
}

/** A cohort with all six schedules and their milestones, added to `rows`. */
export function buildCohort(
  rows: SeedRows,
  year: number,
  options: { mentorFunding: boolean; paymentsFrozenAt: number | null },
  newId: () => string,
): CohortRef {
  const createdAt = msOfDay(dayOf(year, 3, 1)) + 9 * 3_600_000;
  const id = newId();
  rows.cohorts.push({
    id,
    startYear: year,
    mentorFunding: options.mentorFunding,
    paymentsFrozenAt: options.paymentsFrozenAt,
    createdAt,
    updatedAt: options.paymentsFrozenAt ?? createdAt,
  });
  const schedules = new Map<ScheduleIdentifier, ScheduleRef>();
  for (const identifier of SCHEDULE_IDENTIFIERS) {
    const scheduleId = newId();
    rows.schedules.push({ id: scheduleId, cohortId: id, identifier, name: SCHEDULE_NAMES[identifier], createdAt, updatedAt: createdAt });
    const windows = milestoneWindows(year, identifier);
    for (const window of windows) {
      rows.milestones.push({
        id: newId(),
        scheduleId,
        declarationType: window.type,
        name: MILESTONE_NAMES[window.type],
        startDate: window.startDay,
        milestoneDate: window.endDay,
      });
    }
    schedules.set(identifier, { id: scheduleId, identifier, windows });
  }
  return { info: { id, startYear: year, mentorFunding: options.mentorFunding, frozenMs: options.paymentsFrozenAt }, schedules };
}

/** Monthly statements for one provider and cohort from November of the cohort's year, added to `rows`. */
export function buildStatements(
  rows: SeedRows,
  leadProviderId: string,
  cohort: CohortInfo,
  count: number,
  newId: () => string,
): StatementCalendar {
  const plans = planStatements(leadProviderId, cohort.id, { year: cohort.startYear, month: 11 }, count, newId);
  const createdAt = msOfDay(dayOf(cohort.startYear, 5, 1)) + 9 * 3_600_000;
  for (const plan of plans) rows.statements.push(statementRow(plan, createdAt));
  return new StatementCalendar(plans);
}

export const MARKED_AS_PAID_BY = "finance@example.com";

export function statementRow(plan: StatementPlan, createdAt: number): StatementRow {
  return {
    id: plan.id,
    leadProviderId: plan.leadProviderId,
    cohortId: plan.cohortId,
    name: plan.name,
    month: plan.month,
    year: plan.year,
    deadlineDate: plan.deadlineDay,
    paymentDate: plan.paymentDay,
    outputFee: plan.outputFee,
    status: plan.status,
    markedAsPaidAt: plan.paidMs,
    markedAsPaidBy: plan.paidMs === null ? null : MARKED_AS_PAID_BY,
    reconcileAmount: "0.00",
    snapshot: null,
    createdAt,
    updatedAt: plan.paidMs ?? (plan.status === "payable" ? msOfDay(plan.deadlineDay + 1) : createdAt),
  };
}
