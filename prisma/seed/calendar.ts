// The seed's view of DfE's calendar. Schedules and statements come from the rules the service uses
// (lib/schedules/rules/ecf-schedules.ts and lib/statements/rules/statement-calendar.ts) and the
// milestone window from lib/declarations/rules/milestone-window.ts; this module only turns them into
// day numbers, gives each statement its status on the seed's "today", and answers the look-ups the
// generator needs (which output statement a submission or a void attaches to).
import { milestoneWindowRefusal } from "@/lib/declarations/rules/milestone-window";
import { DECLARATION_TYPES, type DeclarationType } from "@/lib/domain/declaration-types";
import type { StatementStatus } from "@/lib/domain/statement-statuses";
import { ecfSchedules, type ScheduleKind, type ScheduleStart } from "@/lib/schedules/rules/ecf-schedules";
import { statementCalendar } from "@/lib/statements/rules/statement-calendar";
import { dateOfDay, dayOf, dayOfDate, msOfDay } from "./dates";

// ---------------------------------------------------------------------------
// Cohorts and schedules
// ---------------------------------------------------------------------------

export type ScheduleIdentifier = `ecf-${ScheduleKind}-${ScheduleStart}`;

/** The cohort whose `ecf-standard-september` started window has opened by `today` (a day number). */
export function currentCohortYear(today: number): number {
  const year = new Date(msOfDay(today)).getUTCFullYear();
  const opens = (cohortYear: number) => {
    const september = ecfSchedules(cohortYear).find((s) => s.identifier === "ecf-standard-september");
    return dayOfDate(september?.milestones[0]?.startDate as Date);
  };
  if (year >= 2021 && today >= opens(year)) return year;
  if (year - 1 < 2021) throw new RangeError(`There is no ECF cohort on ${new Date(msOfDay(today)).toISOString().slice(0, 10)}: the first (2021) opened on 2021-09-01.`);
  return year - 1;
}

/** A milestone as stored, in day numbers. */
export interface Milestone {
  type: DeclarationType;
  name: string;
  startDay: number;
  /** The milestone date (the last valid day), or null: no end. */
  endDay: number | null;
  paymentDay: number | null;
}

/** A schedule's milestones, and the days the generator dates each declaration type in. */
export interface ScheduleMilestones {
  kind: ScheduleKind;
  milestones: readonly Milestone[];
  /** Per declaration type: inside the milestone's window, and for a milestone without an end, in the
   * months before it is normally paid and after the previous milestone's (so a run of declarations
   * keeps its order and pace). */
  dating: ReadonlyMap<DeclarationType, { fromDay: number; toDay: number }>;
}

export function scheduleKindOf(identifier: string): ScheduleKind {
  const kind = identifier.split("-")[1];
  if (kind !== "standard" && kind !== "extended" && kind !== "reduced" && kind !== "replacement") throw new Error(`Unknown schedule ${identifier}`);
  return kind;
}

export function scheduleMilestones(identifier: string, milestones: readonly Milestone[]): ScheduleMilestones {
  const ordered = [...milestones].sort((a, b) => DECLARATION_TYPES.indexOf(a.type) - DECLARATION_TYPES.indexOf(b.type));
  const dating = new Map<DeclarationType, { fromDay: number; toDay: number }>();
  let previousTo = Number.NEGATIVE_INFINITY;
  for (const m of ordered) {
    const fromDay = Math.max(m.startDay, previousTo + 1);
    let toDay = m.endDay;
    if (toDay === null) {
      // The last day of the month before the payment month, else four months on.
      toDay = m.paymentDay === null ? fromDay + 120 : dayOf(...yearMonth(m.paymentDay), 0);
    }
    toDay = Math.max(toDay, fromDay);
    dating.set(m.type, { fromDay, toDay });
    previousTo = toDay;
  }
  return { kind: scheduleKindOf(identifier), milestones: ordered, dating };
}

function yearMonth(day: number): [number, number] {
  const d = new Date(msOfDay(day));
  return [d.getUTCFullYear(), d.getUTCMonth() + 1];
}

/** The twelve schedules of a cohort (ecfSchedules), in day numbers. */
export function cohortSchedules(cohortYear: number): Map<ScheduleIdentifier, ScheduleMilestones> {
  const schedules = new Map<ScheduleIdentifier, ScheduleMilestones>();
  for (const schedule of ecfSchedules(cohortYear)) {
    const milestones = schedule.milestones.map((m) => ({
      type: m.declarationType,
      name: m.name,
      startDay: dayOfDate(m.startDate),
      endDay: m.milestoneDate === null ? null : dayOfDate(m.milestoneDate),
      paymentDay: dayOfDate(m.paymentDate),
    }));
    schedules.set(schedule.identifier as ScheduleIdentifier, scheduleMilestones(schedule.identifier, milestones));
  }
  return schedules;
}

export const SCHEDULE_NAMES: ReadonlyMap<string, string> = new Map(ecfSchedules(2021).map((s) => [s.identifier, s.name]));

/** Throws unless a declaration dated `dateMs` is inside the milestone's window (the service's own rule). */
export function assertInWindow(milestone: Milestone, dateMs: number): void {
  const refusal = milestoneWindowRefusal(new Date(dateMs), {
    startDate: dateOfDay(milestone.startDay),
    milestoneDate: milestone.endDay === null ? null : dateOfDay(milestone.endDay),
  });
  if (refusal) throw new Error(`A generated ${milestone.type} declaration dated ${new Date(dateMs).toISOString()} is refused: ${refusal}`);
}

/** Mentors began after June 2025 (or train in a mentor-funded cohort): started and completed only. */
export const MENTOR_LIMITED_FROM_DAY = dayOf(2025, 7, 1);

export function courseIdentifierFor(participantType: "ect" | "mentor"): string {
  return participantType === "ect" ? "ecf-induction" : "ecf-mentor";
}

// ---------------------------------------------------------------------------
// Statements
// ---------------------------------------------------------------------------

export interface StatementPlan {
  id: string;
  leadProviderId: string;
  cohortId: string;
  name: string;
  month: number;
  year: number;
  /** Cut-off: the last day of the previous month. */
  deadlineDay: number;
  /** The 25th of the month. */
  paymentDay: number;
  outputFee: boolean;
  serviceFeeInstalment: number | null;
  status: StatementStatus;
  /** When it became payable (the day after its cut-off, at the latest just before today), once it is. */
  payableMs: number | null;
  /** When it was marked as paid (its payment date), for paid statements. */
  paidMs: number | null;
}

/** On `today`: paid once its payment date has passed, payable once its cut-off has passed, else open. */
export function statementStatusOn(today: number, deadlineDay: number, paymentDay: number): StatementStatus {
  if (paymentDay < today) return "paid";
  if (deadlineDay < today) return "payable";
  return "open";
}

/** One provider's statements for one cohort (statementCalendar), with their statuses on `today`. */
export function planStatements(
  leadProviderId: string,
  cohort: { id: string; startYear: number },
  today: number,
  newId: () => string,
): StatementPlan[] {
  return statementCalendar(cohort.startYear).map((spec) => {
    const deadlineDay = dayOfDate(spec.deadlineDate);
    const paymentDay = dayOfDate(spec.paymentDate);
    const status = statementStatusOn(today, deadlineDay, paymentDay);
    return {
      id: newId(),
      leadProviderId,
      cohortId: cohort.id,
      name: spec.name,
      month: spec.month,
      year: spec.year,
      deadlineDay,
      paymentDay,
      outputFee: spec.outputFee,
      serviceFeeInstalment: spec.serviceFeeInstalment,
      status,
      payableMs: status === "open" ? null : Math.min(msOfDay(deadlineDay + 1), msOfDay(today) - 60_000),
      paidMs: status === "paid" ? msOfDay(paymentDay) : null,
    };
  });
}

/** One provider's statements for one cohort, with the look-ups the lifecycle needs. */
export class StatementCalendar {
  readonly outputs: StatementPlan[];

  constructor(readonly statements: readonly StatementPlan[]) {
    this.outputs = statements.filter((s) => s.outputFee).sort((a, b) => a.deadlineDay - b.deadlineDay);
  }

  /** The output statement a declaration submitted (or a clawback made) on `day` attaches to: the
   * earliest whose cut-off is on or after that day (lib/declarations/rules/output-statement.ts, on
   * the day it happened). */
  attach(day: number): StatementPlan | undefined {
    const outputs = this.outputs;
    let lo = 0;
    let hi = outputs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((outputs[mid] as StatementPlan).deadlineDay >= day) hi = mid;
      else lo = mid + 1;
    }
    return outputs[lo];
  }

  /** The output statement before `statement`, if any. */
  previousOutput(statement: StatementPlan): StatementPlan | undefined {
    const index = this.outputs.indexOf(statement);
    return index > 0 ? this.outputs[index - 1] : undefined;
  }

  /** The first output statement with the given status. */
  firstWithStatus(status: StatementStatus): StatementPlan | undefined {
    return this.outputs.find((s) => s.status === status);
  }

  /** The paid output statements, oldest first. */
  paidOutputs(): StatementPlan[] {
    return this.outputs.filter((s) => s.status === "paid");
  }

  /** The last paid output statement. */
  lastPaid(): StatementPlan | undefined {
    return this.paidOutputs().at(-1);
  }

  /** Days [from, to] on which a submission attaches to `statement` (an output statement), none after
   * `lastDay`; from the day after the previous output statement's cut-off (or 90 days before its own). */
  submissionDays(statement: StatementPlan, lastDay: number): readonly [number, number] | null {
    const previous = this.previousOutput(statement);
    const from = previous ? previous.deadlineDay + 1 : statement.deadlineDay - 90;
    const to = Math.min(statement.deadlineDay, lastDay);
    return from <= to ? [from, to] : null;
  }
}
