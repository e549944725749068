// Unfunded mentors (GET /api/v3/unfunded-mentors/ecf and …/{id}): mentors of the provider's ECTs
// (ECTs currently training with it) who have no induction record with this provider — they train,
// or trained, as mentors with another provider. The id is the mentor's user id (mentor_id).
import { Prisma } from "@/generated/prisma/client";
import { resolveParticipantId } from "./identity";
import type { Queryable, Paging } from "@/lib/db/query";
import { latest } from "@/lib/domain/dates";

export interface UnfundedMentorRecord {
  userId: string;
  fullName: string;
  email: string;
  trn: string | null;
  createdAt: Date;
  updatedAt: Date;
}

async function unfundedMentorProfiles(db: Queryable, leadProviderId: string, userId: string | null, paging: Paging | null): Promise<{ profile_id: string; user_id: string }[]> {
  const limit = paging ? Prisma.sql`LIMIT ${paging.take} OFFSET ${paging.skip}` : Prisma.empty;
  return db.$queryRaw<{ profile_id: string; user_id: string }[]>`
    WITH mentors AS (
      SELECT DISTINCT ON (mi.user_id) mp.id AS profile_id, mi.user_id
        FROM induction_records eir
        JOIN participant_profiles ect ON ect.id = eir.participant_profile_id AND ect.type = 'ect'
        JOIN participant_profiles mp ON mp.id = ect.mentor_profile_id
        JOIN participant_identities mi ON mi.id = mp.participant_identity_id
       WHERE eir.lead_provider_id = ${leadProviderId}::uuid
         AND eir.end_date IS NULL
         AND NOT EXISTS (
           SELECT 1 FROM induction_records mir WHERE mir.participant_profile_id = mp.id AND mir.lead_provider_id = ${leadProviderId}::uuid
         )
         AND (${userId}::uuid IS NULL OR mi.user_id = ${userId}::uuid)
       ORDER BY mi.user_id, mp.created_at DESC
    )
    SELECT m.profile_id::text AS profile_id, m.user_id::text AS user_id
      FROM mentors m JOIN users u ON u.id = m.user_id
     ORDER BY u.created_at, u.id
     ${limit}`;
}

async function load(db: Queryable, rows: { profile_id: string }[]): Promise<UnfundedMentorRecord[]> {
  if (rows.length === 0) return [];
  const profiles = await db.participantProfile.findMany({
    where: { id: { in: rows.map((r) => r.profile_id) } },
    select: {
      id: true,
      trn: true,
      createdAt: true,
      updatedAt: true,
      participantIdentity: { select: { email: true, updatedAt: true, user: { select: { id: true, fullName: true, updatedAt: true } } } },
    },
  });
  const byId = new Map(profiles.map((p) => [p.id, p]));
  return rows.flatMap((row) => {
    const p = byId.get(row.profile_id);
    if (!p) return [];
    const identity = p.participantIdentity;
    return [
      {
        userId: identity.user.id,
        fullName: identity.user.fullName,
        email: identity.email,
        trn: p.trn,
        createdAt: p.createdAt,
        updatedAt: latest(p.updatedAt, identity.updatedAt, identity.user.updatedAt),
      },
    ];
  });
}

export async function listUnfundedMentors(db: Queryable, leadProviderId: string, paging: Paging): Promise<UnfundedMentorRecord[]> {
  return load(db, await unfundedMentorProfiles(db, leadProviderId, null, paging));
}

export async function findUnfundedMentor(db: Queryable, leadProviderId: string, mentorId: string): Promise<UnfundedMentorRecord | null> {
  const userId = await resolveParticipantId(db, mentorId);
  if (!userId) return null;
  const [found] = await load(db, await unfundedMentorProfiles(db, leadProviderId, userId, null));
  return found ?? null;
}
