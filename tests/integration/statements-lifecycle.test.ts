// Statement transitions on the demo data: mark-payable (the daily script) and authorise for payment,
// their effect on line items and declarations, idempotence, refusals that change nothing, and the
// snapshot a paid statement shows whatever happens to the data afterwards.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { staffActor } from "@/lib/db/audit";
import { calculateStatement } from "@/lib/statements/calculation";
import { withJobLock } from "@/lib/db/job-lock";
import { markStatementsPayable, runMarkPayableJob } from "@/lib/statements/mark-payable";
import { buildStatementView, loadStatementView } from "@/lib/statements/view";
import { seedDemo } from "@/prisma/seed/demo";
import { authoriseAsApprover } from "./approver";
import { DEMO_TODAY } from "./demo-today";
import { availableKinds, withTestDb, type TestDb } from "./db";

const run = promisify(execFile);

/** A digest of everything a transition could touch: statuses, states, update times, snapshots, audit entries. */
async function fingerprint(db: TestDb): Promise<string> {
  const [row] = await db.sql.query<{ digest: string }>(`
    SELECT md5(
      (SELECT coalesce(string_agg(concat_ws('|', id, status, updated_at, marked_as_paid_at, snapshot::text), ',' ORDER BY id), '') FROM statements) ||
      (SELECT coalesce(string_agg(concat_ws('|', id, state, updated_at), ',' ORDER BY id), '') FROM statement_line_items) ||
      (SELECT coalesce(string_agg(concat_ws('|', id, state, updated_at), ',' ORDER BY id), '') FROM participant_declarations) ||
      (SELECT count(*)::text FROM audit_logs) ||
      (SELECT coalesce(string_agg(concat_ws('|', id, amount, name), ',' ORDER BY id), '') FROM additional_adjustments)
    ) AS digest`);
  return row!.digest;
}

async function stateCounts(db: TestDb, statementId: string): Promise<Record<string, number>> {
  const rows = await db.sql.query<{ state: string; n: number }>(
    `SELECT state::text, count(*)::int AS n FROM statement_line_items WHERE statement_id = $1 GROUP BY 1`,
    [statementId],
  );
  return Object.fromEntries(rows.map((r) => [r.state, Number(r.n)]));
}

async function approverActor(db: TestDb) {
  return staffActor(await db.prisma.staffUser.findUniqueOrThrow({ where: { email: "approver@example.com" } }));
}

async function payableStatement(db: TestDb, provider: string, year: number) {
  return db.prisma.statement.findFirstOrThrow({
    where: { leadProvider: { name: provider }, cohort: { startYear: year }, status: "payable", outputFee: true },
  });
}

describe.each(availableKinds())("statement lifecycle on %s", (kind) => {
  it("mark-payable: open statements past their cut-off become payable with their eligible line items; a second run changes nothing", async () => {
    await withTestDb(kind, async (db) => {
      await seedDemo(db, { today: DEMO_TODAY });
      // On the seed's own date every statement past its cut-off is already payable or paid.
      expect(await markStatementsPayable(db.prisma, { today: new Date(DEMO_TODAY.getTime() + 9 * 3_600_000) })).toEqual([]);

      const today = new Date("2027-01-02T06:00:00Z");
      const due = await db.prisma.statement.findMany({ where: { status: "open", deadlineDate: { lt: new Date("2027-01-02") } }, select: { id: true } });
      expect(due.length).toBeGreaterThan(0);
      const before = new Map(await Promise.all(due.map(async (s) => [s.id, await stateCounts(db, s.id)] as const)));
      const eligibleBefore = [...before.values()].reduce((n, counts) => n + (counts.eligible ?? 0), 0);
      expect(eligibleBefore).toBeGreaterThan(0);
      const untouched = await db.sql.query<{ id: string; status: string }>(
        `SELECT id::text, status::text FROM statements WHERE NOT (status = 'open' AND deadline_date < '2027-01-02') ORDER BY id`,
      );

      const marked = await markStatementsPayable(db.prisma, { today });
      expect(marked.map((m) => m.statementId).sort()).toEqual(due.map((s) => s.id).sort());
      expect(marked.reduce((n, m) => n + m.lineItemsMadePayable, 0)).toBe(eligibleBefore);
      for (const [id, counts] of before) {
        const after = await stateCounts(db, id);
        expect(after.eligible ?? 0).toBe(0);
        expect(after.payable ?? 0).toBe((counts.payable ?? 0) + (counts.eligible ?? 0));
        // Every other state is left as it was.
        for (const state of ["voided", "ineligible", "awaiting_clawback", "paid", "clawed_back"]) expect(after[state] ?? 0).toBe(counts[state] ?? 0);
      }
      const [mismatch] = await db.sql.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM statement_line_items li JOIN participant_declarations d ON d.id = li.participant_declaration_id
          WHERE li.statement_id = ANY ($1::uuid[]) AND li.state = 'payable' AND d.state <> 'payable'`,
        [due.map((s) => s.id)],
      );
      expect(mismatch!.n).toBe(0);
      expect(
        await db.sql.query(`SELECT id::text, status::text FROM statements WHERE id <> ALL ($1::uuid[]) ORDER BY id`, [due.map((s) => s.id)]),
      ).toEqual(untouched);
      const audits = await db.prisma.auditLog.findMany({ where: { action: "statement.mark_payable" } });
      expect(audits).toHaveLength(marked.length);
      expect(audits.every((a) => a.actorType === "system" && a.actorLabel === "statements:mark-payable")).toBe(true);

      const digest = await fingerprint(db);
      expect(await markStatementsPayable(db.prisma, { today })).toEqual([]);
      expect(await fingerprint(db)).toBe(digest);
    });
  });

  it("mark-payable as a job: while one run holds the job's lock another does nothing; started twice at once, each statement is marked once", async () => {
    await withTestDb(kind, async (db) => {
      await seedDemo(db, { today: DEMO_TODAY });
      const today = new Date("2027-01-02T06:00:00Z");
      const due = await db.prisma.statement.count({ where: { status: "open", deadlineDate: { lt: new Date("2027-01-02") } } });
      expect(due).toBeGreaterThan(0);
      if (kind === "postgres") {
        // Another instance's run, held open: this run finds the lock taken and changes nothing.
        let finish!: () => void;
        const held = new Promise<void>((resolve) => (finish = resolve));
        let started!: () => void;
        const holding = new Promise<void>((resolve) => (started = resolve));
        const other = withJobLock(db, "statements:mark-payable", async () => {
          started();
          await held;
          return "other run";
        });
        await holding;
        const digest = await fingerprint(db);
        expect(await runMarkPayableJob(db, { today })).toEqual({ ran: false });
        expect(await fingerprint(db)).toBe(digest);
        finish();
        expect(await other).toEqual({ ran: true, result: "other run" });
      }
      // Two runs started together (two instances' schedulers): the statements are marked once in all.
      const runs = await Promise.all([runMarkPayableJob(db, { today }), runMarkPayableJob(db, { today })]);
      const marked = runs.flatMap((r) => (r.ran ? r.result : []));
      expect(marked).toHaveLength(due);
      expect(new Set(marked.map((m) => m.statementId)).size).toBe(due);
      expect(await db.prisma.auditLog.count({ where: { action: "statement.mark_payable" } })).toBe(due);
      // The lock is gone with the runs: the next run runs (and finds nothing to do).
      expect(await runMarkPayableJob(db, { today })).toEqual({ ran: true, result: [] });
    });
  });

  it("authorise: payable → paid and awaiting_clawback → clawed_back (line items and declarations), who and when, a snapshot, an audit entry", async () => {
    await withTestDb(kind, async (db) => {
      await seedDemo(db, { today: DEMO_TODAY });
      const statement = await payableStatement(db, "Ambition Institute", 2025);
      const before = await stateCounts(db, statement.id);
      expect(before.payable).toBeGreaterThan(0);
      expect(before.awaiting_clawback).toBeGreaterThan(0);
      const live = await calculateStatement(db.prisma, statement.id);
      const actor = await approverActor(db);
      const now = new Date("2026-11-25T14:30:00.000Z");

      const outcome = await authoriseAsApprover(db, { statementId: statement.id, actor, now });
      expect(outcome.ok).toBe(true);
      if (!outcome.ok) return;
      expect(outcome.lineItemsPaid).toBe(before.payable);
      expect(outcome.lineItemsClawedBack).toBe(before.awaiting_clawback);

      const after = await stateCounts(db, statement.id);
      const { payable, awaiting_clawback: awaiting, ...others } = before;
      expect(after).toEqual({ ...others, paid: (before.paid ?? 0) + payable!, clawed_back: (before.clawed_back ?? 0) + awaiting! });
      const declarations = await db.sql.query<{ line: string; declaration: string; n: number }>(
        `SELECT li.state::text AS line, d.state::text AS declaration, count(*)::int AS n
           FROM statement_line_items li JOIN participant_declarations d ON d.id = li.participant_declaration_id
          WHERE li.statement_id = $1 AND li.state IN ('paid', 'clawed_back') GROUP BY 1, 2`,
        [statement.id],
      );
      expect(declarations.every((r) => r.line === r.declaration)).toBe(true);

      const saved = await db.prisma.statement.findUniqueOrThrow({ where: { id: statement.id } });
      expect(saved.status).toBe("paid");
      expect(saved.markedAsPaidAt?.toISOString()).toBe(now.toISOString());
      expect(saved.markedAsPaidBy).toBe("approver@example.com");
      // The snapshot is the page's view of the calculated statement: the same figures as before authorising.
      expect(saved.snapshot).toEqual(outcome.view);
      expect(outcome.view.result).toEqual(buildStatementView(live!, now).result);
      expect(outcome.view.statement.status).toBe("paid");

      const audit = await db.prisma.auditLog.findFirstOrThrow({ where: { action: "statement.authorise", entityId: statement.id } });
      expect(audit.actorType).toBe("staff");
      expect(audit.actorLabel).toBe("approver@example.com");
      expect(audit.after).toMatchObject({ status: "paid", lineItemsPaid: before.payable, totalWithVat: outcome.view.result.totalWithVat });
    });
  });

  it("refusals: authorising an open, a paid or an unknown statement changes nothing", async () => {
    await withTestDb(kind, async (db) => {
      await seedDemo(db, { today: DEMO_TODAY });
      const actor = await approverActor(db);
      const open = await db.prisma.statement.findFirstOrThrow({ where: { status: "open", outputFee: true } });
      const paid = await db.prisma.statement.findFirstOrThrow({ where: { status: "paid" } });
      const digest = await fingerprint(db);
      // Open statements are those whose cut-off has not passed on the demo's today.
      expect(await authoriseAsApprover(db, { statementId: open.id, actor, now: DEMO_TODAY })).toMatchObject({
        ok: false,
        code: "before_cut_off",
      });
      expect(await authoriseAsApprover(db, { statementId: paid.id, actor })).toMatchObject({ ok: false, code: "statement_already_paid" });
      expect(await authoriseAsApprover(db, { statementId: "6f1c3c1e-0000-4000-8000-000000000000", actor })).toMatchObject({
        ok: false,
        code: "not_found",
      });
      expect(await fingerprint(db)).toBe(digest);

      // Authorising twice (a double submit): the second is refused and changes nothing.
      const payable = await payableStatement(db, "Teach First", 2024);
      expect((await authoriseAsApprover(db, { statementId: payable.id, actor })).ok).toBe(true);
      const afterFirst = await fingerprint(db);
      expect(await authoriseAsApprover(db, { statementId: payable.id, actor })).toMatchObject({
        ok: false,
        code: "statement_already_paid",
        message: "This statement has already been authorised for payment.",
      });
      expect(await fingerprint(db)).toBe(afterFirst);
    });
  });

  it("a paid statement shows its snapshot, even after the data behind it changes", async () => {
    await withTestDb(kind, async (db) => {
      await seedDemo(db, { today: DEMO_TODAY });
      const statement = await payableStatement(db, "Best Practice Network", 2024);
      const outcome = await authoriseAsApprover(db, { statementId: statement.id, actor: await approverActor(db) });
      if (!outcome.ok) throw new Error(outcome.message);

      // Change what the figures were worked out from: prices, an adjustment. (Its line items cannot
      // change: the database refuses, migration 20261206002300_hardening.)
      await db.sql.query(
        `UPDATE participant_bands SET per_participant = per_participant + 100
          WHERE call_off_contract_id = (SELECT id FROM call_off_contracts WHERE lead_provider_id = $1 AND cohort_id = $2)`,
        [statement.leadProviderId, statement.cohortId],
      );
      await db.prisma.additionalAdjustment.create({ data: { statementId: statement.id, name: "Added after payment", amount: "999.99" } });
      await expect(
        db.sql.query(
          `UPDATE statement_line_items SET state = 'voided' WHERE id = (SELECT id FROM statement_line_items WHERE statement_id = $1 AND state = 'paid' LIMIT 1)`,
          [statement.id],
        ),
      ).rejects.toThrow(/is paid: its line items cannot change/);
      const live = await calculateStatement(db.prisma, statement.id);
      expect(live!.result.totalWithVat.toString()).not.toBe(outcome.view.result.totalWithVat);

      const shown = await loadStatementView(db.prisma, statement.id);
      expect(shown?.kind).toBe("view");
      if (shown?.kind !== "view") return;
      expect(shown.source).toBe("snapshot");
      expect(shown.view).toEqual(outcome.view);
      expect(shown.view.adjustments.map((a) => a.name)).not.toContain("Added after payment");
    });
  });

  if (kind === "postgres") {
    it("npm run statements:mark-payable: marks, then finds nothing to do; refuses a bad date, a future date and any date in production", async () => {
      await withTestDb(kind, async (db) => {
        await seedDemo(db, { today: DEMO_TODAY });
        const root = path.resolve(import.meta.dirname, "../..");
        const script = ["node_modules/tsx/dist/cli.mjs", "scripts/statements-mark-payable.ts"];
        const env = { ...process.env, DATABASE_URL: db.url!, NODE_ENV: "test" as const };
        // After the demo's today (2026-10-20), before the real one: the December 2026 statements' cut-off (30 November) has passed.
        const first = await run(process.execPath, [...script, "--today", "2026-12-01"], { cwd: root, env });
        expect(first.stdout).toMatch(/\d+ statements? marked payable\./);
        expect(first.stdout).toContain("Ambition Institute, 2025 cohort, December 2026: payable");
        const second = await run(process.execPath, [...script, "--today=2026-12-01"], { cwd: root, env });
        expect(second.stdout).toContain("nothing changed");
        await expect(run(process.execPath, [...script, "--today", "2027-02-30"], { cwd: root, env })).rejects.toMatchObject({
          code: 1,
          stderr: expect.stringContaining('--today needs a date like 2026-11-25, got "2027-02-30"'),
        });
        const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
        await expect(run(process.execPath, [...script, "--today", tomorrow], { cwd: root, env })).rejects.toMatchObject({
          code: 1,
          stderr: expect.stringContaining("--today cannot be in the future"),
        });
        await expect(run(process.execPath, [...script, "--today", "2026-12-01"], { cwd: root, env: { ...env, NODE_ENV: "production" as const } })).rejects.toMatchObject({
          code: 1,
          stderr: expect.stringContaining("--today is not available in production"),
        });
        expect(await db.prisma.statement.count({ where: { status: "open", deadlineDate: { lt: new Date("2026-12-01") } } })).toBe(0);
      });
    });
  }
});
