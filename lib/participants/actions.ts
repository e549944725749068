// PUT /api/v3/participants/ecf/{id}/defer | resume | withdraw | change-schedule.
//
// Each is one transaction that locks the participant profile row (as declaration submission does),
// changes the provider's current induction record for the profile, and writes an audit entry.
// Rules (definitions-and-states.md, the API guidance):
// - withdrawn participants cannot be changed (only backdated declarations are possible);
// - defer needs an active participant, resume a deferred one; withdraw works from active or deferred;
// - change-schedule: the schedule must exist in the cohort (the participant's, or the `cohort`
//   sent); ecf-replacement-* schedules are for mentors; the cohort cannot change while
//   declarations that will be, or have been, paid exist, nor into or out of a frozen cohort; and
//   every eligible, payable or paid declaration must still fit the new schedule's milestones.
import type { PrismaClient } from "@/generated/prisma/client";
import { utcDay } from "@/lib/declarations/rules/lifecycle";
import { participantTypeOfCourse } from "@/lib/domain/courses";
import { FieldErrors, type ApiErrorItem } from "@/lib/api/errors";
import type { CourseIdentifier } from "@/lib/domain/evidence";
import { PARTICIPANT_MESSAGES as M } from "@/lib/api/messages";
import { apiActor } from "@/lib/db/audit";
import { writeAudit } from "@/lib/db/audit";
import { DUPLICATE_STATES } from "@/lib/declarations/submit";
import { currentRecord, resolveParticipantId } from "./identity";

const TRANSACTION = { maxWait: 15_000, timeout: 20_000 } as const;

export type ParticipantAction =
  | { kind: "defer"; courseIdentifier?: CourseIdentifier; reason?: string }
  | { kind: "resume"; courseIdentifier?: CourseIdentifier }
  | { kind: "withdraw"; courseIdentifier?: CourseIdentifier; reason?: string }
  | { kind: "change-schedule"; courseIdentifier?: CourseIdentifier; scheduleIdentifier?: string; cohort?: number | null };

export interface ParticipantActionRequest {
  leadProvider: { id: string; name: string };
  participantId: string;
  action: ParticipantAction;
  issues: readonly ApiErrorItem[];
  now: Date;
}

export type ParticipantActionOutcome =
  | { ok: true; userId: string }
  | { ok: false; notFound: true }
  | { ok: false; notFound: false; errors: ApiErrorItem[] };

const PAID_OR_PAYABLE = ["eligible", "payable", "paid"] as const;

export async function applyParticipantAction(prisma: PrismaClient, request: ParticipantActionRequest): Promise<ParticipantActionOutcome> {
  const { leadProvider, action, now } = request;
  const userId = await resolveParticipantId(prisma, request.participantId);
  const profiles = userId
    ? await prisma.participantProfile.findMany({
        where: { participantIdentity: { userId }, inductionRecords: { some: { leadProviderId: leadProvider.id } } },
        select: { id: true, type: true },
        orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      })
    : [];
  if (!userId || profiles.length === 0) return { ok: false, notFound: true };

  const errors = new FieldErrors();
  for (const issue of request.issues) errors.add(issue.title, issue.detail);
  const course = action.courseIdentifier;
  const profileId = course ? profiles.find((p) => p.type === participantTypeOfCourse(course))?.id : undefined;
  if (course && !profileId) errors.add("course_identifier", M.courseNotRecognised);
  if (errors.size > 0 || !profileId) return { ok: false, notFound: false, errors: errors.list() };

  return prisma.$transaction(async (tx): Promise<ParticipantActionOutcome> => {
    await tx.$queryRaw`SELECT id FROM participant_profiles WHERE id = ${profileId}::uuid FOR UPDATE`;
    const profile = await tx.participantProfile.findUniqueOrThrow({
      where: { id: profileId },
      include: { inductionRecords: { where: { leadProviderId: leadProvider.id }, include: { schedule: { include: { cohort: true } } } } },
    });
    const record = currentRecord(profile.inductionRecords);
    if (!record) return { ok: false, notFound: true };
    const refuse = (title: string, detail: string): ParticipantActionOutcome => ({ ok: false, notFound: false, errors: [{ title, detail }] });
    const before = {
      trainingStatus: record.trainingStatus,
      trainingStatusReason: record.trainingStatusReason,
      scheduleIdentifier: record.schedule.identifier,
      cohort: record.schedule.cohort.startYear,
    };
    const audit = (actionName: string, reason: string | null, after: Record<string, unknown>) =>
      writeAudit(tx, {
        actor: apiActor(leadProvider),
        action: actionName,
        entityType: "participant_profile",
        entityId: profile.id,
        userId,
        reason,
        before,
        after: { ...before, ...after },
      });

    if (action.kind === "withdraw") {
      if (record.trainingStatus === "withdrawn") return refuse("participant_id", M.alreadyWithdrawn);
      const reason = action.reason as string;
      await tx.inductionRecord.update({
        where: { id: record.id },
        data: { trainingStatus: "withdrawn", trainingStatusReason: reason, trainingStatusDate: now },
      });
      await audit("participant.withdraw", reason, { trainingStatus: "withdrawn", trainingStatusReason: reason });
      return { ok: true, userId };
    }

    if (record.trainingStatus === "withdrawn") return refuse("participant_id", M.withdrawn);

    if (action.kind === "defer") {
      if (record.trainingStatus === "deferred") return refuse("participant_id", M.alreadyDeferred);
      const reason = action.reason as string;
      await tx.inductionRecord.update({
        where: { id: record.id },
        data: { trainingStatus: "deferred", trainingStatusReason: reason, trainingStatusDate: now },
      });
      await audit("participant.defer", reason, { trainingStatus: "deferred", trainingStatusReason: reason });
      return { ok: true, userId };
    }

    if (action.kind === "resume") {
      if (record.trainingStatus === "active") return refuse("participant_id", M.alreadyActive);
      await tx.inductionRecord.update({
        where: { id: record.id },
        data: { trainingStatus: "active", trainingStatusReason: null, trainingStatusDate: null },
      });
      await audit("participant.resume", null, { trainingStatus: "active", trainingStatusReason: null });
      return { ok: true, userId };
    }

    // change-schedule
    const currentCohort = record.schedule.cohort;
    const targetYear = action.cohort ?? currentCohort.startYear;
    const cohort = targetYear === currentCohort.startYear ? currentCohort : await tx.cohort.findUnique({ where: { startYear: targetYear } });
    if (!cohort) return refuse("cohort", M.cohortNotRecognised);
    const identifier = action.scheduleIdentifier as string;
    const schedule = await tx.schedule.findUnique({
      where: { cohortId_identifier: { cohortId: cohort.id, identifier } },
      include: { milestones: true },
    });
    if (!schedule) return refuse("schedule_identifier", M.scheduleNotRecognised);
    if (profile.type === "ect" && identifier.startsWith("ecf-replacement-")) {
      return refuse("schedule_identifier", M.replacementScheduleForMentorsOnly);
    }
    if (schedule.id === record.scheduleId) return refuse("schedule_identifier", M.sameSchedule);
    if (cohort.id !== currentCohort.id) {
      const frozen = [currentCohort, cohort].find((c) => c.paymentsFrozenAt !== null);
      if (frozen) return refuse("cohort", M.cohortFrozen(frozen.startYear));
      const payable = await tx.participantDeclaration.count({
        where: { participantProfileId: profile.id, state: { in: [...DUPLICATE_STATES] } },
      });
      if (payable > 0) return refuse("cohort", M.cohortChangeWithDeclarations);
    }
    const declarations = await tx.participantDeclaration.findMany({
      where: { participantProfileId: profile.id, state: { in: [...PAID_OR_PAYABLE] } },
      select: { declarationType: true, declarationDate: true },
      orderBy: { declarationDate: "asc" },
    });
    const misfits = declarations.filter((d) => {
      const milestone = schedule.milestones.find((m) => m.declarationType === d.declarationType);
      const day = utcDay(d.declarationDate);
      return !milestone || day < utcDay(milestone.startDate) || (milestone.milestoneDate !== null && day > utcDay(milestone.milestoneDate));
    });
    if (misfits.length > 0) {
      return refuse("schedule_identifier", M.declarationsOutsideSchedule([...new Set(misfits.map((d) => d.declarationType))]));
    }
    await tx.inductionRecord.update({ where: { id: record.id }, data: { scheduleId: schedule.id } });
    await audit("participant.change_schedule", null, { scheduleIdentifier: schedule.identifier, cohort: cohort.startYear });
    return { ok: true, userId };
  }, TRANSACTION);
}
