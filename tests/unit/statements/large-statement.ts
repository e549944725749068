// A synthetic output statement with `rows` line items, made with set-based SQL (a handful of
// INSERT … SELECT FROM generate_series), for the CSV memory test and bench/csv.ts. Ids are
// md5-derived UUIDs so every table can be joined back without reading anything into Node.
// Names repeat in a few shapes (commas, quotes, accents) so the export quotes and sorts real text.
// Every 50th participant has no school, every 40th declaration no delivery partner, every 7th
// has an uplift, every 25th is voided.
import type { SqlExecutor } from "@/lib/db/sql";

export type LargeStatement = { statementId: string; leadProviderId: string; cohortId: string; rows: number };

export async function createLargeStatement(sql: SqlExecutor, rows: number, tag = "bench"): Promise<LargeStatement> {
  if (!Number.isInteger(rows) || rows < 1 || rows > 5_000_000) throw new Error(`rows must be a whole number from 1 to 5,000,000, got ${rows}`);
  if (!/^[a-z0-9]+$/.test(tag)) throw new Error("tag must be lower-case letters and digits");
  const id = (what: string) => `md5('${tag}-${what}')::uuid`;
  const ids = await sql.query<{ statement_id: string; lead_provider_id: string; cohort_id: string }>(
    `SELECT ${id("statement")}::text AS statement_id, ${id("provider")}::text AS lead_provider_id, ${id("cohort")}::text AS cohort_id`,
  );
  const { statement_id: statementId, lead_provider_id: leadProviderId, cohort_id: cohortId } = ids[0]!;
  const now = `(now() AT TIME ZONE 'UTC')`;
  const n = rows;
  await sql.transaction(async (tx) => {
    await tx.exec(`
      INSERT INTO lead_providers (id, name, vat_chargeable, updated_at) VALUES (${id("provider")}, 'Synthetic Provider ${tag}', true, ${now});
      INSERT INTO cohorts (id, start_year, mentor_funding, updated_at)
        VALUES (${id("cohort")}, 2090 + (abs(hashtext('${tag}')) % 900), false, ${now});
      INSERT INTO schedules (id, cohort_id, identifier, name, updated_at)
        VALUES (${id("schedule")}, ${id("cohort")}, 'ecf-standard-september', 'ECF Standard September', ${now});
      INSERT INTO call_off_contracts (id, lead_provider_id, cohort_id, recruitment_target, set_up_fee, uplift_amount, updated_at)
        VALUES (${id("contract")}, ${id("provider")}, ${id("cohort")}, ${n}, 1000.00, 100.00, ${now});
      INSERT INTO participant_bands (id, call_off_contract_id, min, max, per_participant)
        VALUES (${id("band-a")}, ${id("contract")}, 0, ${Math.max(1, Math.floor(n / 2))}, 1000.00),
               (${id("band-b")}, ${id("contract")}, ${Math.max(1, Math.floor(n / 2)) + 1}, NULL, 950.00);
      INSERT INTO statements (id, lead_provider_id, cohort_id, name, month, year, deadline_date, payment_date, output_fee, status, updated_at)
        VALUES (${id("statement")}, ${id("provider")}, ${id("cohort")}, 'January 2091', 1, 2091, '2090-12-31', '2091-01-25', true, 'open', ${now});
      INSERT INTO schools (id, urn, name, updated_at)
        SELECT md5('${tag}-school-' || s)::uuid, '9' || lpad(s::text, 5, '0') || '${tag}', 'School number ' || s, ${now} FROM generate_series(0, 99) s;
      INSERT INTO delivery_partners (id, name, updated_at)
        SELECT md5('${tag}-dp-' || s)::uuid, 'Delivery partner ' || s, ${now} FROM generate_series(0, 9) s;
      INSERT INTO users (id, full_name, email, updated_at)
        SELECT md5('${tag}-user-' || i)::uuid,
               CASE i % 5
                 WHEN 0 THEN initcap(substr(md5('f' || i), 1, 6)) || ', ' || initcap(substr(md5('l' || i), 1, 8))
                 WHEN 1 THEN initcap(substr(md5('f' || i), 1, 6)) || ' "' || substr(md5('n' || i), 1, 3) || '" ' || initcap(substr(md5('l' || i), 1, 8))
                 WHEN 2 THEN 'Zoë ' || initcap(substr(md5('l' || i), 1, 8))
                 ELSE initcap(substr(md5('f' || i), 1, 6)) || ' ' || initcap(substr(md5('l' || i), 1, 8))
               END,
               '${tag}-' || i || '@example.com', ${now}
          FROM generate_series(1, ${n}) i;
      INSERT INTO participant_identities (id, user_id, external_identifier, email, updated_at)
        SELECT md5('${tag}-identity-' || i)::uuid, md5('${tag}-user-' || i)::uuid, md5('${tag}-user-' || i)::uuid, '${tag}-' || i || '@example.com', ${now}
          FROM generate_series(1, ${n}) i;
      INSERT INTO participant_profiles (id, participant_identity_id, type, trn, eligible_for_funding, sparsity_uplift, pupil_premium_uplift, updated_at)
        SELECT md5('${tag}-profile-' || i)::uuid, md5('${tag}-identity-' || i)::uuid, 'ect', lpad((1000000 + i)::text, 7, '0'), true,
               i % 7 = 0, i % 14 = 0, ${now}
          FROM generate_series(1, ${n}) i;
      INSERT INTO induction_records (id, participant_profile_id, lead_provider_id, school_id, delivery_partner_id, schedule_id, start_date, updated_at)
        SELECT md5('${tag}-induction-' || i)::uuid, md5('${tag}-profile-' || i)::uuid, ${id("provider")},
               CASE WHEN i % 50 = 0 THEN NULL ELSE md5('${tag}-school-' || (i % 100))::uuid END,
               md5('${tag}-dp-' || (i % 10))::uuid, ${id("schedule")}, '2090-09-01', ${now}
          FROM generate_series(1, ${n}) i;
      INSERT INTO participant_declarations (id, participant_profile_id, user_id, lead_provider_id, cohort_id, delivery_partner_id,
                                            declaration_type, declaration_date, course_identifier, state, sparsity_uplift, pupil_premium_uplift, created_at, updated_at)
        SELECT md5('${tag}-declaration-' || i)::uuid, md5('${tag}-profile-' || i)::uuid, md5('${tag}-user-' || i)::uuid, ${id("provider")}, ${id("cohort")},
               CASE WHEN i % 40 = 0 THEN NULL ELSE md5('${tag}-dp-' || (i % 10))::uuid END,
               'started', timestamp '2090-10-01 09:00' + (i % 600) * interval '1 hour', 'ecf-induction',
               CASE WHEN i % 25 = 0 THEN 'voided' ELSE 'eligible' END::"DeclarationState",
               i % 7 = 0, i % 14 = 0, timestamp '2090-11-01 10:00' + (i % 600) * interval '1 minute', ${now}
          FROM generate_series(1, ${n}) i;
      INSERT INTO statement_line_items (id, statement_id, participant_declaration_id, state, updated_at)
        SELECT md5('${tag}-line-' || i)::uuid, ${id("statement")}, md5('${tag}-declaration-' || i)::uuid,
               CASE WHEN i % 25 = 0 THEN 'voided' ELSE 'eligible' END::"DeclarationState", ${now}
          FROM generate_series(1, ${n}) i;
    `);
  });
  await sql.exec("ANALYZE");
  return { statementId, leadProviderId, cohortId, rows };
}
