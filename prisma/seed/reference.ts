// Reference data shared by the demo and the scale generator: cohorts with their twelve schedules and
// milestones (ecfSchedules), and each provider's statements (statementCalendar).
import { SCHEDULE_NAMES, StatementCalendar, cohortSchedules, planStatements, type ScheduleIdentifier, type ScheduleMilestones, type StatementPlan } from "./calendar";
import { HOUR_MS, dayOf, msOfDay } from "./dates";
import type { CohortInfo } from "./lifecycle";
import type { SeedRows, StatementRow } from "./tables";

/** Mentor funding (mentors paid separately; no uplift; three ECT bands) from this cohort (DfE's calendar, section 5). */
export const MENTOR_FUNDING_FROM = 2025;

export interface ScheduleRef extends ScheduleMilestones {
  id: string;
  identifier: ScheduleIdentifier;
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

/** What a cohort's events are limited by: nothing happens on or after `today`, nor once payments are frozen. */
export function cohortInfo(
  id: string,
  startYear: number,
  options: { mentorFunding: boolean; paymentsFrozenAt: number | null; today: number },
): CohortInfo {
  const frozenMs = options.paymentsFrozenAt;
  return {
    id,
    startYear,
    mentorFunding: options.mentorFunding,
    frozenMs,
    limitMs: Math.min(msOfDay(options.today), frozenMs ?? Number.POSITIVE_INFINITY),
    today: options.today,
  };
}

/** A cohort with its twelve schedules and their milestones, added to `rows`. */
export function buildCohort(
  rows: SeedRows,
  year: number,
  options: { mentorFunding: boolean; paymentsFrozenAt: number | null; today: number },
  newId: () => string,
): CohortRef {
  const createdAt = msOfDay(dayOf(year, 3, 1)) + 9 * HOUR_MS;
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
  for (const [identifier, schedule] of cohortSchedules(year)) {
    const scheduleId = newId();
    rows.schedules.push({ id: scheduleId, cohortId: id, identifier, name: SCHEDULE_NAMES.get(identifier) as string, createdAt, updatedAt: createdAt });
    for (const m of schedule.milestones) {
      rows.milestones.push({
        id: newId(),
        scheduleId,
        declarationType: m.type,
        name: m.name,
        startDate: m.startDay,
        milestoneDate: m.endDay,
        paymentDate: m.paymentDay,
      });
    }
    schedules.set(identifier, { ...schedule, id: scheduleId, identifier });
  }
  return { info: cohortInfo(id, year, options), schedules };
}

/** A provider's statements for one cohort (November of its year to May three years on), added to `rows`. */
export function buildStatements(rows: SeedRows, leadProviderId: string, cohort: CohortInfo, newId: () => string): StatementCalendar {
  const plans = planStatements(leadProviderId, { id: cohort.id, startYear: cohort.startYear }, cohort.today, newId);
  const createdAt = msOfDay(dayOf(cohort.startYear, 5, 1)) + 9 * HOUR_MS;
  for (const plan of plans) rows.statements.push(statementRow(plan, createdAt));
  return new StatementCalendar(plans);
}

export const MARKED_AS_PAID_BY = "finance@example.com";

/** A paid statement has no snapshot: the statement page calculates it (as for statements paid before snapshots). */
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
    serviceFeeInstalment: plan.serviceFeeInstalment,
    status: plan.status,
    markedAsPaidAt: plan.paidMs,
    markedAsPaidBy: plan.paidMs === null ? null : MARKED_AS_PAID_BY,
    reconcileAmount: "0.00",
    snapshot: null,
    createdAt,
    updatedAt: plan.paidMs ?? plan.payableMs ?? createdAt,
  };
}
