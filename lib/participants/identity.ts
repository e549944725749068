// Who a participant id names, and which of their induction records is current.
import { uuidList, type Queryable } from "@/lib/db/query";

/**
 * The users that participant ids name. A participant id is the user id; the API also accepts a
 * registration's external identifier and a retired id (participant_id_changes), and answers with
 * the user id. Returns given id → user id for the ids it recognises.
 */
export async function resolveParticipantIds(db: Queryable, ids: readonly string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  if (ids.length === 0) return found;
  const list = uuidList(ids);
  const rows = await db.$queryRaw<{ given: string; user_id: string }[]>`
    SELECT given, user_id FROM (
      SELECT id::text AS given, id::text AS user_id, 1 AS rank FROM users WHERE id IN (${list})
      UNION ALL
      SELECT external_identifier::text, user_id::text, 2 FROM participant_identities WHERE external_identifier IN (${list})
      UNION ALL
      SELECT from_participant_id::text, user_id::text, 3 FROM participant_id_changes WHERE from_participant_id IN (${list})
    ) x ORDER BY rank`;
  for (const row of rows) if (!found.has(row.given)) found.set(row.given, row.user_id);
  return found;
}

export async function resolveParticipantId(db: Queryable, id: string): Promise<string | null> {
  return (await resolveParticipantIds(db, [id])).get(id) ?? null;
}

interface Dated {
  startDate: Date;
  endDate: Date | null;
  createdAt: Date;
}

/** The current induction record (no end date), else the one that started last. */
export function currentRecord<T extends Dated>(records: readonly T[]): T | undefined {
  return [...records].sort(
    (a, b) =>
      Number(b.endDate === null) - Number(a.endDate === null) ||
      b.startDate.getTime() - a.startDate.getTime() ||
      b.createdAt.getTime() - a.createdAt.getTime(),
  )[0];
}
