// One participant's declarations, from their schedule and training history to the states and
// statement line items the rules give them:
//
// - each declaration is dated inside its milestone window (checked with the service's own rule),
//   never on or after the seed's "today", and before a withdrawal or deferral;
// - it is submitted (createdAt) some days later and attaches to the provider's earliest OUTPUT
//   statement for the cohort whose cut-off is on or after that day;
// - its state follows that statement: paid → paid, payable → payable, open → eligible; an
//   ineligible participant's declarations are ineligible, an unconfirmed one's stay submitted
//   (no line item);
// - voided before its statement was paid → voided (line item voided, same statement); voided after
//   → the original line stays paid and a second line item goes on the output statement open at the
//   time of the void: clawed_back if that statement has since been paid, else awaiting_clawback.
import type { DeclarationType } from "@/lib/domain/declaration-types";
import {
  MENTOR_LIMITED_FROM_DAY,
  assertInWindow,
  courseIdentifierFor,
  type ScheduleMilestones,
  type StatementCalendar,
  type StatementPlan,
} from "./calendar";
import { DAY_MS, HOUR_MS, dayOfMs, msOfDay } from "./dates";
import type { Rng } from "./random";
import type {
  AuditLogRow,
  DeclarationStateValue,
  ParticipantDeclarationRow,
  StatementLineItemRow,
} from "./tables";

export interface CohortInfo {
  id: string;
  startYear: number;
  mentorFunding: boolean;
  frozenMs: number | null;
  /** No declaration can be submitted or voided from this moment: the seed's today, or the freeze. */
  limitMs: number;
  /** The seed's "today" (a day number). */
  today: number;
}

/** A period with one lead provider (and delivery partner): one induction record. */
export interface Stint {
  leadProviderId: string;
  deliveryPartnerId: string | null;
  fromDay: number;
  /** Last day (inclusive) with this provider and school; null while current. */
  toDay: number | null;
  calendar: StatementCalendar;
}

export interface LifecycleInput {
  profileId: string;
  userId: string;
  participantType: "ect" | "mentor";
  cohort: CohortInfo;
  schedule: ScheduleMilestones;
  stints: readonly Stint[];
  eligible: boolean | null;
  ineligibleReason: string | null;
  sparsity: boolean;
  pupilPremium: boolean;
  mentorUserId: string | null;
  /** Withdrawal or deferral: declarations are dated strictly before this day. */
  stopDay: number | null;
  /** How many extended-N declarations an ECT on an extended schedule may get (0–3). */
  extensions: number;
  maxDeclarations: number;
  /** Forces the last declaration's submission into these days (inclusive). */
  lastCreatedDays?: readonly [number, number];
  /** Forces the first declaration's submission into these days (inclusive), when its date allows. */
  firstCreatedDays?: readonly [number, number];
  /** Declarations made before the end of this window are all submitted inside it (a backlog upload). */
  backlog?: readonly [number, number];
}

export interface DraftDeclaration {
  id: string;
  input: LifecycleInput;
  type: DeclarationType;
  stint: Stint;
  dateMs: number;
  createdMs: number;
  statement: StatementPlan;
  void: { atMs: number; by: string; reason: string | null } | null;
}

export interface ResolvedDeclaration {
  row: ParticipantDeclarationRow;
  lines: StatementLineItemRow[];
  audit: AuditLogRow | null;
}

export interface LifecycleContext {
  rng: Rng;
  newId: () => string;
}

const EVIDENCE_RETAINED = [
  ["training-event-attended", 6],
  ["self-study-material-completed", 3],
  ["other", 1],
] as const;
const EVIDENCE_COMPLETED = [
  ["self-study-material-completed", 5],
  ["training-event-attended", 4],
  ["other", 1],
] as const;

/** The latest moment (exclusive) anything can happen for this participant's cohort. */
export function eventLimitMs(cohort: CohortInfo): number {
  return cohort.limitMs;
}

/** The declaration types of the participant's schedule, in order. Mentors in a mentor-funded cohort,
 * or who began after June 2025, have started and completed only; extended-N only on an extended schedule. */
function declarationTypes(input: LifecycleInput, firstDay: number): DeclarationType[] {
  const limitedMentor = input.participantType === "mentor" && (input.cohort.mentorFunding || firstDay >= MENTOR_LIMITED_FROM_DAY);
  return input.schedule.milestones
    .map((m) => m.type)
    .filter((type) => {
      if (limitedMentor) return type === "started" || type === "completed";
      return !type.startsWith("extended-") || Number(type.slice(-1)) <= input.extensions;
    });
}

function submissionLag(rng: Rng): number {
  const bucket = rng.next();
  const days = bucket < 0.7 ? rng.int(0, 20) : bucket < 0.95 ? rng.int(21, 60) : rng.int(61, 150);
  return days * DAY_MS + rng.int(1, 9 * 60) * 60_000;
}

function stintOn(stints: readonly Stint[], day: number): Stint {
  for (const stint of stints) {
    if (day >= stint.fromDay && (stint.toDay === null || day <= stint.toDay)) return stint;
  }
  return stints[stints.length - 1] as Stint;
}

/** Plans the run of declarations (type order) a participant has by the seed's today. */
export function planDeclarations(input: LifecycleInput, ctx: LifecycleContext): DraftDeclaration[] {
  const { rng } = ctx;
  const limitMs = eventLimitMs(input.cohort);
  const stopMs = input.stopDay === null ? Number.POSITIVE_INFINITY : msOfDay(input.stopDay);
  const lastDateDay = dayOfMs(Math.min(limitMs, stopMs) - 1);
  const firstStint = input.stints[0];
  if (!firstStint) return [];
  const types = declarationTypes(input, firstStint.fromDay);
  const forcedLast = input.lastCreatedDays;
  const drafts: DraftDeclaration[] = [];

  for (const type of types) {
    if (drafts.length >= input.maxDeclarations) break;
    const dating = input.schedule.dating.get(type);
    const milestone = input.schedule.milestones.find((m) => m.type === type);
    if (!dating || !milestone) break;
    const fromDay = Math.max(dating.fromDay, firstStint.fromDay);
    let toDay = Math.min(dating.toDay, lastDateDay);
    if (forcedLast) toDay = Math.min(toDay, forcedLast[1]);
    if (toDay < fromDay) break;
    const dateDay = rng.int(fromDay, toDay);
    const dateMs = msOfDay(dateDay) + rng.int(8 * 60, 17 * 60) * 60_000;
    assertInWindow(milestone, dateMs);
    const stint = stintOn(input.stints, dateDay);
    const latestMs = Math.min(limitMs, stint.toDay === null ? Number.POSITIVE_INFINITY : msOfDay(stint.toDay + 1)) - 60_000;
    let createdMs = Math.min(dateMs + submissionLag(rng), latestMs);
    if (input.backlog) {
      const [from, to] = input.backlog;
      const startMs = Math.max(msOfDay(from), dateMs + HOUR_MS);
      const endMs = Math.min(msOfDay(to + 1) - 60_000, latestMs);
      if (createdMs < endMs && startMs <= endMs) createdMs = startMs + Math.floor(rng.next() * (endMs - startMs));
    }
    if (createdMs < dateMs) createdMs = dateMs;
    drafts.push({ id: "", input, type, stint, dateMs, createdMs, statement: undefined as unknown as StatementPlan, void: null });
  }

  const forcedFirst = input.firstCreatedDays;
  const first = drafts[0];
  if (forcedFirst && first && (drafts.length > 1 || !forcedLast)) {
    const fromDay = Math.max(forcedFirst[0], dayOfMs(first.dateMs));
    if (fromDay <= forcedFirst[1]) {
      const created = Math.max(msOfDay(rng.int(fromDay, forcedFirst[1])) + rng.int(9 * 60, 20 * 60) * 60_000, first.dateMs + HOUR_MS);
      first.createdMs = Math.min(created, msOfDay(forcedFirst[1] + 1) - 60_000, eventLimitMs(input.cohort) - 60_000);
    }
  }

  if (forcedLast && drafts.length > 0) {
    const last = drafts[drafts.length - 1] as DraftDeclaration;
    const fromDay = Math.max(forcedLast[0], dayOfMs(last.dateMs));
    const day = rng.int(fromDay, forcedLast[1]);
    const created = Math.max(msOfDay(day) + rng.int(9 * 60, 20 * 60) * 60_000, last.dateMs + HOUR_MS);
    last.createdMs = Math.min(created, msOfDay(forcedLast[1] + 1) - 60_000, eventLimitMs(input.cohort) - 60_000);
  }

  // Attach each to its statement; ids in a fixed order. A declaration with no statement to go on
  // (too few statements generated) is dropped.
  const attached: DraftDeclaration[] = [];
  for (const draft of drafts) {
    const statement = draft.stint.calendar.attach(dayOfMs(draft.createdMs));
    if (!statement) continue;
    draft.statement = statement;
    draft.id = ctx.newId();
    attached.push(draft);
  }
  return attached;
}

// ---------------------------------------------------------------------------
// Voids
// ---------------------------------------------------------------------------

export type VoidMode =
  /** Voided before its statement was paid: `voided`. */
  | "voided"
  /** Paid, voided while the current open output statement is open: `awaiting_clawback` there. */
  | "awaiting-open"
  /** Paid, voided before the payable statement's cut-off: `awaiting_clawback` on the payable statement. */
  | "awaiting-payable"
  /** Paid, voided before a later statement that has since been paid: `clawed_back`. */
  | "clawed-back";

/** The window [from, to] (ms) in which a void gives `mode`, or null when it cannot. */
export function voidWindow(draft: DraftDeclaration, mode: VoidMode): readonly [number, number] | null {
  const limit = eventLimitMs(draft.input.cohort) - HOUR_MS;
  const s1 = draft.statement;
  const calendar = draft.stint.calendar;
  const window = (from: number, to: number) => (from <= to ? ([from, to] as const) : null);
  if (draft.input.eligible !== true) return null;
  if (mode === "voided") return window(draft.createdMs + HOUR_MS, Math.min(limit, (s1.paidMs ?? Number.POSITIVE_INFINITY) - HOUR_MS));
  if (s1.paidMs === null) return null;
  const afterPaid = s1.paidMs + DAY_MS;
  const target =
    mode === "awaiting-open"
      ? calendar.firstWithStatus("open")
      : mode === "awaiting-payable"
        ? calendar.firstWithStatus("payable")
        : calendar.lastPaid();
  if (!target || target.deadlineDay <= s1.deadlineDay) return null;
  const endOfTarget = msOfDay(target.deadlineDay + 1) - HOUR_MS;
  if (mode === "clawed-back") return window(afterPaid, Math.min(limit, endOfTarget));
  const previous = calendar.previousOutput(target);
  const startOfTarget = previous ? msOfDay(previous.deadlineDay + 1) : 0;
  return window(Math.max(afterPaid, startOfTarget), Math.min(limit, endOfTarget));
}

/** Voids the declaration at a random moment inside `mode`'s window; false when impossible. */
export function voidAs(draft: DraftDeclaration, mode: VoidMode, by: string, reason: string | null, rng: Rng): boolean {
  const window = voidWindow(draft, mode);
  if (!window) return false;
  draft.void = { atMs: window[0] + Math.floor(rng.next() * (window[1] - window[0])), by, reason };
  return true;
}

// ---------------------------------------------------------------------------
// States, line items and the audit trail
// ---------------------------------------------------------------------------

function stateAt(draft: DraftDeclaration, atMs: number): DeclarationStateValue {
  const s1 = draft.statement;
  if (draft.input.eligible === false) return "ineligible";
  if (s1.paidMs !== null && s1.paidMs <= atMs) return "paid";
  if (msOfDay(s1.deadlineDay + 1) <= atMs) return "payable";
  return "eligible";
}

export interface VoidActor {
  /** "finance@example.com" or "api:<lead provider id>" */
  by: string;
  actorType: "staff" | "api";
  actorId: string;
  actorLabel: string;
}

export function resolveDeclaration(
  draft: DraftDeclaration,
  ctx: LifecycleContext,
  evidenceFor: (draft: DraftDeclaration) => string | null,
  actorFor: (by: string) => VoidActor,
): ResolvedDeclaration {
  const { input } = draft;
  const s1 = draft.statement;
  const lines: StatementLineItemRow[] = [];
  let state: DeclarationStateValue;
  let updatedMs = draft.createdMs;
  let audit: AuditLogRow | null = null;
  let voided = draft.void;

  const line = (statement: StatementPlan, lineState: DeclarationStateValue, createdAt: number, updatedAt: number) =>
    lines.push({
      id: ctx.newId(),
      statementId: statement.id,
      participantDeclarationId: draft.id,
      state: lineState,
      createdAt,
      updatedAt,
    });

  if (input.eligible === null) {
    // Not yet confirmed eligible: stays submitted, on no statement.
    state = "submitted";
    voided = null;
  } else if (voided) {
    const before = stateAt(draft, voided.atMs);
    let after: DeclarationStateValue = "voided";
    let clawback: StatementPlan | null = null;
    if (before === "paid") {
      const s2 = draft.stint.calendar.attach(dayOfMs(voided.atMs));
      if (!s2 || s2.deadlineDay <= s1.deadlineDay) throw new Error(`No output statement to claw back declaration ${draft.id} on`);
      clawback = s2;
      state = s2.status === "paid" ? "clawed_back" : "awaiting_clawback";
      after = "awaiting_clawback";
      line(s1, "paid", draft.createdMs, s1.paidMs as number);
      line(s2, state, voided.atMs, state === "clawed_back" ? (s2.paidMs as number) : voided.atMs);
      updatedMs = state === "clawed_back" ? (s2.paidMs as number) : voided.atMs;
    } else {
      state = "voided";
      line(s1, "voided", draft.createdMs, voided.atMs);
      updatedMs = voided.atMs;
    }
    const actor = actorFor(voided.by);
    audit = {
      id: ctx.newId(),
      occurredAt: voided.atMs,
      actorType: actor.actorType,
      actorId: actor.actorId,
      actorLabel: actor.actorLabel,
      // As lib/declarations/void.ts writes it.
      action: clawback ? "declaration.void_paid" : "declaration.void",
      entityType: "declaration",
      entityId: draft.id,
      userId: input.userId,
      reason: voided.reason,
      before: { state: before, statementId: s1.id, statementName: s1.name },
      after: {
        state: after,
        statementId: s1.id,
        clawbackStatementId: clawback?.id ?? null,
        clawbackStatementName: clawback?.name ?? null,
      },
    };
  } else {
    state = input.eligible === false ? "ineligible" : s1.status === "paid" ? "paid" : s1.status === "payable" ? "payable" : "eligible";
    if (state === "paid") updatedMs = s1.paidMs as number;
    else if (state === "payable") updatedMs = s1.payableMs as number;
    line(s1, state, draft.createdMs, updatedMs);
  }

  const row: ParticipantDeclarationRow = {
    id: draft.id,
    participantProfileId: input.profileId,
    userId: input.userId,
    leadProviderId: draft.stint.leadProviderId,
    cohortId: input.cohort.id,
    deliveryPartnerId: draft.stint.deliveryPartnerId,
    declarationType: draft.type,
    declarationDate: draft.dateMs,
    courseIdentifier: courseIdentifierFor(input.participantType),
    evidenceHeld: evidenceFor(draft),
    state,
    ineligibleForFundingReason: state === "ineligible" || (input.eligible === false && voided) ? input.ineligibleReason : null,
    mentorUserId: input.participantType === "ect" ? input.mentorUserId : null,
    sparsityUplift: input.sparsity,
    pupilPremiumUplift: input.pupilPremium,
    hasPassed: null,
    voidedAt: voided ? voided.atMs : null,
    voidedBy: voided ? voided.by : null,
    createdAt: draft.createdMs,
    updatedAt: updatedMs,
  };
  return { row, lines, audit };
}

/** Evidence held, as providers send it: often none for `started`. */
export function pickEvidence(rng: Rng, type: DeclarationType): string | null {
  if (type === "started") return rng.chance(0.35) ? null : "training-event-attended";
  if (type === "completed") return rng.weighted(EVIDENCE_COMPLETED);
  return rng.weighted(EVIDENCE_RETAINED);
}
