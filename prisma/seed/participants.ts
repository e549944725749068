// Builds one participant (user, identity, profile, induction records) and their declarations,
// statement line items and audit entries. Shared by the demo and the scale generator.
import type { Faker } from "@faker-js/faker";
import type { ScheduleIdentifier, StatementCalendar } from "./calendar";
import { DAY_MS, HOUR_MS, dayOfMs, msOfDay } from "./dates";
import {
  eventLimitMs,
  pickEvidence,
  planDeclarations,
  resolveDeclaration,
  voidAs,
  type DraftDeclaration,
  type ResolvedDeclaration,
  type Stint,
  type VoidActor,
  type VoidMode,
} from "./lifecycle";
import type { Rng } from "./random";
import { scheduleOf, type CohortRef } from "./reference";
import type { RowOf, SeedRows } from "./tables";

/** Where a participant trains: provider, school, delivery partner and partnership. */
export interface Placement {
  leadProviderId: string;
  schoolId: string;
  deliveryPartnerId: string;
  partnershipId: string;
  calendar: StatementCalendar;
}

/**
 * A school's active partnership with a lead provider and delivery partner for a cohort (added to
 * `partnerships`), and the placement its participants train at.
 */
export function addPartnership(
  partnerships: RowOf<"partnerships">[],
  partnership: {
    id: string;
    schoolId: string;
    cohortId: string;
    leadProviderId: string;
    deliveryPartnerId: string;
    tutor: { name: string; email: string };
    at: number;
    calendar: StatementCalendar;
  },
): Placement {
  const { id, schoolId, cohortId, leadProviderId, deliveryPartnerId, tutor, at, calendar } = partnership;
  partnerships.push({
    id,
    leadProviderId,
    deliveryPartnerId,
    schoolId,
    cohortId,
    status: "active",
    challengedReason: null,
    challengedAt: null,
    inductionTutorName: tutor.name,
    inductionTutorEmail: tutor.email,
    createdAt: at,
    updatedAt: at,
  });
  return { leadProviderId, schoolId, deliveryPartnerId, partnershipId: id, calendar };
}

export interface ScriptedVoid {
  target: "first" | "second" | "last";
  mode: VoidMode;
  by: string;
  reason: string | null;
}

export interface ParticipantSpec {
  type: "ect" | "mentor";
  cohort: CohortRef;
  schedule: ScheduleIdentifier;
  placement: Placement;
  /** First day of training (the first induction record's start). */
  startDay: number;
  /** A move to another school (same or another provider) on `day`. */
  transfer?: { day: number; to: Placement };
  /** Another profile for an existing user (e.g. an ECT who later mentors), with its own identity. */
  existingUserId?: string;
  fullName: string;
  email: string;
  /** The registration was merged into this user: the identity keeps the retired id. */
  idChangedAt?: number;
  trn: string | null;
  trnValidated: boolean;
  eligible: boolean | null;
  ineligibleReason: string | null;
  sparsity: boolean;
  pupilPremium: boolean;
  mentor: { profileId: string; userId: string } | null;
  training: { status: "active" | "deferred" | "withdrawn"; reason: string | null; day: number | null };
  participantStatus: string;
  extensions: number;
  maxDeclarations: number;
  lastCreatedDays?: readonly [number, number];
  firstCreatedDays?: readonly [number, number];
  backlog?: readonly [number, number];
  voids: readonly ScriptedVoid[];
  randomVoidRate: number;
}

export interface BuiltParticipant {
  userId: string;
  profileId: string;
  declarations: ResolvedDeclaration[];
  /** False when a scripted void could not happen on this calendar (the declaration stays as it was). */
  scriptedVoidsDone: boolean;
}

export interface ParticipantContext {
  faker: Faker;
  rng: Rng;
  newId: () => string;
  rows: SeedRows;
  /** Who voids at random: "finance@example.com" or "api:<provider id>". */
  randomVoider: (leadProviderId: string) => { by: string; reason: string | null };
  actorFor: (by: string) => VoidActor;
}

function pickTarget(drafts: readonly DraftDeclaration[], target: ScriptedVoid["target"]): DraftDeclaration | undefined {
  if (target === "first") return drafts[0];
  if (target === "second") return drafts[1] ?? drafts[0];
  return drafts[drafts.length - 1];
}

/** Voids at a random moment up to 300 days after submission, when a statement can take it. */
function randomVoid(draft: DraftDeclaration, ctx: ParticipantContext): void {
  if (draft.input.eligible !== true) return;
  const atMs = draft.createdMs + HOUR_MS + Math.floor(ctx.rng.next() * 300 * DAY_MS);
  if (atMs >= eventLimitMs(draft.input.cohort) - HOUR_MS) return;
  const s1 = draft.statement;
  if (s1.paidMs !== null && s1.paidMs <= atMs) {
    const s2 = draft.stint.calendar.attach(dayOfMs(atMs));
    if (!s2 || s2.deadlineDay <= s1.deadlineDay) return;
  }
  const { by, reason } = ctx.randomVoider(draft.stint.leadProviderId);
  draft.void = { atMs, by, reason };
}

export function buildParticipant(spec: ParticipantSpec, ctx: ParticipantContext): BuiltParticipant {
  const { rows, newId, rng } = ctx;
  const schedule = scheduleOf(spec.cohort, spec.schedule);
  const createdAt = msOfDay(spec.startDay - 21) + 10 * HOUR_MS;

  // User and identity.
  let userId = spec.existingUserId;
  if (!userId) {
    userId = newId();
    rows.users.push({ id: userId, fullName: spec.fullName, email: spec.email, createdAt, updatedAt: createdAt });
  }
  let externalIdentifier = userId;
  if (spec.existingUserId || spec.idChangedAt !== undefined) externalIdentifier = newId();
  if (spec.idChangedAt !== undefined) {
    rows.participantIdChanges.push({
      id: newId(),
      userId,
      fromParticipantId: externalIdentifier,
      toParticipantId: userId,
      changedAt: spec.idChangedAt,
    });
  }
  const identityId = newId();
  rows.participantIdentities.push({
    id: identityId,
    userId,
    externalIdentifier,
    email: spec.email,
    origin: "ecf",
    createdAt,
    updatedAt: spec.idChangedAt ?? createdAt,
  });

  // Induction records: one, or two for a transfer.
  const profileId = newId();
  const first = spec.placement;
  const stints: Stint[] = [
    {
      leadProviderId: first.leadProviderId,
      deliveryPartnerId: first.deliveryPartnerId,
      fromDay: spec.startDay,
      toDay: spec.transfer ? spec.transfer.day - 1 : null,
      calendar: first.calendar,
    },
  ];
  if (spec.transfer) {
    const to = spec.transfer.to;
    stints.push({
      leadProviderId: to.leadProviderId,
      deliveryPartnerId: to.deliveryPartnerId,
      fromDay: spec.transfer.day,
      toDay: null,
      calendar: to.calendar,
    });
  }
  const training = spec.training;
  const trainingStatusMs = training.day === null ? null : msOfDay(training.day) + 11 * HOUR_MS;
  const irCreatedAt = msOfDay(spec.startDay - 14) + 9 * HOUR_MS;
  // An induction record at a placement (its school, partnership, provider and delivery partner).
  type RecordFields = Omit<RowOf<"inductionRecords">, "id" | "participantProfileId" | "leadProviderId" | "schoolId" | "deliveryPartnerId" | "partnershipId" | "scheduleId">;
  const addInductionRecord = (at: Placement, fields: RecordFields) =>
    rows.inductionRecords.push({
      id: newId(),
      participantProfileId: profileId,
      leadProviderId: at.leadProviderId,
      schoolId: at.schoolId,
      deliveryPartnerId: at.deliveryPartnerId,
      partnershipId: at.partnershipId,
      scheduleId: schedule.id,
      ...fields,
    });
  const current = { trainingStatus: training.status, trainingStatusReason: training.reason, trainingStatusDate: trainingStatusMs, participantStatus: spec.participantStatus, endDate: null, schoolTransfer: false };
  if (spec.transfer) {
    const to = spec.transfer.to;
    const movedProvider = to.leadProviderId !== first.leadProviderId;
    const transferMs = msOfDay(spec.transfer.day);
    addInductionRecord(first, {
      trainingStatus: movedProvider ? "withdrawn" : "active",
      trainingStatusReason: movedProvider ? "moved-school" : null,
      trainingStatusDate: movedProvider ? transferMs : null,
      participantStatus: "left",
      startDate: msOfDay(spec.startDay),
      endDate: transferMs,
      schoolTransfer: true,
      createdAt: irCreatedAt,
      updatedAt: transferMs,
    });
    addInductionRecord(to, { ...current, startDate: transferMs, createdAt: transferMs - 7 * DAY_MS, updatedAt: trainingStatusMs ?? transferMs });
  } else {
    addInductionRecord(first, { ...current, startDate: msOfDay(spec.startDay), createdAt: irCreatedAt, updatedAt: trainingStatusMs ?? irCreatedAt });
  }

  // Declarations.
  const drafts = planDeclarations(
    {
      profileId,
      userId,
      participantType: spec.type,
      cohort: spec.cohort.info,
      schedule,
      stints,
      eligible: spec.eligible,
      ineligibleReason: spec.ineligibleReason,
      sparsity: spec.sparsity,
      pupilPremium: spec.pupilPremium,
      mentorUserId: spec.mentor?.userId ?? null,
      stopDay: training.status === "active" ? null : training.day,
      extensions: spec.extensions,
      maxDeclarations: spec.maxDeclarations,
      lastCreatedDays: spec.lastCreatedDays,
      firstCreatedDays: spec.firstCreatedDays,
      backlog: spec.backlog,
    },
    { rng, newId },
  );
  let scriptedVoidsDone = true;
  for (const scripted of spec.voids) {
    const draft = pickTarget(drafts, scripted.target);
    if (!draft || !voidAs(draft, scripted.mode, scripted.by, scripted.reason, rng)) scriptedVoidsDone = false;
  }
  if (spec.randomVoidRate > 0) {
    for (const draft of drafts) if (!draft.void && rng.chance(spec.randomVoidRate)) randomVoid(draft, ctx);
  }
  const declarations = drafts.map((draft) =>
    resolveDeclaration(draft, { rng, newId }, (d) => pickEvidence(rng, d.type), ctx.actorFor),
  );
  for (const declaration of declarations) {
    rows.participantDeclarations.push(declaration.row);
    // With the participant's name, so the database only checks it (a bulk load's look-up per row otherwise).
    for (const line of declaration.lines) rows.statementLineItems.push({ ...line, participantName: spec.fullName });
    if (declaration.audit) rows.auditLogs.push(declaration.audit);
  }

  // Profile (after the declarations: induction end date = completion).
  const completed = declarations.find((d) => d.row.declarationType === "completed" && d.row.state !== "voided");
  const completedDay = completed ? dayOfMs(completed.row.declarationDate) : null;
  rows.participantProfiles.push({
    id: profileId,
    participantIdentityId: identityId,
    type: spec.type,
    trn: spec.trn,
    trnValidated: spec.trnValidated,
    eligibleForFunding: spec.eligible,
    ineligibleForFundingReason: spec.eligible === false ? spec.ineligibleReason : null,
    sparsityUplift: spec.sparsity,
    pupilPremiumUplift: spec.pupilPremium,
    mentorProfileId: spec.mentor?.profileId ?? null,
    inductionStartDate: spec.type === "ect" ? spec.startDay : null,
    inductionEndDate: spec.type === "ect" ? completedDay : null,
    mentorFundingEndDate: spec.type === "mentor" ? completedDay : null,
    cohortChangedAfterPaymentsFrozen: false,
    createdAt,
    updatedAt: Math.max(createdAt, trainingStatusMs ?? 0, spec.idChangedAt ?? 0),
  });

  return { userId, profileId, declarations, scriptedVoidsDone };
}
