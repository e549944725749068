// Participants as one lead provider sees them (GET /api/v3/participants/ecf and …/{id}).
//
// A participant (a user) is visible to a lead provider when one of their training records
// (participant profiles) has an induction record with that provider — current or past, so a
// provider still sees a participant who transferred away (participant_status "left") and can
// withdraw them. Each enrolment shows the provider's own current induction record for the
// profile (identity.ts: the one with no end date, else the one that started last).
import { Prisma } from "@/generated/prisma/client";
import type { TrainingStatus } from "@/generated/prisma/enums";
import type { ParticipantType } from "@/lib/domain/participant-types";
import { currentRecord, inductionRecordOrderSql, resolveParticipantId } from "./identity";
import { utcTimestamp, type Queryable, type Paging } from "@/lib/db/query";
import { latest } from "@/lib/domain/dates";

export interface EnrolmentRecord {
  profileId: string;
  email: string;
  mentorUserId: string | null;
  schoolUrn: string | null;
  participantType: ParticipantType;
  cohort: number;
  trainingStatus: TrainingStatus;
  trainingStatusReason: string | null;
  trainingStatusDate: Date | null;
  participantStatus: string;
  trnValidated: boolean;
  eligibleForFunding: boolean | null;
  pupilPremiumUplift: boolean;
  sparsityUplift: boolean;
  scheduleIdentifier: string;
  deliveryPartnerId: string | null;
  createdAt: Date;
  inductionEndDate: Date | null;
  mentorFundingEndDate: Date | null;
  cohortChangedAfterPaymentsFrozen: boolean;
}

export interface ParticipantRecord {
  userId: string;
  fullName: string;
  trn: string | null;
  updatedAt: Date;
  enrolments: EnrolmentRecord[];
  idChanges: { fromParticipantId: string; toParticipantId: string; changedAt: Date }[];
}

export interface ParticipantFilters {
  cohorts: number[] | null;
  updatedSince: Date | null;
}

/** User ids of one page of the provider's participants, oldest first. */
async function pageOfUserIds(db: Queryable, leadProviderId: string, filters: ParticipantFilters, paging: Paging): Promise<string[]> {
  const inCohort = filters.cohorts
    ? Prisma.sql`bool_or(c.start_year IN (${Prisma.join(filters.cohorts)}))`
    : Prisma.sql`true`;
  const since = filters.updatedSince ? Prisma.sql`AND GREATEST(x.updated_at, u.updated_at) >= ${utcTimestamp(filters.updatedSince)}` : Prisma.empty;
  const rows = await db.$queryRaw<{ id: string }[]>`
    WITH lp AS (
      SELECT id, participant_profile_id AS profile_id, schedule_id, updated_at, start_date, end_date, created_at
        FROM induction_records WHERE lead_provider_id = ${leadProviderId}::uuid
    ), current_record AS (
      SELECT DISTINCT ON (profile_id) profile_id, schedule_id FROM lp
       ORDER BY profile_id, ${inductionRecordOrderSql("lp")}
    ), touched AS (
      SELECT profile_id, max(updated_at) AS updated_at FROM lp GROUP BY profile_id
    ), per_user AS (
      SELECT pi.user_id, max(GREATEST(t.updated_at, pp.updated_at, pi.updated_at)) AS updated_at, ${inCohort} AS in_cohort
        FROM current_record r
        JOIN touched t ON t.profile_id = r.profile_id
        JOIN participant_profiles pp ON pp.id = r.profile_id
        JOIN participant_identities pi ON pi.id = pp.participant_identity_id
        JOIN schedules s ON s.id = r.schedule_id
        JOIN cohorts c ON c.id = s.cohort_id
       GROUP BY pi.user_id
    )
    SELECT u.id::text AS id
      FROM per_user x JOIN users u ON u.id = x.user_id
     WHERE x.in_cohort ${since}
     ORDER BY u.created_at, u.id
     LIMIT ${paging.take} OFFSET ${paging.skip}`;
  return rows.map((r) => r.id);
}

/** Loads the participants (user ids) with the enrolments the provider can see. */
export async function loadParticipants(db: Queryable, leadProviderId: string, userIds: readonly string[]): Promise<ParticipantRecord[]> {
  if (userIds.length === 0) return [];
  const [users, profiles] = await Promise.all([
    db.user.findMany({
      where: { id: { in: [...userIds] } },
      select: {
        id: true,
        fullName: true,
        updatedAt: true,
        participantIdChanges: { select: { fromParticipantId: true, toParticipantId: true, changedAt: true }, orderBy: { changedAt: "asc" } },
      },
    }),
    db.participantProfile.findMany({
      where: { participantIdentity: { userId: { in: [...userIds] } }, inductionRecords: { some: { leadProviderId } } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      include: {
        participantIdentity: { select: { userId: true, email: true, updatedAt: true } },
        mentorProfile: { select: { participantIdentity: { select: { userId: true } } } },
        inductionRecords: {
          where: { leadProviderId },
          include: { school: { select: { urn: true } }, schedule: { select: { identifier: true, cohort: { select: { startYear: true } } } } },
        },
      },
    }),
  ]);

  const byUser = new Map<string, ParticipantRecord>();
  for (const user of users) {
    byUser.set(user.id, { userId: user.id, fullName: user.fullName, trn: null, updatedAt: user.updatedAt, enrolments: [], idChanges: user.participantIdChanges });
  }
  for (const profile of profiles) {
    const participant = byUser.get(profile.participantIdentity.userId);
    const record = currentRecord(profile.inductionRecords);
    if (!participant || !record) continue;
    participant.trn ??= profile.trn;
    participant.updatedAt = latest(
      participant.updatedAt,
      profile.updatedAt,
      profile.participantIdentity.updatedAt,
      ...profile.inductionRecords.map((r) => r.updatedAt),
    );
    participant.enrolments.push({
      profileId: profile.id,
      email: profile.participantIdentity.email,
      mentorUserId: profile.type === "ect" ? (profile.mentorProfile?.participantIdentity.userId ?? null) : null,
      schoolUrn: record.school?.urn ?? null,
      participantType: profile.type,
      cohort: record.schedule.cohort.startYear,
      trainingStatus: record.trainingStatus,
      trainingStatusReason: record.trainingStatusReason,
      trainingStatusDate: record.trainingStatusDate,
      participantStatus: record.participantStatus,
      trnValidated: profile.trnValidated,
      eligibleForFunding: profile.eligibleForFunding,
      pupilPremiumUplift: profile.pupilPremiumUplift,
      sparsityUplift: profile.sparsityUplift,
      scheduleIdentifier: record.schedule.identifier,
      deliveryPartnerId: record.deliveryPartnerId,
      createdAt: profile.createdAt,
      inductionEndDate: profile.inductionEndDate,
      mentorFundingEndDate: profile.mentorFundingEndDate,
      cohortChangedAfterPaymentsFrozen: profile.cohortChangedAfterPaymentsFrozen,
    });
  }
  // Keep the page's order; drop users the provider cannot see.
  return userIds.map((id) => byUser.get(id)).filter((p): p is ParticipantRecord => p !== undefined && p.enrolments.length > 0);
}

export async function listParticipants(db: Queryable, leadProviderId: string, filters: ParticipantFilters, paging: Paging): Promise<ParticipantRecord[]> {
  return loadParticipants(db, leadProviderId, await pageOfUserIds(db, leadProviderId, filters, paging));
}

/** One participant by user id (or external/retired id), or null when the provider cannot see them. */
export async function findParticipant(db: Queryable, leadProviderId: string, participantId: string): Promise<ParticipantRecord | null> {
  const userId = await resolveParticipantId(db, participantId);
  if (!userId) return null;
  const [participant] = await loadParticipants(db, leadProviderId, [userId]);
  return participant ?? null;
}

/** Whether the provider can see this participant (a training record with one of its induction records). */
export async function isParticipantVisible(db: Queryable, leadProviderId: string, participantId: string): Promise<boolean> {
  const userId = await resolveParticipantId(db, participantId);
  if (!userId) return false;
  const record = await db.inductionRecord.findFirst({
    where: { leadProviderId, participantProfile: { participantIdentity: { userId } } },
    select: { id: true },
  });
  return record !== null;
}
