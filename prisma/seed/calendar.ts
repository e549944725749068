// Schedules (milestone windows) and monthly statements: the dates every declaration is checked against.
import { DECLARATION_TYPES, type DeclarationType } from "@/lib/domain/declaration-types";
import type { StatementStatus } from "@/lib/domain/statement-statuses";
import { MONTH_NAMES, TODAY, addMonths, dayOf, lastDayOfMonth, msOfDay } from "./dates";

// ---------------------------------------------------------------------------
// Schedules
// ---------------------------------------------------------------------------

export const SCHEDULE_IDENTIFIERS = [
  "ecf-standard-september",
  "ecf-standard-january",
  "ecf-standard-april",
  "ecf-replacement-september",
  "ecf-replacement-january",
  "ecf-replacement-april",
] as const;
export type ScheduleIdentifier = (typeof SCHEDULE_IDENTIFIERS)[number];

export const SCHEDULE_NAMES: Readonly<Record<ScheduleIdentifier, string>> = {
  "ecf-standard-september": "ECF Standard September",
  "ecf-standard-january": "ECF Standard January",
  "ecf-standard-april": "ECF Standard April",
  "ecf-replacement-september": "ECF Replacement September",
  "ecf-replacement-january": "ECF Replacement January",
  "ecf-replacement-april": "ECF Replacement April",
};

export const MILESTONE_NAMES: Readonly<Record<DeclarationType, string>> = {
  started: "Output 1 - Participant Start",
  "retained-1": "Output 2 - Retention Point 1",
  "retained-2": "Output 3 - Retention Point 2",
  "retained-3": "Output 4 - Retention Point 3",
  "retained-4": "Output 5 - Retention Point 4",
  completed: "Output 6 - Participant Completion",
  "extended-1": "Extended Point 1",
  "extended-2": "Extended Point 2",
  "extended-3": "Extended Point 3",
};

/** A milestone window: a declaration of `type` may be dated from startDay to endDay (both inclusive). */
export interface MilestoneWindow {
  type: DeclarationType;
  startDay: number;
  /** The milestone date: the last valid day. */
  endDay: number;
}

/** Months after the cohort's start year at which each September window starts and ends (month index from January of year Y). */
const SEPTEMBER_WINDOWS: readonly { type: DeclarationType; from: number; to: number }[] = [
  { type: "started", from: 5, to: 11 }, // Y-06-01 .. Y-12-31
  { type: "retained-1", from: 12, to: 15 }, // (Y+1)-01-01 .. (Y+1)-04-30
  { type: "retained-2", from: 16, to: 19 },
  { type: "retained-3", from: 20, to: 23 },
  { type: "retained-4", from: 24, to: 27 },
  { type: "completed", from: 28, to: 31 },
  { type: "extended-1", from: 32, to: 35 },
  { type: "extended-2", from: 36, to: 39 },
  { type: "extended-3", from: 40, to: 43 },
];

function scheduleShift(identifier: ScheduleIdentifier): number {
  if (identifier.endsWith("-january")) return 4;
  if (identifier.endsWith("-april")) return 7;
  return 0;
}

/**
 * The milestone windows of a schedule in cohort `year`. September: started Y-06-01..Y-12-31, then
 * four-month windows. January and April are the same windows 4 and 7 months later, except that
 * their started window opens on (Y+1)-01-01. Replacement schedules use the standard windows.
 */
export function milestoneWindows(year: number, identifier: ScheduleIdentifier): MilestoneWindow[] {
  const shift = scheduleShift(identifier);
  return SEPTEMBER_WINDOWS.map(({ type, from, to }) => {
    const start = addMonths(year, 1, from + shift);
    const end = addMonths(year, 1, to + shift);
    let startDay = dayOf(start.year, start.month, 1);
    if (type === "started" && shift > 0) startDay = dayOf(year + 1, 1, 1);
    return { type, startDay, endDay: lastDayOfMonth(end.year, end.month) };
  });
}

export function windowFor(windows: readonly MilestoneWindow[], type: DeclarationType): MilestoneWindow {
  const window = windows.find((w) => w.type === type);
  if (!window) throw new Error(`No milestone for ${type}`);
  return window;
}

/** Declaration types a participant can have, in order. Mentors in mentor-funded cohorts: started and completed only. */
export function declarationTypesFor(participantType: "ect" | "mentor", mentorFunding: boolean): readonly DeclarationType[] {
  if (participantType === "mentor" && mentorFunding) return ["started", "completed"];
  return DECLARATION_TYPES;
}

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
  status: StatementStatus;
  /** When it was marked as paid (its payment date), for paid statements. */
  paidMs: number | null;
}

/** December, March, June and September statements pay service fees only. */
export function isOutputMonth(month: number): boolean {
  return month !== 12 && month !== 3 && month !== 6 && month !== 9;
}

const FIRST_OF_THIS_MONTH = (() => {
  const d = new Date(msOfDay(TODAY));
  return dayOf(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
})();

/** Paid when the payment date is before this month; payable once the cut-off has passed; else open. */
export function statementStatusFor(deadlineDay: number, paymentDay: number): StatementStatus {
  if (paymentDay < FIRST_OF_THIS_MONTH) return "paid";
  if (deadlineDay < TODAY) return "payable";
  return "open";
}

/** Monthly statements for one provider and cohort, `count` months from (year, month). */
export function planStatements(
  leadProviderId: string,
  cohortId: string,
  from: { year: number; month: number },
  count: number,
  newId: () => string,
): StatementPlan[] {
  const plans: StatementPlan[] = [];
  for (let i = 0; i < count; i += 1) {
    const { year, month } = addMonths(from.year, from.month, i);
    const deadlineDay = dayOf(year, month, 0);
    const paymentDay = dayOf(year, month, 25);
    const status = statementStatusFor(deadlineDay, paymentDay);
    plans.push({
      id: newId(),
      leadProviderId,
      cohortId,
      name: `${MONTH_NAMES[month - 1]} ${year}`,
      month,
      year,
      deadlineDay,
      paymentDay,
      outputFee: isOutputMonth(month),
      status,
      paidMs: status === "paid" ? msOfDay(paymentDay) : null,
    });
  }
  return plans;
}

/** Number of months from (fromYear, fromMonth) to (toYear, toMonth), both included. */
export function monthsBetween(from: { year: number; month: number }, to: { year: number; month: number }): number {
  return (to.year - from.year) * 12 + (to.month - from.month) + 1;
}

/** One provider's statements for one cohort, with the look-ups the lifecycle needs. */
export class StatementCalendar {
  readonly outputs: StatementPlan[];

  constructor(readonly statements: readonly StatementPlan[]) {
    this.outputs = statements.filter((s) => s.outputFee).sort((a, b) => a.deadlineDay - b.deadlineDay);
  }

  /** The output statement a declaration submitted (or a clawback made) on `day` attaches to:
   * the earliest whose cut-off is on or after that day. */
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

  /** The last paid output statement. */
  lastPaid(): StatementPlan | undefined {
    return this.outputs.filter((s) => s.status === "paid").at(-1);
  }
}
