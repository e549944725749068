// Participant transfers (GET /api/v3/participants/ecf/transfers and …/{id}/transfers), derived
// from consecutive induction records of a training record (ordered by start date):
// - the next record is with another lead provider → `new_provider`;
// - the same provider at another school → `new_school`;
// - a record the school ended as a transfer (school_transfer) with no next record yet → `unknown`
//   with `joining: null` (the new school has not reported the joiner).
// A provider sees a transfer when it is the leaving or the joining provider. `status` is
// `complete` once the joining date has come (joining date ≤ now), otherwise `incomplete`.
import { resolveParticipantId } from "./identity";
import type { Queryable, Paging } from "@/lib/db/query";
import { latest } from "@/lib/domain/dates";

export interface TransferSide {
  schoolUrn: string | null;
  provider: string;
  date: Date | null;
}

export interface TransferRecord {
  trainingRecordId: string;
  transferType: "new_school" | "new_provider" | "unknown";
  status: "complete" | "incomplete";
  leaving: TransferSide;
  joining: TransferSide | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface ParticipantTransfersRecord {
  userId: string;
  updatedAt: Date;
  transfers: TransferRecord[];
}

interface PairRow {
  leaving_id: string;
  joining_id: string | null;
  user_id: string;
}

async function transferPairs(db: Queryable, leadProviderId: string, userId: string | null): Promise<PairRow[]> {
  const rows = await db.$queryRaw<(PairRow & { user_created_at: Date; start_date: Date })[]>`
    WITH mine AS (
      SELECT DISTINCT participant_profile_id FROM induction_records WHERE lead_provider_id = ${leadProviderId}::uuid
    ), seq AS (
      SELECT ir.id, ir.participant_profile_id, ir.lead_provider_id, ir.school_id, ir.start_date, ir.end_date, ir.school_transfer,
             lead(ir.id) OVER w AS next_id,
             lead(ir.lead_provider_id) OVER w AS next_lead_provider_id,
             lead(ir.school_id) OVER w AS next_school_id
        FROM induction_records ir
        JOIN mine m ON m.participant_profile_id = ir.participant_profile_id
      WINDOW w AS (PARTITION BY ir.participant_profile_id ORDER BY ir.start_date, ir.created_at, ir.id)
    )
    SELECT seq.id::text AS leaving_id, seq.next_id::text AS joining_id, pi.user_id::text AS user_id,
           u.created_at AS user_created_at, seq.start_date
      FROM seq
      JOIN participant_profiles pp ON pp.id = seq.participant_profile_id
      JOIN participant_identities pi ON pi.id = pp.participant_identity_id
      JOIN users u ON u.id = pi.user_id
     WHERE ((seq.next_id IS NOT NULL
             AND (seq.next_lead_provider_id <> seq.lead_provider_id OR seq.next_school_id IS DISTINCT FROM seq.school_id)
             AND (seq.lead_provider_id = ${leadProviderId}::uuid OR seq.next_lead_provider_id = ${leadProviderId}::uuid))
        OR (seq.next_id IS NULL AND seq.school_transfer AND seq.end_date IS NOT NULL AND seq.lead_provider_id = ${leadProviderId}::uuid))
       AND (${userId}::uuid IS NULL OR pi.user_id = ${userId}::uuid)
     ORDER BY u.created_at, u.id, seq.start_date, seq.id`;
  return rows;
}

async function buildTransfers(db: Queryable, pairs: PairRow[], now: Date): Promise<ParticipantTransfersRecord[]> {
  if (pairs.length === 0) return [];
  const ids = [...new Set(pairs.flatMap((p) => (p.joining_id ? [p.leaving_id, p.joining_id] : [p.leaving_id])))];
  const records = await db.inductionRecord.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      participantProfileId: true,
      leadProviderId: true,
      startDate: true,
      endDate: true,
      createdAt: true,
      updatedAt: true,
      school: { select: { urn: true } },
      leadProvider: { select: { name: true } },
    },
  });
  const byId = new Map(records.map((r) => [r.id, r]));
  const side = (r: (typeof records)[number], date: Date | null): TransferSide => ({ schoolUrn: r.school?.urn ?? null, provider: r.leadProvider.name, date });

  const byUser = new Map<string, ParticipantTransfersRecord>();
  for (const pair of pairs) {
    const leaving = byId.get(pair.leaving_id);
    const joining = pair.joining_id ? byId.get(pair.joining_id) : undefined;
    if (!leaving) continue;
    const transfer: TransferRecord = joining
      ? {
          trainingRecordId: leaving.participantProfileId,
          transferType: joining.leadProviderId !== leaving.leadProviderId ? "new_provider" : "new_school",
          status: joining.startDate.getTime() <= now.getTime() ? "complete" : "incomplete",
          leaving: side(leaving, leaving.endDate),
          joining: side(joining, joining.startDate),
          createdAt: joining.createdAt,
          updatedAt: latest(leaving.updatedAt, joining.updatedAt),
        }
      : {
          trainingRecordId: leaving.participantProfileId,
          transferType: "unknown",
          status: "incomplete",
          leaving: side(leaving, leaving.endDate),
          joining: null,
          createdAt: leaving.updatedAt,
          updatedAt: leaving.updatedAt,
        };
    const entry = byUser.get(pair.user_id) ?? { userId: pair.user_id, updatedAt: new Date(0), transfers: [] };
    entry.transfers.push(transfer);
    entry.updatedAt = latest(entry.updatedAt, transfer.updatedAt);
    byUser.set(pair.user_id, entry);
  }
  return [...byUser.values()];
}

export async function listTransfers(db: Queryable, leadProviderId: string, now: Date, paging: Paging): Promise<ParticipantTransfersRecord[]> {
  const pairs = await transferPairs(db, leadProviderId, null);
  const userIds = [...new Set(pairs.map((p) => p.user_id))].slice(paging.skip, paging.skip + paging.take);
  const wanted = new Set(userIds);
  return buildTransfers(db, pairs.filter((p) => wanted.has(p.user_id)), now);
}

/** One participant's transfers, or null when the provider cannot see the participant at all. */
export async function findTransfers(db: Queryable, leadProviderId: string, now: Date, participantId: string): Promise<ParticipantTransfersRecord | null> {
  const userId = await resolveParticipantId(db, participantId);
  if (!userId) return null;
  const visible = await db.inductionRecord.findFirst({
    where: { leadProviderId, participantProfile: { participantIdentity: { userId } } },
    select: { updatedAt: true },
    orderBy: { updatedAt: "desc" },
  });
  if (!visible) return null;
  const [found] = await buildTransfers(db, await transferPairs(db, leadProviderId, userId), now);
  return found ?? { userId, updatedAt: visible.updatedAt, transfers: [] };
}
