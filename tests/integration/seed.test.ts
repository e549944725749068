// The demo seed and the scale generator: they run on an empty migrated database (PostgreSQL and
// PGlite), give the same data every time for the same date, and the data follows the declaration and
// statement rules and DfE's calendar as it stands on that date.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hashApiToken } from "@/lib/auth/api-tokens";
import type { Db } from "@/lib/db/client";
import { contractProblems } from "@/lib/engine/contract-rules";
import { Decimal } from "@/lib/engine/money";
import { listDuplicatePairs, previewMerge } from "@/lib/participants/duplicates";
import { ecfSchedules } from "@/lib/schedules/rules/ecf-schedules";
import { DEMO_API_TOKENS, buildDemo, seedDemo, type SeedSummary } from "@/prisma/seed/demo";
import { withIndexesBuiltAfter } from "@/prisma/seed/bulk-load";
import { seedScale } from "@/prisma/seed/scale";
import { availableKinds, withTestDb } from "./db";
import { DEMO_TODAY } from "./demo-today";

const TODAY = DEMO_TODAY.toISOString().slice(0, 10);
const DEMO = { today: DEMO_TODAY };
const STATES = ["submitted", "eligible", "ineligible", "payable", "voided", "paid", "awaiting_clawback", "clawed_back"];
const REFUNDABLE = "('awaiting_clawback', 'clawed_back')";

/** Each query returns the rows that break a rule (at most a few). */
const INVARIANTS: Record<string, string> = {
  "every non-submitted declaration has exactly one original line item, on an output statement of its provider and cohort": `
    SELECT d.id FROM participant_declarations d
      LEFT JOIN statement_line_items l ON l.participant_declaration_id = d.id AND l.state NOT IN ${REFUNDABLE}
      LEFT JOIN statements s ON s.id = l.statement_id
     WHERE d.state <> 'submitted'
     GROUP BY d.id
    HAVING count(l.id) <> 1
        OR bool_or(NOT s.output_fee OR s.lead_provider_id <> d.lead_provider_id OR s.cohort_id <> d.cohort_id)
     LIMIT 5`,
  "submitted declarations have no line item": `
    SELECT d.id FROM participant_declarations d JOIN statement_line_items l ON l.participant_declaration_id = d.id
     WHERE d.state = 'submitted' LIMIT 5`,
  "the original line item's state follows the declaration and its statement": `
    SELECT d.id, d.state, l.state AS line_state, s.status FROM participant_declarations d
      JOIN statement_line_items l ON l.participant_declaration_id = d.id AND l.state NOT IN ${REFUNDABLE}
      JOIN statements s ON s.id = l.statement_id
     WHERE NOT (
             (d.state IN ('eligible', 'payable', 'paid', 'voided', 'ineligible') AND l.state = d.state)
          OR (d.state IN ${REFUNDABLE} AND l.state = 'paid'))
        OR (l.state = 'paid' AND s.status <> 'paid')
        OR (l.state = 'payable' AND s.status <> 'payable')
        OR (l.state = 'eligible' AND s.status <> 'open')
     LIMIT 5`,
  "awaiting_clawback and clawed_back declarations have one refund line item on a later output statement": `
    SELECT d.id FROM participant_declarations d
      LEFT JOIN statement_line_items r ON r.participant_declaration_id = d.id AND r.state IN ${REFUNDABLE}
      LEFT JOIN statements s2 ON s2.id = r.statement_id
      LEFT JOIN statement_line_items l ON l.participant_declaration_id = d.id AND l.state NOT IN ${REFUNDABLE}
      LEFT JOIN statements s1 ON s1.id = l.statement_id
     WHERE d.state IN ${REFUNDABLE}
     GROUP BY d.id, d.state
    HAVING count(r.id) <> 1
        OR bool_or(r.state::text <> d.state::text OR NOT s2.output_fee OR s2.deadline_date <= s1.deadline_date
                   OR s2.lead_provider_id <> d.lead_provider_id OR s2.cohort_id <> d.cohort_id
                   OR (r.state = 'clawed_back' AND s2.status <> 'paid')
                   OR (r.state = 'awaiting_clawback' AND s2.status = 'paid'))
     LIMIT 5`,
  "only awaiting_clawback and clawed_back declarations have refund line items": `
    SELECT d.id FROM participant_declarations d JOIN statement_line_items r ON r.participant_declaration_id = d.id
     WHERE r.state IN ${REFUNDABLE} AND d.state NOT IN ${REFUNDABLE} LIMIT 5`,
  "a declaration was submitted after the previous output statement's cut-off and on or before its own": `
    SELECT d.id FROM participant_declarations d
      JOIN statement_line_items l ON l.participant_declaration_id = d.id AND l.state NOT IN ${REFUNDABLE}
      JOIN statements s ON s.id = l.statement_id
     WHERE d.created_at::date > s.deadline_date
        OR EXISTS (SELECT 1 FROM statements p
                    WHERE p.lead_provider_id = s.lead_provider_id AND p.cohort_id = s.cohort_id AND p.output_fee
                      AND p.deadline_date < s.deadline_date AND p.deadline_date >= d.created_at::date)
     LIMIT 5`,
  "a clawback went on the output statement open when the declaration was voided": `
    SELECT d.id FROM participant_declarations d
      JOIN statement_line_items r ON r.participant_declaration_id = d.id AND r.state IN ${REFUNDABLE}
      JOIN statements s ON s.id = r.statement_id
     WHERE d.voided_at IS NULL OR d.voided_at::date > s.deadline_date
        OR EXISTS (SELECT 1 FROM statements p
                    WHERE p.lead_provider_id = s.lead_provider_id AND p.cohort_id = s.cohort_id AND p.output_fee
                      AND p.deadline_date < s.deadline_date AND p.deadline_date >= d.voided_at::date)
     LIMIT 5`,
  "every declaration is dated inside its schedule's milestone window, before it was submitted and before today": `
    SELECT d.id, d.declaration_type, d.declaration_date FROM participant_declarations d
     WHERE d.declaration_date > d.created_at OR d.created_at >= '${TODAY}'::timestamp
        OR NOT EXISTS (
          SELECT 1 FROM induction_records ir
            JOIN schedules sc ON sc.id = ir.schedule_id
            JOIN milestones m ON m.schedule_id = sc.id AND m.declaration_type = d.declaration_type
           WHERE ir.participant_profile_id = d.participant_profile_id AND sc.cohort_id = d.cohort_id
             AND d.declaration_date::date >= m.start_date
             AND (m.milestone_date IS NULL OR d.declaration_date::date <= m.milestone_date))
     LIMIT 5`,
  "nothing happened on or after today": `
    SELECT 'declaration' AS what, id FROM participant_declarations
     WHERE greatest(created_at, updated_at, declaration_date, coalesce(voided_at, created_at)) >= '${TODAY}'::timestamp
    UNION ALL SELECT 'line item', id FROM statement_line_items WHERE greatest(created_at, updated_at) >= '${TODAY}'::timestamp
    UNION ALL SELECT 'statement', id FROM statements WHERE greatest(updated_at, coalesce(marked_as_paid_at, updated_at)) >= '${TODAY}'::timestamp
    UNION ALL SELECT 'audit entry', id FROM audit_logs WHERE occurred_at >= '${TODAY}'::timestamp
    UNION ALL SELECT 'induction record', id FROM induction_records
     WHERE greatest(created_at, updated_at, start_date, coalesce(end_date, start_date), coalesce(training_status_date, start_date)) >= '${TODAY}'::timestamp
     LIMIT 5`,
  "withdrawn and deferred participants have no declaration dated on or after the withdrawal or deferral": `
    SELECT d.id FROM participant_declarations d
      JOIN induction_records ir ON ir.participant_profile_id = d.participant_profile_id AND ir.end_date IS NULL
     WHERE ir.training_status <> 'active' AND d.declaration_date >= ir.training_status_date::date
     LIMIT 5`,
  "the course identifier matches the participant type; mentors in mentor-funded cohorts only start and complete": `
    SELECT d.id FROM participant_declarations d
      JOIN participant_profiles p ON p.id = d.participant_profile_id
      JOIN cohorts c ON c.id = d.cohort_id
     WHERE d.course_identifier <> CASE p.type WHEN 'ect' THEN 'ecf-induction' ELSE 'ecf-mentor' END
        OR (p.type = 'mentor' AND c.mentor_funding AND d.declaration_type NOT IN ('started', 'completed'))
        OR (p.type = 'ect' AND d.mentor_user_id IS NULL AND p.mentor_profile_id IS NOT NULL)
     LIMIT 5`,
  "voided declarations record who voided them, when, and an audit entry": `
    SELECT d.id FROM participant_declarations d
     WHERE d.state IN ('voided', 'awaiting_clawback', 'clawed_back')
       AND (d.voided_at IS NULL OR d.voided_by IS NULL
            OR NOT EXISTS (SELECT 1 FROM audit_logs a
                            WHERE a.entity_type = 'declaration' AND a.entity_id = d.id AND a.user_id = d.user_id
                              AND a.action = CASE d.state WHEN 'voided' THEN 'declaration.void' ELSE 'declaration.void_paid' END
                              AND a.after->>'state' = CASE d.state WHEN 'voided' THEN 'voided' ELSE 'awaiting_clawback' END
                              AND a.occurred_at = d.voided_at))
     LIMIT 5`,
  "statement statuses, names and dates follow today and DfE's calendar": `
    SELECT s.id, s.name, s.status FROM statements s JOIN cohorts c ON c.id = s.cohort_id
     WHERE s.status::text <> CASE WHEN s.payment_date < '${TODAY}'::date THEN 'paid'
                                  WHEN s.deadline_date < '${TODAY}'::date THEN 'payable' ELSE 'open' END
        OR (s.status = 'paid') <> (s.marked_as_paid_at IS NOT NULL AND s.marked_as_paid_by = 'finance@example.com')
        OR (s.status = 'paid' AND s.marked_as_paid_at::date <> s.payment_date)
        OR s.name <> trim(to_char(make_date(s.year, s.month, 1), 'Month')) || ' ' || s.year
        OR s.deadline_date <> make_date(s.year, s.month, 1) - 1
        OR s.payment_date <> make_date(s.year, s.month, 25)
        OR make_date(s.year, s.month, 1) NOT BETWEEN make_date(c.start_year, 11, 1) AND make_date(c.start_year + 3, 5, 1)
        OR s.output_fee <> CASE WHEN c.start_year >= 2023 THEN s.year > c.start_year AND s.month IN (1, 4, 8, 10)
                                ELSE (s.year = c.start_year AND s.month = 11) OR (s.year = c.start_year + 1 AND s.month = 6)
                                     OR (s.year > c.start_year AND s.month IN (2, 5, 10)) END
        OR s.service_fee_instalment IS DISTINCT FROM CASE WHEN (s.year - c.start_year) * 12 + s.month - 10 <= 29
                                                          THEN (s.year - c.start_year) * 12 + s.month - 10 END
     LIMIT 5`,
  "every participant profile has an identity, a user and a current induction record": `
    SELECT p.id FROM participant_profiles p
     WHERE NOT EXISTS (SELECT 1 FROM induction_records ir WHERE ir.participant_profile_id = p.id AND ir.end_date IS NULL)
     LIMIT 5`,
};

async function violations(db: Db): Promise<Record<string, unknown[]>> {
  const found: Record<string, unknown[]> = {};
  for (const [rule, sql] of Object.entries(INVARIANTS)) {
    const rows = await db.sql.query(sql);
    if (rows.length > 0) found[rule] = rows;
  }
  return found;
}

const COUNTED_TABLES: Record<string, string> = {
  staffUsers: "staff_users",
  leadProviders: "lead_providers",
  apiTokens: "api_tokens",
  cohorts: "cohorts",
  schedules: "schedules",
  milestones: "milestones",
  callOffContracts: "call_off_contracts",
  participantBands: "participant_bands",
  mentorCallOffContracts: "mentor_call_off_contracts",
  schools: "schools",
  schoolCohorts: "school_cohorts",
  deliveryPartners: "delivery_partners",
  providerRelationships: "provider_relationships",
  partnerships: "partnerships",
  users: "users",
  participantIdentities: "participant_identities",
  participantIdChanges: "participant_id_changes",
  participantProfiles: "participant_profiles",
  inductionRecords: "induction_records",
  statements: "statements",
  participantDeclarations: "participant_declarations",
  statementLineItems: "statement_line_items",
  additionalAdjustments: "additional_adjustments",
  auditLogs: "audit_logs",
};

async function tableCounts(db: Db): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const [key, table] of Object.entries(COUNTED_TABLES)) {
    const [row] = await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}"`);
    counts[key] = row?.n ?? 0;
  }
  return counts;
}

/** A hash of the ids, names and states that must be the same on every run. */
async function fingerprint(db: Db): Promise<string> {
  const parts = [
    await db.sql.query(`SELECT id, state, declaration_type, declaration_date, created_at, voided_at FROM participant_declarations ORDER BY id`),
    await db.sql.query(`SELECT id, statement_id, participant_declaration_id, state FROM statement_line_items ORDER BY id`),
    await db.sql.query(`SELECT id, full_name, email FROM users ORDER BY id`),
    await db.sql.query(`SELECT id, name, status FROM statements ORDER BY id`),
    await db.sql.query(`SELECT id, participant_profile_id, lead_provider_id, training_status FROM induction_records ORDER BY id`),
  ];
  return createHash("sha256").update(JSON.stringify(parts)).digest("hex");
}

async function statesByCohort(db: Db): Promise<Map<number, Set<string>>> {
  const rows = await db.sql.query<{ start_year: number; state: string }>(
    `SELECT DISTINCT c.start_year, d.state::text AS state FROM participant_declarations d JOIN cohorts c ON c.id = d.cohort_id`,
  );
  const map = new Map<number, Set<string>>();
  for (const row of rows) map.set(row.start_year, (map.get(row.start_year) ?? new Set()).add(row.state));
  return map;
}

describe.each(availableKinds())("the demo seed on %s", (kind) => {
  let first: { summary: SeedSummary; fingerprint: string } | null = null;

  it("seeds an empty database with data that follows the rules", async () => {
    await withTestDb(kind, async (db) => {
      const started = performance.now();
      const summary = await seedDemo(db, DEMO);
      console.log(`seedDemo on ${kind}: ${((performance.now() - started) / 1000).toFixed(1)}s`);
      expect(summary.today).toBe(TODAY);
      expect(summary.cohorts).toEqual([2021, 2022, 2023, 2024, 2025, 2026]);

      expect(await tableCounts(db)).toEqual(summary.counts);
      expect(summary.counts.participantDeclarations).toBeGreaterThan(1200);
      expect(await violations(db)).toEqual({});

      // Staff, providers and tokens.
      const staff = await db.prisma.staffUser.findMany({ orderBy: { email: "asc" } });
      expect(staff.map((s) => [s.email, s.name, s.roles])).toEqual([
        ["approver@example.com", "Approver User", ["finance", "approver"]],
        ["finance@example.com", "Finance User", ["finance"]],
        ["viewer@example.com", "Viewer User", []],
      ]);
      const providers = await db.prisma.leadProvider.findMany({ orderBy: { name: "asc" }, include: { apiTokens: true } });
      expect(providers.map((p) => [p.name, p.vatChargeable])).toEqual([
        ["Ambition Institute", true],
        ["Best Practice Network", true],
        ["Teach First", false],
        ["UCL Early Career Teacher Education", true],
      ]);
      for (const provider of providers) {
        expect(provider.apiTokens.map((t) => t.hashedToken)).toEqual([hashApiToken(DEMO_API_TOKENS[provider.name] as string)]);
      }
      expect(summary.tokens["Ambition Institute"]).toBe("demo-token-ambition-institute");

      // Cohorts: 2021 (frozen) to the current one; mentor funding from 2025.
      const cohorts = await db.prisma.cohort.findMany({ orderBy: { startYear: "asc" } });
      expect(cohorts.map((c) => [c.startYear, c.mentorFunding, c.paymentsFrozenAt?.toISOString() ?? null])).toEqual([
        [2021, false, "2024-04-03T00:00:00.000Z"],
        [2022, false, null],
        [2023, false, null],
        [2024, false, null],
        [2025, true, null],
        [2026, true, null],
      ]);

      // Every cohort has DfE's twelve schedules, stored as ecfSchedules makes them (no end on the
      // extended, reduced and replacement milestones).
      for (const cohort of cohorts) {
        const stored = await db.prisma.schedule.findMany({
          where: { cohortId: cohort.id },
          include: { milestones: true },
          orderBy: { identifier: "asc" },
        });
        const expected = ecfSchedules(cohort.startYear).sort((a, b) => a.identifier.localeCompare(b.identifier));
        expect(
          stored.map((s) => ({
            identifier: s.identifier,
            name: s.name,
            milestones: s.milestones
              .map((m) => [m.declarationType, m.name, m.startDate.toISOString(), m.milestoneDate?.toISOString() ?? null, m.paymentDate?.toISOString()])
              .sort(),
          })),
          `cohort ${cohort.startYear}`,
        ).toEqual(
          expected.map((s) => ({
            identifier: s.identifier,
            name: s.name,
            milestones: s.milestones
              .map((m) => [m.declarationType, m.name, m.startDate.toISOString(), m.milestoneDate?.toISOString() ?? null, m.paymentDate.toISOString()])
              .sort(),
          })),
        );
      }

      // Contracts: from 2025 no uplift and three ECT bands; a Band D pays 100% output and no service fee;
      // every one passes the calculator's cohort rules.
      const contracts = await db.prisma.callOffContract.findMany({ include: { cohort: true, leadProvider: true, bands: true } });
      expect(contracts).toHaveLength(6 * 4);
      for (const contract of contracts) {
        const label = `${contract.leadProvider.name} ${contract.cohort.startYear}`;
        const bands = [...contract.bands].sort((a, b) => (a.min ?? 0) - (b.min ?? 0));
        expect(
          contractProblems({ mentorFunding: contract.cohort.mentorFunding, upliftAmount: contract.upliftAmount && new Decimal(contract.upliftAmount.toString()), bands }),
          label,
        ).toEqual([]);
        if (contract.cohort.startYear >= 2025) {
          expect([contract.upliftAmount, bands.length], label).toEqual([null, 3]);
        }
        expect(
          bands.map((b) => [b.outputPaymentPercentage, b.serviceFeePercentage]),
          label,
        ).toEqual(bands.map((_, i) => (i === 3 ? [100, 0] : [60, 40])));
      }
      expect(contracts.some((c) => c.bands.length === 4)).toBe(true);
      const teachFirst = providers.find((p) => p.name === "Teach First");
      expect(teachFirst?.vatChargeable).toBe(false);

      // Every provider and cohort: 31 statements, November of the cohort's year to May three years on,
      // service-fee instalments 1 to 29 once each.
      const calendars = await db.sql.query<{ name: string; start_year: number; n: number; first: string; last: string; instalments: number[] }>(
        `SELECT lp.name, c.start_year, count(s.id)::int AS n,
                (array_agg(s.name ORDER BY s.year, s.month))[1] AS first, (array_agg(s.name ORDER BY s.year DESC, s.month DESC))[1] AS last,
                array_agg(s.service_fee_instalment ORDER BY s.service_fee_instalment) FILTER (WHERE s.service_fee_instalment IS NOT NULL) AS instalments
           FROM lead_providers lp CROSS JOIN cohorts c JOIN statements s ON s.lead_provider_id = lp.id AND s.cohort_id = c.id
          GROUP BY lp.name, c.start_year`,
      );
      expect(calendars).toHaveLength(6 * 4);
      for (const row of calendars) {
        expect([row.n, row.first, row.last, row.instalments], `${row.name} ${row.start_year}`).toEqual([
          31,
          `November ${row.start_year}`,
          `May ${row.start_year + 3}`,
          Array.from({ length: 29 }, (_, i) => i + 1),
        ]);
      }

      // Every state where it makes sense: the closed cohorts (every statement paid) have paid, voided,
      // clawed-back and ineligible declarations; 2024 and 2025 every state; the current cohort (nothing
      // paid yet) the states of an open statement.
      const states = await statesByCohort(db);
      for (const year of [2021, 2022, 2023]) {
        expect([...(states.get(year) ?? [])].sort(), `${year}`).toEqual(expect.arrayContaining(["clawed_back", "ineligible", "paid", "voided"]));
      }
      expect([...(states.get(2024) ?? [])].sort()).toEqual([...STATES].sort());
      expect([...(states.get(2025) ?? [])].sort()).toEqual([...STATES].sort());
      expect([...(states.get(2026) ?? [])].sort()).toEqual(["eligible", "ineligible", "submitted", "voided"]);
      const statuses = await db.sql.query<{ start_year: number; statuses: string[] }>(
        `SELECT c.start_year, array_agg(DISTINCT s.status::text ORDER BY s.status::text) AS statuses
           FROM statements s JOIN cohorts c ON c.id = s.cohort_id GROUP BY c.start_year ORDER BY 1`,
      );
      expect(statuses.map((s) => [s.start_year, s.statuses])).toEqual([
        [2021, ["paid"]],
        [2022, ["paid"]],
        [2023, ["paid"]],
        [2024, ["open", "paid", "payable"]],
        [2025, ["open", "paid", "payable"]],
        [2026, ["open"]],
      ]);

      // For 2024 and 2025, each provider: October 2026 (payable) and January 2027 (open) are its
      // current output statements, and they carry money, voids and clawbacks.
      expect(Object.keys(summary.examples.payableStatements).sort()).toEqual(
        providers.flatMap((p) => [`${p.name} 2024`, `${p.name} 2025`]).sort(),
      );
      expect(Object.keys(summary.examples.openOutputStatements).sort()).toEqual(
        providers.flatMap((p) => [`${p.name} 2024`, `${p.name} 2025`, `${p.name} 2026`]).sort(),
      );
      const named = await db.sql.query<{ id: string; name: string; status: string }>(`SELECT id::text, name, status::text FROM statements`);
      const nameOf = new Map(named.map((s) => [s.id, `${s.name} ${s.status}`]));
      for (const id of Object.values(summary.examples.payableStatements)) expect(nameOf.get(id)).toBe("October 2026 payable");
      for (const id of Object.values(summary.examples.openOutputStatements)) expect(nameOf.get(id)).toBe("January 2027 open");
      const current = await db.sql.query<{ name: string; start_year: number; status: string; states: string[] }>(
        `SELECT lp.name, c.start_year, s.status::text AS status, array_agg(DISTINCT l.state::text ORDER BY l.state::text) AS states
           FROM statements s
           JOIN lead_providers lp ON lp.id = s.lead_provider_id
           JOIN cohorts c ON c.id = s.cohort_id
           JOIN statement_line_items l ON l.statement_id = s.id
          WHERE c.start_year IN (2024, 2025) AND s.output_fee
            AND (s.status = 'payable' OR s.id IN (SELECT DISTINCT ON (lead_provider_id, cohort_id) id FROM statements
                                                   WHERE status = 'open' AND output_fee
                                                   ORDER BY lead_provider_id, cohort_id, deadline_date))
          GROUP BY lp.name, c.start_year, s.status`,
      );
      expect(current).toHaveLength(16);
      for (const row of current) {
        const needed = row.status === "open" ? ["eligible", "voided", "awaiting_clawback"] : ["payable", "voided", "awaiting_clawback"];
        expect(row.states, `${row.name} ${row.start_year} ${row.status}`).toEqual(expect.arrayContaining(needed));
      }

      // Uplift: started declarations with uplift on paid, payable and open statements, and a clawed-back one.
      const uplift = await db.sql.query<{ state: string }>(
        `SELECT DISTINCT l.state::text AS state FROM participant_declarations d
           JOIN statement_line_items l ON l.participant_declaration_id = d.id
          WHERE d.declaration_type = 'started' AND (d.sparsity_uplift OR d.pupil_premium_uplift)`,
      );
      expect(uplift.map((u) => u.state)).toEqual(expect.arrayContaining(["paid", "payable", "eligible", "clawed_back", "awaiting_clawback"]));

      // The small-bands contract gets more billable started declarations than its bands hold (70).
      const [small] = await db.sql.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM participant_declarations d
           JOIN call_off_contracts k ON k.lead_provider_id = d.lead_provider_id AND k.cohort_id = d.cohort_id
          WHERE k.id = $1 AND d.declaration_type = 'started' AND d.state IN ('eligible', 'payable', 'paid')`,
        [summary.examples.smallBandsContractId],
      );
      expect(small?.n).toBeGreaterThan(70);

      // The named examples exist and are what they say.
      const example = summary.examples.participants;
      const stateOf = async (userId: string | undefined) =>
        (await db.sql.query<{ state: string }>(`SELECT DISTINCT state::text AS state FROM participant_declarations WHERE user_id = $1`, [userId])).map(
          (r) => r.state,
        );
      expect(await stateOf(example.awaitingClawbackOnOpenStatement)).toContain("awaiting_clawback");
      expect(await stateOf(example.clawedBack)).toContain("clawed_back");
      expect(await stateOf(example.voidedOnOpenStatement)).toContain("voided");
      expect(await stateOf(example.ineligible)).toEqual(["ineligible"]);
      expect(await stateOf(example.submitted)).toEqual(["submitted"]);
      expect(await stateOf(example.paid)).toEqual(["paid"]);
      const transfers = await db.sql.query<{ providers: number; schools: number; records: number }>(
        `SELECT count(DISTINCT ir.lead_provider_id)::int AS providers, count(DISTINCT ir.school_id)::int AS schools, count(*)::int AS records
           FROM induction_records ir JOIN participant_profiles p ON p.id = ir.participant_profile_id
           JOIN participant_identities i ON i.id = p.participant_identity_id
          WHERE i.user_id = ANY($1::uuid[]) GROUP BY i.user_id ORDER BY 1 DESC`,
        [[example.transferredToAnotherProvider, example.transferredSchoolSameProvider]],
      );
      expect(transfers).toEqual([
        { providers: 2, schools: 2, records: 2 },
        { providers: 1, schools: 2, records: 2 },
      ]);
      const [twoProfiles] = await db.sql.query<{ types: string[] }>(
        `SELECT array_agg(p.type::text ORDER BY p.type) AS types FROM participant_profiles p
           JOIN participant_identities i ON i.id = p.participant_identity_id WHERE i.user_id = $1`,
        [example.ectWhoLaterMentors],
      );
      expect(twoProfiles?.types).toEqual(["ect", "mentor"]);
      const [idChanges] = await db.sql.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM participant_id_changes c
           JOIN participant_identities i ON i.external_identifier = c.from_participant_id AND i.user_id = c.to_participant_id`,
      );
      expect(idChanges?.n).toBe(summary.counts.participantIdChanges);
      // A participant of the frozen cohort with unfinished training: three paid declarations, still training.
      const [unfinished] = await db.sql.query<{ start_year: number; states: string[]; training: string[] }>(
        `SELECT c.start_year, array_agg(d.state::text) AS states,
                (SELECT array_agg(ir.training_status::text) FROM induction_records ir WHERE ir.participant_profile_id = d.participant_profile_id) AS training
           FROM participant_declarations d JOIN cohorts c ON c.id = d.cohort_id WHERE d.user_id = $1 GROUP BY c.start_year, d.participant_profile_id`,
        [example.unfinishedInFrozenCohort],
      );
      expect(unfinished).toEqual({ start_year: 2021, states: ["paid", "paid", "paid"], training: ["active"] });

      // Participants without declarations, for a provider to try every call: in the current and the
      // previous cohort, for every provider, ECTs and mentors, eligible or not yet known, on the standard
      // September schedule, and an ECT on the extended one; all training.
      const fresh = summary.examples.freshParticipants;
      const variants = ["ect eligible", "ect unknown", "mentor eligible", "mentor unknown", "ect eligible extended"];
      expect(Object.keys(fresh).sort()).toEqual(providers.flatMap((p) => [2025, 2026].flatMap((year) => variants.map((v) => `${p.name} ${year} ${v}`))).sort());
      const freshRows = await db.sql.query<{ user_id: string; provider: string; start_year: number; type: string; eligible: boolean | null; schedule: string; training: string; declarations: number }>(
        `SELECT i.user_id::text, lp.name AS provider, c.start_year, p.type::text, p.eligible_for_funding AS eligible, sc.identifier AS schedule,
                ir.training_status::text AS training,
                (SELECT count(*)::int FROM participant_declarations d WHERE d.participant_profile_id = p.id) AS declarations
           FROM participant_profiles p JOIN participant_identities i ON i.id = p.participant_identity_id
           JOIN induction_records ir ON ir.participant_profile_id = p.id AND ir.end_date IS NULL
           JOIN lead_providers lp ON lp.id = ir.lead_provider_id
           JOIN schedules sc ON sc.id = ir.schedule_id JOIN cohorts c ON c.id = sc.cohort_id
          WHERE i.user_id = ANY($1::uuid[])`,
        [Object.values(fresh)],
      );
      const freshByUser = new Map(freshRows.map((r) => [r.user_id, r]));
      for (const [key, userId] of Object.entries(fresh)) {
        const [, year, type, eligibility, extended] = /^.* (\d{4}) (ect|mentor) (eligible|unknown)( extended)?$/.exec(key) ?? [];
        expect(freshByUser.get(userId), key).toEqual({
          user_id: userId,
          provider: key.slice(0, key.indexOf(` ${year} `)),
          start_year: Number(year),
          type,
          eligible: eligibility === "eligible" ? true : null,
          schedule: extended ? "ecf-extended-september" : "ecf-standard-september",
          training: "active",
          declarations: 0,
        });
      }

      // Three pairs of duplicate records, each found by the duplicates list for its reason; merging the
      // TRN pair and the name-and-school pair makes a duplicate declaration.
      const pairs = summary.examples.duplicatePairs;
      expect(Object.keys(pairs).sort()).toEqual(["email", "nameAndSchool", "trn"]);
      const listed = await listDuplicatePairs(db.prisma, { skip: 0, take: 100 });
      const reasonsOf = (a: string, b: string) =>
        listed.pairs.find((p) => [p.first.userId, p.second.userId].sort().join() === [a, b].sort().join())?.reasons ?? [];
      expect(reasonsOf(...(pairs.trn as [string, string]))).toContain("trn");
      expect(reasonsOf(...(pairs.email as [string, string]))).toContain("email");
      expect(reasonsOf(...(pairs.nameAndSchool as [string, string]))).toContain("name_school");
      for (const key of ["trn", "nameAndSchool"] as const) {
        const [kept, retired] = pairs[key] as [string, string];
        expect((await previewMerge(db.prisma, kept, retired, DEMO_TODAY))?.duplicates, key).toHaveLength(1);
      }

      // It refuses to seed twice.
      await expect(seedDemo(db, DEMO)).rejects.toThrow(/empty database/);

      first = { summary, fingerprint: await fingerprint(db) };
    });
  });

  it("gives the same ids, names and states on a second database", async () => {
    expect(first, "the first test seeds the reference database").not.toBeNull();
    await withTestDb(kind, async (db) => {
      const summary = await seedDemo(db, DEMO);
      expect(summary.counts).toEqual(first?.summary.counts);
      expect(summary.examples).toEqual(first?.summary.examples);
      expect(await fingerprint(db)).toBe(first?.fingerprint);
    });
  });
});

describe("the demo on other dates", () => {
  it.each([
    ["2026-03-01", 2025],
    ["2026-05-31", 2025],
    ["2026-06-01", 2026],
    ["2026-12-06", 2026],
    ["2027-01-20", 2026],
  ])("builds around %s: cohorts 2021 to %i, statuses from that date, nothing on or after it", (date, current) => {
    const today = new Date(`${date}T00:00:00.000Z`);
    const build = buildDemo({ today });
    expect(build.cohorts).toEqual(Array.from({ length: current - 2020 }, (_, i) => 2021 + i));
    const todayMs = today.getTime();
    for (const s of build.rows.statements) {
      const paymentMs = s.paymentDate * 86_400_000;
      const deadlineMs = s.deadlineDate * 86_400_000;
      expect(s.status, s.name).toBe(paymentMs < todayMs ? "paid" : deadlineMs < todayMs ? "payable" : "open");
    }
    const latest = Math.max(...build.rows.participantDeclarations.flatMap((d) => [d.createdAt, d.updatedAt, d.voidedAt ?? 0]));
    expect(latest).toBeLessThan(todayMs);
    expect(Object.keys(build.examples.freshParticipants)).toHaveLength(4 * 2 * 5);
    expect(Object.keys(build.examples.freshParticipants).every((k) => k.includes(` ${current} `) || k.includes(` ${current - 1} `))).toBe(true);
  });
});

describe("the invariant checks", () => {
  it("catch broken data", async () => {
    await withTestDb("pglite", async (db) => {
      await seedDemo(db, DEMO);
      const one = async (sql: string) => ((await db.sql.query<{ id: string }>(`${sql} LIMIT 1`))[0] as { id: string }).id;
      const paidLine = await one(`SELECT id FROM statement_line_items WHERE state = 'paid'`);
      // On a standard schedule (the others' milestones have no end): 200 days earlier is outside the window.
      const dated = await one(
        `SELECT d.id FROM participant_declarations d JOIN induction_records ir ON ir.participant_profile_id = d.participant_profile_id
           JOIN schedules sc ON sc.id = ir.schedule_id
          WHERE d.declaration_type = 'retained-2' AND d.state = 'paid' AND sc.identifier LIKE 'ecf-standard-%' ORDER BY d.id`,
      );
      const refund = await one(`SELECT id FROM statement_line_items WHERE state = 'clawed_back'`);
      const statement = await one(`SELECT id FROM statements WHERE status = 'paid'`);
      // The last submitted: 90 days later is after its statement's cut-off (31 December 2026) and after today.
      const late = await one(`SELECT id FROM participant_declarations WHERE state = 'eligible' ORDER BY created_at DESC`);
      // Broken data the app could not write: a paid statement's line items are final in the database.
      await db.sql.exec(`ALTER TABLE statement_line_items DISABLE TRIGGER statement_line_items_paid_final_update`);
      await db.sql.exec(`ALTER TABLE statement_line_items DISABLE TRIGGER statement_line_items_paid_final_delete`);
      await db.sql.query(`UPDATE statement_line_items SET state = 'eligible' WHERE id = $1`, [paidLine]);
      await db.sql.query(`UPDATE participant_declarations SET declaration_date = declaration_date - interval '200 days' WHERE id = $1`, [dated]);
      await db.sql.query(`DELETE FROM statement_line_items WHERE id = $1`, [refund]);
      await db.sql.query(`UPDATE statements SET status = 'open' WHERE id = $1`, [statement]);
      await db.sql.query(`UPDATE participant_declarations SET created_at = created_at + interval '90 days' WHERE id = $1`, [late]);
      expect(Object.keys(await violations(db)).sort()).toEqual(
        [
          "the original line item's state follows the declaration and its statement",
          "every declaration is dated inside its schedule's milestone window, before it was submitted and before today",
          "nothing happened on or after today",
          "awaiting_clawback and clawed_back declarations have one refund line item on a later output statement",
          "statement statuses, names and dates follow today and DfE's calendar",
          "a declaration was submitted after the previous output statement's cut-off and on or before its own",
        ].sort(),
      );
    });
  });
});

describe("the scale generator without the demo data", () => {
  it("creates its own cohorts and schedules (pglite)", async () => {
    await withTestDb("pglite", async (db) => {
      const summary = await seedScale(db, { declarations: 3_000, providers: 2, today: DEMO_TODAY });
      expect(await tableCounts(db)).toEqual(summary.counts);
      expect(summary.counts.cohorts).toBe(2);
      expect(summary.counts.schedules).toBe(2 * 12);
      expect(summary.counts.participantDeclarations).toBe(3_000);
      expect(summary.counts.statements).toBe(2 * 2 * 31);
      expect(await violations(db)).toEqual({});
    });
  });

  it("refuses bad options", async () => {
    await withTestDb("pglite", async (db) => {
      await expect(seedScale(db, { declarations: 0, today: DEMO_TODAY })).rejects.toThrow(/declarations must be a whole number/);
      await expect(seedScale(db, { declarations: 10, providers: 1.5, today: DEMO_TODAY })).rejects.toThrow(/providers must be a whole number/);
    });
  });
});

describe.skipIf(!availableKinds().includes("postgres"))("the scale generator on postgres", () => {
  it("adds exactly the declarations asked for, following the same rules, quickly", { timeout: 300_000 }, async () => {
    await withTestDb("postgres", async (db) => {
      const demo = await seedDemo(db, DEMO);
      const before = await tableCounts(db);
      const messages: string[] = [];
      const summary = await seedScale(db, { declarations: 20_000, providers: 5, today: DEMO_TODAY, log: (m) => messages.push(m) });
      console.log(`seedScale(20,000 declarations, 5 providers) on postgres: ${summary.seconds.toFixed(1)}s`);
      console.log(`largest statement: ${JSON.stringify(summary.largestStatement)}`);

      const after = await tableCounts(db);
      for (const [table, count] of Object.entries(after)) {
        expect(count - (before[table] ?? 0), table).toBe(summary.counts[table as keyof typeof summary.counts]);
      }
      expect(summary.counts.participantDeclarations).toBe(20_000);
      expect(summary.counts.leadProviders).toBe(5);
      expect(summary.counts.cohorts).toBe(0);
      expect(summary.counts.statements).toBe(5 * 2 * 31);
      expect(summary.counts.users).toBeGreaterThan(3_000);
      expect(summary.providers).toEqual(["Scale Provider 01", "Scale Provider 02", "Scale Provider 03", "Scale Provider 04", "Scale Provider 05"]);
      expect(messages.length).toBeGreaterThan(2);

      // About a tenth of the declarations land on one statement (≈100k for a million).
      expect(summary.largestStatement?.lineItems).toBeGreaterThan(1_600);
      const [largest] = await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM statement_line_items WHERE statement_id = $1`, [
        summary.largestStatement?.id,
      ]);
      expect(largest?.n).toBe(summary.largestStatement?.lineItems);

      expect(await violations(db)).toEqual({});
      const states = await statesByCohort(db);
      expect([...(states.get(2024) ?? [])].sort()).toEqual([...STATES].sort());

      // Unique, searchable people.
      const [people] = await db.sql.query<{ emails: number; users: number; bad_trns: number }>(
        `SELECT count(DISTINCT email)::int AS emails, count(*)::int AS users,
                (SELECT count(*)::int FROM participant_profiles WHERE trn IS NOT NULL AND trn !~ '^[0-9]{7}$') AS bad_trns
           FROM users`,
      );
      expect(people?.emails).toBe(people?.users);
      expect(people?.bad_trns).toBe(0);

      // A second run stacks on top with new providers.
      const again = await seedScale(db, { declarations: 1_000, providers: 1, today: DEMO_TODAY });
      expect(again.providers).toEqual(["Scale Provider 06"]);
      expect(again.counts.participantDeclarations).toBe(1_000);
      expect(demo.counts.staffUsers).toBe(3);
    });
  });
});

/** Every index and constraint of the schema, as the catalogue defines it. */
async function schemaObjects(db: Db): Promise<string[]> {
  const rows = await db.sql.query<{ line: string }>(
    `SELECT 'index ' || indexname || ': ' || indexdef AS line FROM pg_indexes WHERE schemaname = current_schema()
     UNION ALL
     SELECT 'constraint ' || conrelid::regclass::text || '.' || conname || (CASE WHEN convalidated THEN '' ELSE ' (not valid)' END) || ': ' || pg_get_constraintdef(oid)
       FROM pg_constraint WHERE connamespace = current_schema()::regnamespace
     ORDER BY 1`,
  );
  return rows.map((r) => r.line);
}

describe.each(availableKinds())("the scale generator's bulk load (%s)", (kind) => {
  it("builds the indexes and checks the foreign keys after the load, leaving the schema as it was", { timeout: 300_000 }, async () => {
    await withTestDb(kind, async (db) => {
      await seedDemo(db, DEMO);
      const schema = await schemaObjects(db);
      expect(schema.some((line) => line.includes("statement_line_items_statement_id_participant_name_idx"))).toBe(true);
      expect(schema.filter((line) => line.includes("FOREIGN KEY")).length).toBeGreaterThan(20);
      const before = await tableCounts(db);
      const messages: string[] = [];
      const summary = await seedScale(db, { declarations: 4_000, providers: 2, today: DEMO_TODAY, bulk: true, log: (m) => messages.push(m) });

      expect(await schemaObjects(db)).toEqual(schema);
      expect(messages.some((m) => /^Bulk load: [1-9]\d* indexes and [1-9]\d* foreign keys set aside/.test(m))).toBe(true);
      const after = await tableCounts(db);
      for (const [table, count] of Object.entries(after)) {
        expect(count - (before[table] ?? 0), table).toBe(summary.counts[table as keyof typeof summary.counts]);
      }
      expect(summary.counts.participantDeclarations).toBe(4_000);
      expect(await violations(db)).toEqual({});
      // The names the line items carry are their participants' (the triggers ran during the load).
      const [wrong] = await db.sql.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM statement_line_items li JOIN participant_declarations d ON d.id = li.participant_declaration_id
           JOIN users u ON u.id = d.user_id WHERE li.participant_name IS DISTINCT FROM u.full_name`,
      );
      expect(wrong?.n).toBe(0);
    });
  });

  it("puts the indexes and keys back when the load fails, and names a key that a loaded row breaks", { timeout: 120_000 }, async () => {
    await withTestDb(kind, async (db) => {
      const schema = await schemaObjects(db);
      const tables = ["users", "participant_identities", "statement_line_items"];
      await expect(
        withIndexesBuiltAfter(db, tables, async () => {
          throw new Error("The load broke.");
        }, () => undefined),
      ).rejects.toThrow("The load broke.");
      expect(await schemaObjects(db)).toEqual(schema);

      const orphan = "0b5f0d8e-8a43-4d4e-9f6e-3c1d2b7a9e01";
      await expect(
        withIndexesBuiltAfter(
          db,
          tables,
          () => db.sql.exec(`INSERT INTO participant_identities (id, user_id, external_identifier, email, updated_at) VALUES (gen_random_uuid(), '${orphan}', gen_random_uuid(), 'orphan@example.com', now())`),
          () => undefined,
        ),
      ).rejects.toThrow(/breaks? the foreign key participant_identities_user_id_fkey on participant_identities/);
      // Every index is back; the broken key is back too, enforced for new rows, and marked not valid.
      const now = await schemaObjects(db);
      expect(now.filter((line) => line.startsWith("index "))).toEqual(schema.filter((line) => line.startsWith("index ")));
      expect(now.find((line) => line.includes("participant_identities.participant_identities_user_id_fkey"))).toMatch(/\(not valid\): FOREIGN KEY \(user_id\) REFERENCES users\(id\)/);
      await expect(
        db.sql.exec(`INSERT INTO participant_identities (id, user_id, external_identifier, email, updated_at) VALUES (gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), 'another@example.com', now())`),
      ).rejects.toThrow(/foreign key/);
    });
  });
});
