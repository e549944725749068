// The rows of a statement's declarations CSV: one per line item on the statement, ordered by
// participant name, read from a server-side cursor in batches (lib/db/cursor.ts).
//
// The first batch is small (FIRST_BATCH_SIZE), so the first rows leave as soon as the order is known.
//
// Where each column comes from (docs/statements.md):
// - the participant, their profile (TRN, type, mentor, eligibility) and the declaration itself
//   (type, date, uplift flags as they were when it was made, delivery partner);
// - school, schedule and training status from the participant's induction record with the
//   declaration's lead provider that was in force on the declaration date (else the nearest one);
// - the line item's own state ("Declaration Status") and statement;
// - "Uplift Payable": the line item earns the uplift in the engine's calculation — the SQL form of
//   `upliftEffect(...) === "fee"` (lib/engine/uplift.ts, THE uplift rule): a billable `started` line
//   with sparsity or pupil premium, on a contract with an uplift amount, and not a mentor in a cohort
//   that funds mentors separately. Their count is the statement's uplift count. The integration test
//   (tests/integration/csv.test.ts) runs this query and the rule on the same rows.
// Every join except line item → declaration → statement is a LEFT JOIN: a declaration with no school,
// delivery partner or induction record still has its row, with blank cells.
import { MENTOR_COURSE_IDENTIFIER } from "@/lib/domain/courses";
import { BILLABLE_STATES } from "@/lib/domain/declaration-states";
import type { SqlExecutor } from "@/lib/db/sql";
import { cursorBatches } from "@/lib/db/cursor";
import { ISO_UTC_FORMAT } from "@/lib/db/query";

export type StatementCsvRow = {
  participant_id: string;
  participant_name: string | null;
  trn: string | null;
  participant_type: string | null;
  mentor_profile_id: string | null;
  schedule: string | null;
  eligible_for_funding: boolean | null;
  ineligible_for_funding_reason: string | null;
  sparsity_uplift: boolean;
  pupil_premium_uplift: boolean;
  sparsity_and_pp: boolean;
  lead_provider_name: string | null;
  delivery_partner_name: string | null;
  school_urn: string | null;
  school_name: string | null;
  training_status: string | null;
  training_status_reason: string | null;
  declaration_id: string;
  declaration_status: string;
  declaration_type: string;
  declaration_date: string;
  declaration_created_at: string;
  statement_name: string;
  statement_id: string;
  uplift_payable: boolean;
};

const ISO = `'${ISO_UTC_FORMAT}'`;

// Timestamps are stored in UTC (timestamp(3) without time zone): written out as ISO 8601 with "Z"
// by the database, so no driver's time zone handling gets a say.
// The order comes from an index, not a sort, so the first rows leave at once whatever the statement's
// size: each line item carries a copy of its participant's name that the database keeps
// (migration 20261206002500_line_item_participant_name), and the index on (statement, name) holds what
// the order reads from the line item. Walking it, each line item looks up its declaration (one index
// look-up), and the few rows of one name are put in order (participant, date, type, line item) as
// they pass (an incremental sort). Then each row, still in order, looks up its profile, induction
// record and names, and its school and schedule (nested loops that keep the order, so no second sort).
// The outer ORDER BY states the file's order, whatever plan the database picks; sorts are switched
// off for the export's transaction (CURSOR_SETUP), or the planner sorts every line item before the
// first row (about 400 ms at 100k lines, docs/performance.md) because it counts the whole file's cost,
// not the first row's. JIT compilation is off for it too: it only delays the first row.
const QUERY = `
  SELECT o.participant_id, o.participant_name, p.trn, p.participant_type, p.mentor_profile_id,
         sch.identifier AS schedule,
         p.eligible_for_funding, p.ineligible_for_funding_reason, o.sparsity_uplift, o.pupil_premium_uplift,
         (o.sparsity_uplift AND o.pupil_premium_uplift) AS sparsity_and_pp,
         lp.name AS lead_provider_name,
         dp.name AS delivery_partner_name,
         sc.urn AS school_urn,
         sc.name AS school_name,
         ir.training_status::text AS training_status,
         ir.training_status_reason,
         o.declaration_id, o.declaration_status, o.declaration_type,
         to_char(o.declaration_date, ${ISO}) AS declaration_date,
         to_char(o.declaration_created_at, ${ISO}) AS declaration_created_at,
         st.name AS statement_name,
         st.id::text AS statement_id,
         (o.declaration_type = 'started'
           AND (o.sparsity_uplift OR o.pupil_premium_uplift)
           AND st.has_uplift_amount
           AND o.declaration_status = ANY ($2::text[])
           AND NOT (st.mentor_funding AND o.course_identifier = $3)) AS uplift_payable
    FROM (
          SELECT li.id AS line_item_id, li.state::text AS declaration_status,
                 d.user_id::text AS participant_id, d.user_id, li.participant_name,
                 d.id::text AS declaration_id, d.declaration_type, d.declaration_date, d.created_at AS declaration_created_at,
                 d.sparsity_uplift, d.pupil_premium_uplift, d.course_identifier,
                 d.participant_profile_id, d.lead_provider_id, d.delivery_partner_id
            FROM statement_line_items li
            JOIN participant_declarations d ON d.id = li.participant_declaration_id
           WHERE li.statement_id = $1::uuid
           ORDER BY li.participant_name NULLS LAST, d.user_id, d.declaration_date, d.declaration_type, li.id
         ) o
    CROSS JOIN (
          SELECT s.id, s.name, co.mentor_funding, (c.uplift_amount IS NOT NULL) AS has_uplift_amount
            FROM statements s
            LEFT JOIN cohorts co ON co.id = s.cohort_id
            LEFT JOIN call_off_contracts c ON c.lead_provider_id = s.lead_provider_id AND c.cohort_id = s.cohort_id
           WHERE s.id = $1::uuid
         ) st
    LEFT JOIN LATERAL (
          SELECT trn, type::text AS participant_type, mentor_profile_id::text AS mentor_profile_id,
                 eligible_for_funding, ineligible_for_funding_reason
            FROM participant_profiles WHERE id = o.participant_profile_id) p ON true
    LEFT JOIN LATERAL (SELECT name FROM lead_providers WHERE id = o.lead_provider_id) lp ON true
    LEFT JOIN LATERAL (SELECT name FROM delivery_partners WHERE id = o.delivery_partner_id) dp ON true
    LEFT JOIN LATERAL (
          SELECT r.schedule_id, r.school_id,
                 r.training_status, r.training_status_reason
            FROM induction_records r
           WHERE r.participant_profile_id = o.participant_profile_id
           ORDER BY (r.lead_provider_id = o.lead_provider_id) DESC,
                    (r.start_date <= o.declaration_date AND (r.end_date IS NULL OR r.end_date > o.declaration_date)) DESC,
                    (r.start_date <= o.declaration_date) DESC,
                    r.start_date DESC
           LIMIT 1) ir ON true
    LEFT JOIN schools sc ON sc.id = ir.school_id
    LEFT JOIN schedules sch ON sch.id = ir.schedule_id
   ORDER BY o.participant_name NULLS LAST, o.user_id, o.declaration_date, o.declaration_type, o.line_item_id`;

/** Rows in the first batch: the first rows leave as soon as the order is known. */
const FIRST_BATCH_SIZE = 100;
/**
 * The order from the index, not a sort (the QUERY's comment: switching sorts off only makes the
 * planner avoid one, and a full sort would still be in memory); no JIT compilation.
 */
const CURSOR_SETUP = ["SET LOCAL enable_sort = off", "SET LOCAL work_mem = '64MB'", "SET LOCAL jit = off"];

/** QUERY's parameters for one statement. */
const queryParams = (statementId: string): unknown[] => [statementId, [...BILLABLE_STATES], MENTOR_COURSE_IDENTIFIER];

/** The statement's CSV rows in batches, in the file's order. */
export function statementCsvRowBatches(
  sql: SqlExecutor,
  statementId: string,
  batchSize = 1000,
  signal?: AbortSignal,
): AsyncGenerator<StatementCsvRow[], void, undefined> {
  return cursorBatches<StatementCsvRow>(sql, QUERY, queryParams(statementId), {
    batchSize,
    firstBatchSize: Math.min(batchSize, FIRST_BATCH_SIZE),
    setup: CURSOR_SETUP,
    name: "statement_csv",
    signal,
  });
}

/**
 * The plan the export runs with (EXPLAIN, with the export's settings): the tests check it reads the
 * order from the index. With `analyze`, the query is run too, as the export's cursor runs it (no
 * parallel workers: a cursor gets none) but without sending rows, and the plan ends with its
 * "Execution Time": the database's own work for the file (the benchmark's CPU budget, docs/performance.md).
 */
export async function explainStatementCsv(sql: SqlExecutor, statementId: string, options: { analyze?: boolean } = {}): Promise<string> {
  return sql.transaction(async (tx) => {
    for (const statement of CURSOR_SETUP) await tx.exec(statement);
    if (options.analyze) await tx.exec("SET LOCAL max_parallel_workers_per_gather = 0");
    const explain = options.analyze ? "EXPLAIN (ANALYZE, TIMING off)" : "EXPLAIN";
    const rows = await tx.query<{ "QUERY PLAN": string }>(`${explain} ${QUERY}`, queryParams(statementId));
    return rows.map((r) => r["QUERY PLAN"]).join("\n");
  });
}
