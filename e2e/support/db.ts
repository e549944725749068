// Database helpers for the hardening specs: a pg client on this run's e2e database, and a digest
// of every business table so a test can prove that a refused request changed nothing.
import { query, withDb } from "../fixtures";

/**
 * Every table the service writes to (prisma/schema.prisma's @@map names). api_tokens is counted
 * but not hashed: reading with a token legitimately updates its last_used_at.
 */
export const DIGEST_TABLES = [
  "staff_users",
  "lead_providers",
  "cohorts",
  "schedules",
  "milestones",
  "call_off_contracts",
  "participant_bands",
  "mentor_call_off_contracts",
  "schools",
  "school_cohorts",
  "delivery_partners",
  "provider_relationships",
  "partnerships",
  "users",
  "participant_identities",
  "participant_id_changes",
  "participant_profiles",
  "induction_records",
  "participant_declarations",
  "statements",
  "statement_line_items",
  "additional_adjustments",
  "audit_logs",
] as const;

export type Digest = Record<string, string>;

/** Row count and an md5 of every row of each table (and the api_tokens count). */
export async function digest(): Promise<Digest> {
  return withDb(async (client) => {
    const parts = DIGEST_TABLES.map(
      (table) => `SELECT '${table}' AS t, count(*)::text || ':' || coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '-') AS d FROM ${table} x`,
    );
    parts.push(`SELECT 'api_tokens' AS t, count(*)::text AS d FROM api_tokens`);
    const { rows } = await client.query<{ t: string; d: string }>(parts.join(" UNION ALL "));
    return Object.fromEntries(rows.map((r) => [r.t, r.d]));
  });
}

/** The tables whose digest differs. */
export function changedTables(before: Digest, after: Digest): string[] {
  return Object.keys(before).filter((table) => before[table] !== after[table]);
}

/** Real ids from the demo seed, for the dynamic segments of the finance pages. */
export interface SeedIds {
  statementId: string;
  adjustmentId: string;
  adjustmentUpdatedAt: string;
  participantId: string;
  /** Another participant (user) id: the second record of the duplicate records pages. */
  otherParticipantId: string;
  declarationId: string;
  declarationState: string;
  openStatementId: string;
  scheduleId: string;
  /** The training record (participant profile) of that declaration. */
  profileId: string;
}

export async function seedIds(): Promise<SeedIds> {
  return withDb(async (client) => {
    const adjustment = (
      await client.query<{ id: string; statement_id: string; updated_at: Date }>(
        `SELECT a.id::text, a.statement_id::text, a.updated_at FROM additional_adjustments a
           JOIN statements s ON s.id = a.statement_id ORDER BY (s.status = 'open') DESC, a.id LIMIT 1`,
      )
    ).rows[0];
    if (!adjustment) throw new Error("The demo seed has no additional adjustment");
    const declaration = (
      await client.query<{ id: string; user_id: string; state: string; profile_id: string }>(
        `SELECT d.id::text, d.user_id::text, d.state::text, d.participant_profile_id::text AS profile_id FROM participant_declarations d
          WHERE d.state IN ('submitted', 'eligible', 'payable', 'paid') ORDER BY d.id LIMIT 1`,
      )
    ).rows[0];
    if (!declaration) throw new Error("The demo seed has no voidable declaration");
    const other = (await client.query<{ id: string }>(`SELECT id::text FROM users WHERE id <> $1::uuid ORDER BY id LIMIT 1`, [declaration.user_id])).rows[0];
    if (!other) throw new Error("The demo seed has only one participant");
    const open = (await client.query<{ id: string }>(`SELECT id::text FROM statements WHERE status = 'open' ORDER BY payment_date, id LIMIT 1`)).rows[0];
    if (!open) throw new Error("The demo seed has no open statement");
    const schedule = (await client.query<{ id: string }>(`SELECT id::text FROM schedules ORDER BY id LIMIT 1`)).rows[0];
    if (!schedule) throw new Error("The demo seed has no schedule");
    return {
      statementId: adjustment.statement_id,
      adjustmentId: adjustment.id,
      adjustmentUpdatedAt: adjustment.updated_at.toISOString(),
      participantId: declaration.user_id,
      otherParticipantId: other.id,
      declarationId: declaration.id,
      declarationState: declaration.state,
      openStatementId: open.id,
      scheduleId: schedule.id,
      profileId: declaration.profile_id,
    };
  });
}

/** The id of a demo statement, by provider name, cohort start year and statement name ("November 2026"). */
export async function statementId(provider: string, cohort: number, name: string): Promise<string> {
  const [row] = await query<{ id: string }>(
    `SELECT s.id::text FROM statements s JOIN lead_providers p ON p.id = s.lead_provider_id JOIN cohorts c ON c.id = s.cohort_id
      WHERE p.name = $1 AND c.start_year = $2 AND s.name = $3`,
    [provider, cohort, name],
  );
  if (!row) throw new Error(`No ${provider} ${cohort} ${name} statement`);
  return row.id;
}
