// PUT /api/v3/participants/ecf/{id}/defer | resume | withdraw | change-schedule: the data side.
//
// `findActionTarget` finds the training record (participant profile) the change is about; then
// `applyParticipantAction` makes the change (defer/resume/withdraw through `changeTrainingStatus`,
// which the finance "Change training status" journey uses too) in one transaction that locks the profile row (as
// declaration submission does), changes the provider's current induction record for the profile,
// and writes an audit entry. The rules are pure and live in rules/: the training-status state
// machine (rules/training-status.ts) and the schedule checks (rules/change-schedule.ts). A refusal
// is `{ field, code, ...data }`; lib/api turns it into the API's message.
import type { PrismaClient } from "@/generated/prisma/client";
import { participantTypeOfCourse } from "@/lib/domain/courses";
import type { CourseIdentifier } from "@/lib/domain/evidence";
import { apiActor, type Actor } from "@/lib/db/audit";
import type { Queryable } from "@/lib/db/query";
import { inTransaction } from "@/lib/db/transaction";
import { DUPLICATE_STATES } from "@/lib/declarations/submit";
import { currentRecord, resolveParticipantId } from "./identity";
import { changeScheduleRefusal, isFrozenCohortMove, type ChangeScheduleRefusal } from "./rules/change-schedule";
import { planTrainingStatusChange, trainingDetailsRefusal, type TrainingStatusChange, type TrainingStatusRefusal } from "./rules/training-status";

/** The change, once its attributes are valid (lib/api/validation/participants.ts). */
export type ParticipantAction =
  | { kind: "defer"; reason: string }
  | { kind: "resume" }
  | { kind: "withdraw"; reason: string }
  | { kind: "change-schedule"; scheduleIdentifier: string; cohort: number | null };

export type ParticipantActionRefusal =
  | { field: "course_identifier"; code: "course_not_recognised" }
  | TrainingStatusRefusal
  | { field: "cohort"; code: "cohort_not_recognised" }
  | { field: "schedule_identifier"; code: "schedule_not_recognised" }
  | ChangeScheduleRefusal;

export type ActionTarget =
  | { userId: string; profileId: string; refusal?: undefined }
  | { userId: string; profileId: null; refusal: ParticipantActionRefusal | null };

/**
 * The participant (any participant id) and their training record for `course` among those the
 * provider can see (one of the record's induction records is with it). Null when the provider sees
 * none of the participant's training records; `course_not_recognised` when none is for that course.
 */
export async function findActionTarget(
  db: Queryable,
  leadProviderId: string,
  participantId: string,
  course: CourseIdentifier | undefined,
): Promise<ActionTarget | null> {
  const userId = await resolveParticipantId(db, participantId);
  if (!userId) return null;
  const profiles = await db.participantProfile.findMany({
    where: { participantIdentity: { userId }, inductionRecords: { some: { leadProviderId } } },
    select: { id: true, type: true },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
  });
  if (profiles.length === 0) return null;
  if (!course) return { userId, profileId: null, refusal: null };
  const profile = profiles.find((p) => p.type === participantTypeOfCourse(course));
  if (!profile) return { userId, profileId: null, refusal: { field: "course_identifier", code: "course_not_recognised" } };
  return { userId, profileId: profile.id };
}

export interface ParticipantActionRequest {
  /** The caller: the lead provider and the id of the token it came with (for the audit). */
  leadProvider: { id: string; name: string; tokenId: string };
  /** From findActionTarget. */
  userId: string;
  profileId: string;
  action: ParticipantAction;
  now: Date;
}

export type ParticipantActionOutcome =
  | { ok: true; userId: string }
  | { ok: false; notFound: true }
  | { ok: false; notFound: false; refusal: ParticipantActionRefusal };

const AUDIT_ACTIONS: Readonly<Record<ParticipantAction["kind"], string>> = {
  defer: "participant.defer",
  resume: "participant.resume",
  withdraw: "participant.withdraw",
  "change-schedule": "participant.change_schedule",
};

export interface TrainingStatusChangeRequest {
  /** The training record (participant profile). */
  profileId: string;
  /** The provider whose current induction record for the profile changes. */
  leadProviderId: string;
  change: TrainingStatusChange;
  /** For defer and withdraw: already one of trainingStatusReasons(change, type); null for resume. */
  reason: string | null;
  /** Who changes it: the lead provider over the API, or a finance user. */
  actor: Actor;
  now: Date;
}

export type TrainingStatusChangeOutcome =
  | { ok: true; userId: string }
  | { ok: false; notFound: true }
  | { ok: false; notFound: false; refusal: TrainingStatusRefusal };

/**
 * Defer, resume or withdraw: the one transaction behind PUT …/defer | resume | withdraw and the
 * finance "Change training status" journey. Locks the profile row, reads the provider's current
 * induction record under the lock, applies the pure state machine (rules/training-status.ts), and
 * writes the change and its audit entry. Two concurrent changes are serialised by the lock: the
 * second sees the first's status and is refused (`already_*`).
 */
export async function changeTrainingStatus(prisma: PrismaClient, request: TrainingStatusChangeRequest): Promise<TrainingStatusChangeOutcome> {
  const { profileId, leadProviderId, change: statusChange, reason, actor, now } = request;
  return inTransaction(prisma, async (tx, change): Promise<TrainingStatusChangeOutcome> => {
    await tx.$queryRaw`SELECT id FROM participant_profiles WHERE id = ${profileId}::uuid FOR UPDATE`;
    const profile = await tx.participantProfile.findUnique({
      where: { id: profileId },
      include: {
        participantIdentity: { select: { userId: true } },
        inductionRecords: { where: { leadProviderId }, include: { schedule: { include: { cohort: true } } } },
      },
    });
    const record = profile ? currentRecord(profile.inductionRecords) : null;
    if (!profile || !record) return { ok: false, notFound: true };
    const plan = planTrainingStatusChange(record.trainingStatus, statusChange, reason, now);
    if (!plan.ok) return { ok: false, notFound: false, refusal: { field: plan.field, code: plan.code } };
    const userId = profile.participantIdentity.userId;
    const before = {
      trainingStatus: record.trainingStatus,
      trainingStatusReason: record.trainingStatusReason,
      scheduleIdentifier: record.schedule.identifier,
      cohort: record.schedule.cohort.startYear,
    };
    await tx.inductionRecord.update({ where: { id: record.id }, data: plan.after });
    await change.audit({
      actor,
      action: AUDIT_ACTIONS[statusChange],
      entityType: "participant_profile",
      entityId: profile.id,
      userId,
      reason,
      before,
      after: { ...before, trainingStatus: plan.after.trainingStatus, trainingStatusReason: plan.after.trainingStatusReason },
    });
    return { ok: true, userId };
  });
}

export async function applyParticipantAction(prisma: PrismaClient, request: ParticipantActionRequest): Promise<ParticipantActionOutcome> {
  const { leadProvider, userId, profileId, action, now } = request;
  if (action.kind !== "change-schedule") {
    const outcome = await changeTrainingStatus(prisma, {
      profileId,
      leadProviderId: leadProvider.id,
      change: action.kind,
      reason: action.kind === "resume" ? null : action.reason,
      actor: apiActor(leadProvider),
      now,
    });
    return outcome.ok ? { ok: true, userId } : outcome;
  }
  return inTransaction(prisma, async (tx, change): Promise<ParticipantActionOutcome> => {
    await tx.$queryRaw`SELECT id FROM participant_profiles WHERE id = ${profileId}::uuid FOR UPDATE`;
    const profile = await tx.participantProfile.findUniqueOrThrow({
      where: { id: profileId },
      include: { inductionRecords: { where: { leadProviderId: leadProvider.id }, include: { schedule: { include: { cohort: true } } } } },
    });
    const record = currentRecord(profile.inductionRecords);
    if (!record) return { ok: false, notFound: true };
    const refuse = (refusal: ParticipantActionRefusal): ParticipantActionOutcome => ({ ok: false, notFound: false, refusal });
    const before = {
      trainingStatus: record.trainingStatus,
      trainingStatusReason: record.trainingStatusReason,
      scheduleIdentifier: record.schedule.identifier,
      cohort: record.schedule.cohort.startYear,
    };
    const audit = (reason: string | null, after: Record<string, unknown>) =>
      change.audit({
        actor: apiActor(leadProvider),
        action: AUDIT_ACTIONS[action.kind],
        entityType: "participant_profile",
        entityId: profile.id,
        userId,
        reason,
        before,
        after: { ...before, ...after },
      });

    const withdrawn = trainingDetailsRefusal(record.trainingStatus);
    if (withdrawn) return refuse({ field: "participant_id", code: withdrawn });
    const currentCohort = record.schedule.cohort;
    const targetYear = action.cohort ?? currentCohort.startYear;
    const cohort = targetYear === currentCohort.startYear ? currentCohort : await tx.cohort.findUnique({ where: { startYear: targetYear } });
    if (!cohort) return refuse({ field: "cohort", code: "cohort_not_recognised" });
    const schedule = await tx.schedule.findUnique({
      where: { cohortId_identifier: { cohortId: cohort.id, identifier: action.scheduleIdentifier } },
      include: { milestones: true },
    });
    if (!schedule) return refuse({ field: "schedule_identifier", code: "schedule_not_recognised" });
    const declarations = await tx.participantDeclaration.findMany({
      where: { participantProfileId: profile.id, state: { in: [...DUPLICATE_STATES] } },
      select: { declarationType: true, declarationDate: true, state: true },
      orderBy: [{ declarationDate: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    });
    const refusal = changeScheduleRefusal({
      participantType: profile.type,
      current: { scheduleId: record.scheduleId, cohort: cohortForChange(currentCohort) },
      target: { scheduleId: schedule.id, identifier: schedule.identifier, cohort: cohortForChange(cohort), milestones: schedule.milestones },
      declarations,
    });
    if (refusal) return refuse(refusal);
    await tx.inductionRecord.update({ where: { id: record.id }, data: { scheduleId: schedule.id } });
    const frozenMove = isFrozenCohortMove(cohortForChange(currentCohort), cohortForChange(cohort));
    if (frozenMove) {
      await tx.participantProfile.update({ where: { id: profile.id }, data: { cohortChangedAfterPaymentsFrozen: true } });
    }
    await audit(null, {
      scheduleIdentifier: schedule.identifier,
      cohort: cohort.startYear,
      ...(frozenMove ? { cohortChangedAfterPaymentsFrozen: true } : {}),
    });
    return { ok: true, userId };
  });
}

function cohortForChange(cohort: { id: string; startYear: number; paymentsFrozenAt: Date | null }) {
  return { id: cohort.id, startYear: cohort.startYear, frozen: cohort.paymentsFrozenAt !== null };
}
