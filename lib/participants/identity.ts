// Who a participant id names, and which of their induction records is current. The API, the
// finance search, the participant drill-down and declaration submission all resolve ids here.
import { Prisma } from "@/generated/prisma/client";
import { uuidList, type Queryable } from "@/lib/db/query";
import { isUuid, normaliseUuid } from "@/lib/validation/ids";

/**
 * Which kind of id named the participant: their participant (user) id, a registration's external
 * identifier (participant_identities), or a retired id (participant_id_changes.from_participant_id,
 * ids-explained.md) that now names the kept user.
 */
export type ParticipantIdKind = "participant" | "external_identifier" | "retired_id";

export type ParticipantIdMatch = { userId: string; matchedBy: ParticipantIdKind };

/**
 * Every (given id, user id, kind, rank) the ids name: rank 1 user id, 2 external identifier, 3
 * retired id; the lowest rank wins. `ids` must already be normalised UUIDs.
 */
function participantIdMatchesSql(ids: readonly string[]): Prisma.Sql {
  const list = uuidList(ids);
  return Prisma.sql`
      SELECT id::text AS given, id::text AS user_id, 'participant' AS matched_by, 1 AS rank FROM users WHERE id IN (${list})
      UNION ALL
      SELECT external_identifier::text, user_id::text, 'external_identifier', 2 FROM participant_identities WHERE external_identifier IN (${list})
      UNION ALL
      SELECT from_participant_id::text, user_id::text, 'retired_id', 3 FROM participant_id_changes WHERE from_participant_id IN (${list})`;
}

/**
 * The same resolution as a scalar subquery, for a query that goes on from the user (one round trip
 * instead of two): the user id the participant id names, or NULL. `id` must be a valid UUID.
 */
export function participantUserIdSql(id: string): Prisma.Sql {
  return Prisma.sql`SELECT user_id::uuid FROM (${participantIdMatchesSql([normaliseUuid(id)])}) x ORDER BY rank LIMIT 1`;
}

/**
 * The users that participant ids name, in this order of precedence: user id, external identifier,
 * retired id. Returns given id → match for the ids it recognises; an id that is not a UUID names
 * nobody (never a database error). Case does not matter: the user id is returned lower-cased.
 */
export async function resolveParticipantMatches(db: Queryable, ids: readonly string[]): Promise<Map<string, ParticipantIdMatch>> {
  const found = new Map<string, ParticipantIdMatch>();
  const wanted = [...new Set(ids.filter(isUuid).map(normaliseUuid))];
  if (wanted.length === 0) return found;
  const rows = await db.$queryRaw<{ given: string; user_id: string; matched_by: ParticipantIdKind }[]>`
    SELECT given, user_id, matched_by FROM (${participantIdMatchesSql(wanted)}) x ORDER BY rank`;
  const byNormalised = new Map<string, ParticipantIdMatch>();
  for (const row of rows) if (!byNormalised.has(row.given)) byNormalised.set(row.given, { userId: row.user_id, matchedBy: row.matched_by });
  for (const id of ids) {
    const match = isUuid(id) ? byNormalised.get(normaliseUuid(id)) : undefined;
    if (match) found.set(id, match);
  }
  return found;
}

/** Given id → user id, for the ids that name a participant (see resolveParticipantMatches). */
export async function resolveParticipantIds(db: Queryable, ids: readonly string[]): Promise<Map<string, string>> {
  const matches = await resolveParticipantMatches(db, ids);
  return new Map([...matches].map(([id, match]) => [id, match.userId]));
}

/** The participant an id names, and which kind of id it is; null when malformed or unknown. */
export async function resolveParticipant(db: Queryable, id: string): Promise<ParticipantIdMatch | null> {
  return (await resolveParticipantMatches(db, [id])).get(id) ?? null;
}

/** The user id a participant id names; null when malformed or unknown. */
export async function resolveParticipantId(db: Queryable, id: string): Promise<string | null> {
  return (await resolveParticipant(db, id))?.userId ?? null;
}

interface DatedRecord {
  startDate: Date;
  endDate: Date | null;
  createdAt: Date;
  /** The last tie-break, when the rows carry it. */
  id?: string;
}

/**
 * Induction records newest first: the open record (no end date) first, then the one that started
 * last, then the one created last, then by id (descending). The first is the current record.
 */
export function orderInductionRecords<T extends DatedRecord>(records: readonly T[]): T[] {
  return [...records].sort(
    (a, b) =>
      Number(b.endDate === null) - Number(a.endDate === null) ||
      b.startDate.getTime() - a.startDate.getTime() ||
      b.createdAt.getTime() - a.createdAt.getTime() ||
      compareDescending(a.id, b.id),
  );
}

function compareDescending(a: string | undefined, b: string | undefined): number {
  if (a === undefined || b === undefined || a === b) return 0;
  return a < b ? 1 : -1;
}

/** The current induction record: the open one, else the one that started last (orderInductionRecords). */
export function currentRecord<T extends DatedRecord>(records: readonly T[]): T | undefined {
  return orderInductionRecords(records)[0];
}

/** orderInductionRecords in SQL, for the induction_records columns of `alias` (a name in the query, never input). */
export function inductionRecordOrderSql(alias: string): Prisma.Sql {
  const t = Prisma.raw(alias);
  return Prisma.sql`(${t}.end_date IS NULL) DESC, ${t}.start_date DESC, ${t}.created_at DESC, ${t}.id DESC`;
}
