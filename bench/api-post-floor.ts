// The floor for POST /api/v3/participant-declarations: what PostgreSQL itself allows for the same
// work. Each "request" does the reads, the row locks and the writes a submission does
// (lib/api/auth.ts, lib/participants/identity.ts, lib/declarations/submit.ts), one round trip each,
// with a bare `pg` client at the same concurrency: no HTTP, no JSON:API parsing, no ORM, no rules
// beyond "a live declaration of this type already exists" and "the first open output statement".
// bench/api-post.ts runs it beside the API in one run and reports API ÷ floor.
//
// This restates the app's SQL on purpose (a floor must not share the code it measures); if the
// submission gains or loses a round trip, this should follow, and the report says how many it runs.
import { randomUUID } from "node:crypto";
import pg from "pg";

export type FloorRequest = { participantId: string };

export type FloorResult = {
  sent: number;
  seconds: number;
  rps: number;
  latencies: number[];
  created: number;
  duplicates: number;
  errors: number;
  roundTripsNew: number;
  roundTripsDuplicate: number;
};

const LIVE_STATES = ["submitted", "eligible", "payable", "paid"];

/** One submission's round trips, on one pooled client. Returns "created" or "duplicate". */
async function submitOnce(client: pg.PoolClient, tokenHash: string, participantId: string, now: Date): Promise<"created" | "duplicate"> {
  // Outside the transaction, as the app does: the token, the participant id, the profiles with this provider.
  const token = (
    await client.query<{ provider_id: string; provider_name: string }>(
      `SELECT lp.id::text AS provider_id, lp.name AS provider_name
         FROM api_tokens t JOIN lead_providers lp ON lp.id = t.lead_provider_id
        WHERE t.hashed_token = $1`,
      [tokenHash],
    )
  ).rows[0];
  if (!token) throw new Error("floor: unknown token");
  const user = (
    await client.query<{ user_id: string }>(
      `SELECT user_id FROM (
         SELECT id::text AS user_id, 1 AS rank FROM users WHERE id = $1::uuid
         UNION ALL SELECT user_id::text, 2 FROM participant_identities WHERE external_identifier = $1::uuid
         UNION ALL SELECT user_id::text, 3 FROM participant_id_changes WHERE from_participant_id = $1::uuid
       ) ids ORDER BY rank LIMIT 1`,
      [participantId],
    )
  ).rows[0];
  if (!user) throw new Error("floor: unknown participant");
  const profile = (
    await client.query<{ id: string }>(
      `SELECT pp.id::text AS id FROM participant_profiles pp
         JOIN participant_identities pi ON pi.id = pp.participant_identity_id
        WHERE pi.user_id = $1::uuid AND pp.type = 'ect'
          AND EXISTS (SELECT 1 FROM induction_records ir WHERE ir.participant_profile_id = pp.id AND ir.lead_provider_id = $2::uuid)`,
      [user.user_id, token.provider_id],
    )
  ).rows[0];
  if (!profile) throw new Error("floor: no profile");

  await client.query("BEGIN");
  try {
    const locked = (
      await client.query<{ user_id: string; eligible: boolean | null }>(
        `SELECT pi.user_id::text AS user_id, pp.eligible_for_funding AS eligible
           FROM participant_profiles pp JOIN participant_identities pi ON pi.id = pp.participant_identity_id
          WHERE pp.id = $1::uuid FOR UPDATE OF pp`,
        [profile.id],
      )
    ).rows[0]!;
    const record = (
      await client.query<{ schedule_id: string; cohort_id: string; delivery_partner_id: string | null }>(
        `SELECT ir.schedule_id::text, s.cohort_id::text, ir.delivery_partner_id::text
           FROM induction_records ir JOIN schedules s ON s.id = ir.schedule_id JOIN cohorts c ON c.id = s.cohort_id
          WHERE ir.participant_profile_id = $1::uuid AND ir.lead_provider_id = $2::uuid
          ORDER BY ir.start_date DESC LIMIT 1`,
        [profile.id, token.provider_id],
      )
    ).rows[0]!;
    await client.query(`SELECT start_date, milestone_date FROM milestones WHERE schedule_id = $1::uuid AND declaration_type = 'started'`, [record.schedule_id]);
    const same = await client.query<{ state: string }>(
      `SELECT state::text FROM participant_declarations
        WHERE participant_profile_id = $1::uuid AND course_identifier = 'ecf-induction' AND declaration_type = 'started'`,
      [profile.id],
    );
    if (same.rows.some((row) => LIVE_STATES.includes(row.state))) {
      await client.query("ROLLBACK");
      return "duplicate";
    }
    const statement = (
      await client.query<{ id: string }>(
        `SELECT id::text FROM statements
          WHERE lead_provider_id = $1::uuid AND cohort_id = $2::uuid AND output_fee AND status = 'open'
          ORDER BY deadline_date LIMIT 1`,
        [token.provider_id, record.cohort_id],
      )
    ).rows[0];
    if (statement) await client.query(`SELECT id FROM statements WHERE id = $1::uuid AND status = 'open' FOR SHARE`, [statement.id]);
    const state = locked.eligible ? "eligible" : "submitted";
    const declarationId = randomUUID();
    await client.query(
      `INSERT INTO participant_declarations (id, participant_profile_id, user_id, lead_provider_id, cohort_id, delivery_partner_id,
         declaration_type, declaration_date, course_identifier, state, created_at, updated_at)
       VALUES ($1::uuid, $2::uuid, $3::uuid, $4::uuid, $5::uuid, $6::uuid, 'started', '2025-10-01T10:00:00Z', 'ecf-induction', $7::"DeclarationState", $8, $8)
       RETURNING *`,
      [declarationId, profile.id, locked.user_id, token.provider_id, record.cohort_id, record.delivery_partner_id, state, now],
    );
    if (statement && state === "eligible") {
      await client.query(
        `INSERT INTO statement_line_items (id, statement_id, participant_declaration_id, state, created_at, updated_at)
         VALUES ($1::uuid, $2::uuid, $3::uuid, 'eligible', $4, $4)`,
        [randomUUID(), statement.id, declarationId, now],
      );
    }
    await client.query(
      `INSERT INTO audit_logs (id, actor_type, actor_id, actor_label, action, entity_type, entity_id, user_id, after)
       VALUES ($1::uuid, 'api', $2, $3, 'declaration.submit', 'declaration', $4::uuid, $5::uuid, $6::jsonb)`,
      [randomUUID(), token.provider_id, token.provider_name, declarationId, locked.user_id, JSON.stringify({ state, statementId: statement?.id ?? null })],
    );
    await client.query(`SELECT uplift_amount FROM call_off_contracts WHERE lead_provider_id = $1::uuid AND cohort_id = $2::uuid`, [token.provider_id, record.cohort_id]);
    await client.query("COMMIT");
    return "created";
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
}

/**
 * Runs `plan` (participant ids, duplicates included) at `concurrency` through a pool of that many
 * connections, for at most `seconds`. Latencies in milliseconds, sorted.
 */
export async function runFloor(options: {
  databaseUrl: string;
  tokenHash: string;
  plan: readonly string[];
  concurrency: number;
  seconds: number;
}): Promise<FloorResult> {
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.concurrency });
  try {
    const latencies: number[] = [];
    let created = 0;
    let duplicates = 0;
    let errors = 0;
    let index = 0;
    const started = performance.now();
    const deadline = started + options.seconds * 1000;
    await Promise.all(
      Array.from({ length: options.concurrency }, async () => {
        while (index < options.plan.length && performance.now() < deadline) {
          const participantId = options.plan[index++] as string;
          const t0 = performance.now();
          const client = await pool.connect();
          try {
            if ((await submitOnce(client, options.tokenHash, participantId, new Date())) === "created") created += 1;
            else duplicates += 1;
          } catch {
            errors += 1;
          } finally {
            client.release();
          }
          latencies.push(performance.now() - t0);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    // Token, participant, profiles; BEGIN, lock, record, milestone, same event; then statement, hold,
    // declaration, line item, audit, contract, COMMIT (a duplicate rolls back after the same-event read).
    return { sent: latencies.length, seconds, rps: latencies.length / seconds, latencies, created, duplicates, errors, roundTripsNew: 15, roundTripsDuplicate: 9 };
  } finally {
    await pool.end();
  }
}
