// The floor for POST /api/v3/participant-declarations: what PostgreSQL itself allows for the same
// work. Each "request" sends the statements a submission sends (lib/api/auth.ts,
// lib/declarations/submit.ts), with a bare `pg` client at the same concurrency: no HTTP, no JSON:API
// parsing, no ORM, no rules beyond "a live declaration of this type already exists" and "the first
// open output statement".
// bench/api-post.ts runs it beside the API in one run and reports API ÷ floor.
//
// This restates the app's SQL on purpose (a floor must not share the code it measures); if the
// submission gains or loses a round trip, this should follow, and the report says how many it runs.
// Like the app's, its statements are prepared once per connection (named statements).
import { randomUUID } from "node:crypto";
import pg from "pg";
import { runAtConcurrency } from "./support";

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

/**
 * One submission's round trips, on one pooled client, as lib/declarations/submit.ts makes them: the
 * token is remembered by the app (lib/auth/api-tokens.ts), so the floor reads it once per run too.
 * Outside the transaction, the profiles of the participant (the id resolved inside the query); then
 * BEGIN, the profile's row lock, one query for the facts (current record, milestone, same event,
 * open statements FOR SHARE, the contract), the declaration and line item in one statement, the
 * audit entry, COMMIT. A duplicate stops after the facts (and commits, as the app does).
 */
async function submitOnce(client: pg.PoolClient, token: Token, participantId: string, now: Date): Promise<"created" | "duplicate"> {
  const profile = (
    await client.query<{ id: string }>({
      name: "floor_profiles",
      text: `SELECT pp.id::text AS id FROM participant_profiles pp
         JOIN participant_identities pi ON pi.id = pp.participant_identity_id
        WHERE pi.user_id = (SELECT user_id::uuid FROM (
                SELECT id::text AS user_id, 1 AS rank FROM users WHERE id = $1::uuid
                UNION ALL SELECT user_id::text, 2 FROM participant_identities WHERE external_identifier = $1::uuid
                UNION ALL SELECT user_id::text, 3 FROM participant_id_changes WHERE from_participant_id = $1::uuid) x ORDER BY rank LIMIT 1)
          AND EXISTS (SELECT 1 FROM induction_records ir WHERE ir.participant_profile_id = pp.id AND ir.lead_provider_id = $2::uuid)
        ORDER BY pp.created_at DESC, pp.id`,
      values: [participantId, token.providerId],
    })
  ).rows[0];
  if (!profile) throw new Error("floor: no profile");

  await client.query("BEGIN");
  try {
    const locked = (
      await client.query<{ user_id: string; eligible: boolean | null }>({
        name: "floor_lock",
        text: `SELECT pi.user_id::text AS user_id, pp.eligible_for_funding AS eligible
           FROM participant_profiles pp JOIN participant_identities pi ON pi.id = pp.participant_identity_id
          WHERE pp.id = $1::uuid FOR UPDATE OF pp`,
        values: [profile.id],
      })
    ).rows[0]!;
    const facts = (
      await client.query<{ cohort_id: string; delivery_partner_id: string | null; same: string[] | null; statement_id: string | null }>({
        name: "floor_facts",
        text: `WITH r AS (
           SELECT ir.delivery_partner_id, ir.schedule_id, s.cohort_id
             FROM induction_records ir JOIN schedules s ON s.id = ir.schedule_id JOIN cohorts c ON c.id = s.cohort_id
            WHERE ir.participant_profile_id = $1::uuid AND ir.lead_provider_id = $2::uuid
            ORDER BY (ir.end_date IS NULL) DESC, ir.start_date DESC, ir.created_at DESC, ir.id DESC LIMIT 1),
         o AS (
           SELECT st.id, st.deadline_date FROM statements st
            WHERE st.lead_provider_id = $2::uuid AND st.cohort_id = (SELECT cohort_id FROM r) AND st.output_fee AND st.status = 'open'
              FOR SHARE OF st)
         SELECT (SELECT cohort_id::text FROM r) AS cohort_id, (SELECT delivery_partner_id::text FROM r) AS delivery_partner_id,
                (SELECT json_agg(to_char(start_date, 'YYYY-MM-DD')) FROM induction_records WHERE participant_profile_id = $1::uuid) AS starts,
                (SELECT json_build_object('s', m.start_date, 'm', m.milestone_date) FROM milestones m
                  WHERE m.schedule_id = (SELECT schedule_id FROM r) AND m.declaration_type = 'started' LIMIT 1) AS milestone,
                (SELECT json_agg(d.state) FROM participant_declarations d
                  WHERE d.participant_profile_id = $1::uuid AND d.course_identifier = 'ecf-induction' AND d.declaration_type = 'started') AS same,
                (SELECT id::text FROM o ORDER BY deadline_date LIMIT 1) AS statement_id,
                (SELECT uplift_amount IS NOT NULL FROM call_off_contracts WHERE lead_provider_id = $2::uuid AND cohort_id = (SELECT cohort_id FROM r)) AS uplift`,
        values: [profile.id, token.providerId],
      })
    ).rows[0]!;
    if ((facts.same ?? []).some((state) => LIVE_STATES.includes(state))) {
      await client.query("COMMIT");
      return "duplicate";
    }
    const state = locked.eligible ? "eligible" : "submitted";
    const declarationId = randomUUID();
    const statementId = state === "eligible" ? facts.statement_id : null;
    await client.query({
      name: "floor_insert",
      text: `WITH d AS (
         INSERT INTO participant_declarations (id, participant_profile_id, user_id, lead_provider_id, cohort_id, delivery_partner_id,
           declaration_type, declaration_date, course_identifier, state, created_at, updated_at)
         VALUES ($1::uuid, $2::uuid, $3::uuid, $4::uuid, $5::uuid, $6::uuid, 'started', '2025-10-01T10:00:00Z', 'ecf-induction', $7::"DeclarationState", $8, $8)
         RETURNING id)
       INSERT INTO statement_line_items (id, statement_id, participant_declaration_id, state, created_at, updated_at)
       SELECT $9::uuid, $10::uuid, d.id, $7::"DeclarationState", $8, $8 FROM d WHERE $10::uuid IS NOT NULL`,
      values: [declarationId, profile.id, locked.user_id, token.providerId, facts.cohort_id, facts.delivery_partner_id, state, now, randomUUID(), statementId],
    });
    await client.query({
      name: "floor_audit",
      text: `INSERT INTO audit_logs (id, occurred_at, actor_type, actor_id, actor_label, api_token_id, action, entity_type, entity_id, user_id, after)
       VALUES ($1::uuid, $2, 'api', $3, $4, $5::uuid, 'declaration.submit', 'declaration', $6::uuid, $7::uuid, $8::jsonb)`,
      values: [randomUUID(), now, token.providerId, token.providerName, token.tokenId, declarationId, locked.user_id, JSON.stringify({ state, statementId })],
    });
    await client.query("COMMIT");
    return "created";
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
}

type Token = { tokenId: string; providerId: string; providerName: string };

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
    const token = (
      await pool.query<Token>(
        `SELECT t.id::text AS "tokenId", lp.id::text AS "providerId", lp.name AS "providerName"
           FROM api_tokens t JOIN lead_providers lp ON lp.id = t.lead_provider_id WHERE t.hashed_token = $1 AND t.revoked_at IS NULL`,
        [options.tokenHash],
      )
    ).rows[0];
    if (!token) throw new Error("floor: unknown token");
    const { outcomes, latencies, seconds } = await runAtConcurrency(options.plan, options, async (participantId) => {
      const client = await pool.connect();
      try {
        return await submitOnce(client, token, participantId, new Date());
      } finally {
        client.release();
      }
    });
    const created = outcomes.get("created") ?? 0;
    const duplicates = outcomes.get("duplicate") ?? 0;
    const errors = outcomes.get("error") ?? 0;
    // Profiles; BEGIN, lock, facts, declaration and line item, audit, COMMIT (a duplicate: BEGIN, lock, facts, COMMIT).
    return { sent: latencies.length, seconds, rps: latencies.length / seconds, latencies, created, duplicates, errors, roundTripsNew: 7, roundTripsDuplicate: 5 };
  } finally {
    await pool.end();
  }
}
