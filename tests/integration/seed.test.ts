// The demo seed and the scale generator: they run on an empty migrated database (PostgreSQL and
// PGlite), give the same data every time, and the data follows the declaration and statement rules.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hashApiToken } from "@/lib/auth/api-tokens";
import type { Db } from "@/lib/db/client";
import { DEMO_API_TOKENS, SEED_TODAY, seedDemo, type SeedSummary } from "@/prisma/seed/demo";
import { seedScale } from "@/prisma/seed/scale";
import { availableKinds, withTestDb } from "./db";

const TODAY = SEED_TODAY.toISOString().slice(0, 10);
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
  "every declaration is dated inside its schedule's milestone window, before it was submitted and before SEED_TODAY": `
    SELECT d.id, d.declaration_type, d.declaration_date FROM participant_declarations d
     WHERE d.declaration_date > d.created_at OR d.created_at >= '${TODAY}'::timestamp
        OR NOT EXISTS (
          SELECT 1 FROM induction_records ir
            JOIN schedules sc ON sc.id = ir.schedule_id
            JOIN milestones m ON m.schedule_id = sc.id AND m.declaration_type = d.declaration_type
           WHERE ir.participant_profile_id = d.participant_profile_id AND sc.cohort_id = d.cohort_id
             AND d.declaration_date::date BETWEEN m.start_date AND m.milestone_date)
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
  "statement statuses, names and dates follow SEED_TODAY and the monthly rules": `
    SELECT s.id, s.name, s.status FROM statements s
     WHERE s.status::text <> CASE WHEN s.payment_date < date_trunc('month', '${TODAY}'::date) THEN 'paid'
                                  WHEN s.deadline_date < '${TODAY}'::date THEN 'payable' ELSE 'open' END
        OR (s.status = 'paid') <> (s.marked_as_paid_at IS NOT NULL AND s.marked_as_paid_by = 'finance@example.com')
        OR (s.status = 'paid' AND s.marked_as_paid_at::date <> s.payment_date)
        OR s.name <> trim(to_char(make_date(s.year, s.month, 1), 'Month')) || ' ' || s.year
        OR s.deadline_date <> make_date(s.year, s.month, 1) - 1
        OR s.payment_date <> make_date(s.year, s.month, 25)
        OR s.output_fee = (s.month IN (3, 6, 9, 12))
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
      const summary = await seedDemo(db);
      console.log(`seedDemo on ${kind}: ${((performance.now() - started) / 1000).toFixed(1)}s`);

      expect(await tableCounts(db)).toEqual(summary.counts);
      expect(summary.counts.participantDeclarations).toBeGreaterThan(1200);
      expect(await violations(db)).toEqual({});

      // Staff, providers and tokens.
      const staff = await db.prisma.staffUser.findMany({ orderBy: { email: "asc" } });
      expect(staff.map((s) => [s.email, s.name, s.roles])).toEqual([
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

      // Cohorts.
      const cohorts = await db.prisma.cohort.findMany({ orderBy: { startYear: "asc" } });
      expect(cohorts.map((c) => [c.startYear, c.mentorFunding, c.paymentsFrozenAt !== null])).toEqual([
        [2023, false, true],
        [2024, false, false],
        [2025, true, false],
      ]);

      // Every state where it makes sense.
      const states = await statesByCohort(db);
      expect([...(states.get(2023) ?? [])].sort()).toEqual(expect.arrayContaining(["clawed_back", "ineligible", "paid", "voided"]));
      expect([...(states.get(2024) ?? [])].sort()).toEqual([...STATES].sort());
      expect([...(states.get(2025) ?? [])].sort()).toEqual([...STATES].sort());
      const statuses2023 = await db.sql.query<{ status: string }>(
        `SELECT DISTINCT s.status::text AS status FROM statements s JOIN cohorts c ON c.id = s.cohort_id WHERE c.start_year = 2023`,
      );
      expect(statuses2023.map((s) => s.status)).toEqual(["paid"]);

      // For 2024 and 2025, each provider: an open output statement with a cut-off after 2029, and the current
      // open and payable statements carry money, voids and clawbacks.
      const far = await db.sql.query<{ name: string; start_year: number; n: number }>(
        `SELECT lp.name, c.start_year, count(s.id)::int AS n
           FROM lead_providers lp CROSS JOIN cohorts c
           LEFT JOIN statements s ON s.lead_provider_id = lp.id AND s.cohort_id = c.id AND s.output_fee
                                 AND s.status = 'open' AND s.deadline_date > '2029-12-31'
          WHERE c.start_year IN (2024, 2025) GROUP BY lp.name, c.start_year`,
      );
      expect(far).toHaveLength(8);
      for (const row of far) expect(row.n, `${row.name} ${row.start_year}`).toBeGreaterThan(0);
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

      // It refuses to seed twice.
      await expect(seedDemo(db)).rejects.toThrow(/empty database/);

      first = { summary, fingerprint: await fingerprint(db) };
    });
  });

  it("gives the same ids, names and states on a second database", async () => {
    expect(first, "the first test seeds the reference database").not.toBeNull();
    await withTestDb(kind, async (db) => {
      const summary = await seedDemo(db);
      expect(summary.counts).toEqual(first?.summary.counts);
      expect(summary.examples).toEqual(first?.summary.examples);
      expect(await fingerprint(db)).toBe(first?.fingerprint);
    });
  });
});

describe("the invariant checks", () => {
  it("catch broken data", async () => {
    await withTestDb("pglite", async (db) => {
      await seedDemo(db);
      const one = async (sql: string) => ((await db.sql.query<{ id: string }>(`${sql} LIMIT 1`))[0] as { id: string }).id;
      const paidLine = await one(`SELECT id FROM statement_line_items WHERE state = 'paid'`);
      const dated = await one(`SELECT id FROM participant_declarations WHERE declaration_type = 'retained-2' AND state = 'paid'`);
      const refund = await one(`SELECT id FROM statement_line_items WHERE state = 'clawed_back'`);
      const statement = await one(`SELECT id FROM statements WHERE status = 'paid'`);
      const late = await one(`SELECT id FROM participant_declarations WHERE state = 'eligible'`);
      await db.sql.query(`UPDATE statement_line_items SET state = 'eligible' WHERE id = $1`, [paidLine]);
      await db.sql.query(`UPDATE participant_declarations SET declaration_date = declaration_date - interval '200 days' WHERE id = $1`, [dated]);
      await db.sql.query(`DELETE FROM statement_line_items WHERE id = $1`, [refund]);
      await db.sql.query(`UPDATE statements SET status = 'open' WHERE id = $1`, [statement]);
      await db.sql.query(`UPDATE participant_declarations SET created_at = created_at + interval '90 days' WHERE id = $1`, [late]);
      expect(Object.keys(await violations(db)).sort()).toEqual(
        [
          "the original line item's state follows the declaration and its statement",
          "every declaration is dated inside its schedule's milestone window, before it was submitted and before SEED_TODAY",
          "awaiting_clawback and clawed_back declarations have one refund line item on a later output statement",
          "statement statuses, names and dates follow SEED_TODAY and the monthly rules",
          "a declaration was submitted after the previous output statement's cut-off and on or before its own",
        ].sort(),
      );
    });
  });
});

describe("the scale generator without the demo data", () => {
  it("creates its own cohorts and schedules (pglite)", async () => {
    await withTestDb("pglite", async (db) => {
      const summary = await seedScale(db, { declarations: 3_000, providers: 2, statementsPerProviderCohort: 30 });
      expect(await tableCounts(db)).toEqual(summary.counts);
      expect(summary.counts.cohorts).toBe(2);
      expect(summary.counts.participantDeclarations).toBe(3_000);
      expect(summary.counts.statements).toBe(2 * 2 * 30);
      expect(await violations(db)).toEqual({});
    });
  });

  it("refuses bad options", async () => {
    await withTestDb("pglite", async (db) => {
      await expect(seedScale(db, { declarations: 0 })).rejects.toThrow(/declarations must be a whole number/);
      await expect(seedScale(db, { declarations: 10, providers: 1.5 })).rejects.toThrow(/providers must be a whole number/);
    });
  });
});

describe.skipIf(!availableKinds().includes("postgres"))("the scale generator on postgres", () => {
  it("adds exactly the declarations asked for, following the same rules, quickly", { timeout: 300_000 }, async () => {
    await withTestDb("postgres", async (db) => {
      const demo = await seedDemo(db);
      const before = await tableCounts(db);
      const messages: string[] = [];
      const summary = await seedScale(db, { declarations: 20_000, providers: 5, log: (m) => messages.push(m) });
      console.log(`seedScale(20,000 declarations, 5 providers) on postgres: ${summary.seconds.toFixed(1)}s`);
      console.log(`largest statement: ${JSON.stringify(summary.largestStatement)}`);

      const after = await tableCounts(db);
      for (const [table, count] of Object.entries(after)) {
        expect(count - (before[table] ?? 0), table).toBe(summary.counts[table as keyof typeof summary.counts]);
      }
      expect(summary.counts.participantDeclarations).toBe(20_000);
      expect(summary.counts.leadProviders).toBe(5);
      expect(summary.counts.statements).toBe(5 * 2 * 36);
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
      const again = await seedScale(db, { declarations: 1_000, providers: 1 });
      expect(again.providers).toEqual(["Scale Provider 06"]);
      expect(again.counts.participantDeclarations).toBe(1_000);
      expect(demo.counts.staffUsers).toBe(2);
    });
  });
});
