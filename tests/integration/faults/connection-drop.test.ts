// Faults: the database connection drops in the middle of a money-changing transaction (a void, an
// adjustment, an authorisation). The transaction must roll back (nothing half-written), the
// function must reject (the server action throws, and Next shows app/error.tsx: "Sorry, there is
// a problem with the service … Nothing was changed"), and the same pool must serve the next call
// once the database is reachable again.
//
// Two ways of cutting the connection:
// - a TCP proxy (./tcp-proxy.ts) between the pool and PostgreSQL drops the connection at the moment
//   the function sends its audit-log INSERT: the last write of each transaction, so every other
//   write has already been made inside it;
// - PostgreSQL itself ends the backend (pg_terminate_backend) while the function, having already
//   updated the declaration, waits for a row lock held by a second connection.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { staffActor, type Actor } from "@/lib/db/audit";
import { createAdjustment } from "@/lib/statements/adjustments";
import { createDb, type Db } from "@/lib/db/client";
import { voidDeclaration } from "@/lib/declarations/void";
import { authoriseStatement } from "@/lib/statements/authorise";
import { seedDemo, type SeedSummary } from "@/prisma/seed/demo";
import { DEMO_TODAY } from "../demo-today";
import { checkedFigures } from "../approver";
import { availableKinds, createTestDb, type TestDb } from "../db";
import { startTcpProxy, type TcpProxy } from "./tcp-proxy";

const AUDIT_INSERT = "INSERT INTO audit_logs";

/** Row counts and a digest of every table a money-changing action writes. */
async function snapshot(db: Db) {
  const [row] = await db.sql.query<Record<string, string | number>>(`
    SELECT
      (SELECT count(*)::int FROM participant_declarations) AS declarations,
      (SELECT count(*)::int FROM statement_line_items) AS line_items,
      (SELECT count(*)::int FROM statements) AS statements,
      (SELECT count(*)::int FROM additional_adjustments) AS adjustments,
      (SELECT count(*)::int FROM audit_logs) AS audit_logs,
      md5(
        (SELECT coalesce(string_agg(concat_ws('|', id, state, updated_at, voided_at, voided_by), ',' ORDER BY id), '') FROM participant_declarations) ||
        (SELECT coalesce(string_agg(concat_ws('|', id, statement_id, state, updated_at), ',' ORDER BY id), '') FROM statement_line_items) ||
        (SELECT coalesce(string_agg(concat_ws('|', id, status, updated_at, marked_as_paid_at, marked_as_paid_by, snapshot::text), ',' ORDER BY id), '') FROM statements) ||
        (SELECT coalesce(string_agg(concat_ws('|', id, statement_id, name, amount, updated_at), ',' ORDER BY id), '') FROM additional_adjustments) ||
        (SELECT coalesce(string_agg(concat_ws('|', id, action, entity_id), ',' ORDER BY id), '') FROM audit_logs)
      ) AS digest`);
  return row!;
}

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what}: not within ${ms} ms`)), ms))]);
}

const postgres = availableKinds().includes("postgres");

describe.skipIf(!postgres)("the database connection drops during a money-changing transaction (PostgreSQL)", () => {
  let db: TestDb;
  let seed: SeedSummary;
  let proxy: TcpProxy;
  let app: Db; // The "app's" pool: it reaches the database only through the proxy.
  let actor: Actor;

  beforeAll(async () => {
    db = await createTestDb("postgres");
    seed = await seedDemo(db, { today: DEMO_TODAY });
    proxy = await startTcpProxy(db.url!);
    app = await createDb({ kind: "postgres", url: proxy.url });
    actor = staffActor(await db.prisma.staffUser.findUniqueOrThrow({ where: { email: "finance@example.com" } }));
  });

  afterAll(async () => {
    await app?.close();
    await proxy?.close();
    await db?.drop();
  });

  async function eligibleDeclaration(offset = 0): Promise<string> {
    const rows = await db.sql.query<{ id: string }>(
      `SELECT d.id::text FROM participant_declarations d
         JOIN cohorts c ON c.id = d.cohort_id
         JOIN statement_line_items li ON li.participant_declaration_id = d.id AND li.state = 'eligible'
        WHERE d.state = 'eligible' AND c.payments_frozen_at IS NULL
        ORDER BY d.id OFFSET $1 LIMIT 1`,
      [offset],
    );
    return rows[0]!.id;
  }

  it("void: the connection drops as the audit entry is written → rejected, nothing written; the same pool voids it next time", async () => {
    const declarationId = await eligibleDeclaration();
    const before = await snapshot(db);
    const cut = proxy.cutOn(AUDIT_INSERT);

    await expect(voidDeclaration(app.prisma, { declarationId, actor, reason: "Duplicate", expectedState: "eligible" })).rejects.toThrow();
    await within(cut, 1_000, "the cut");
    expect(await snapshot(db)).toEqual(before);

    const outcome = await voidDeclaration(app.prisma, { declarationId, actor, reason: "Duplicate", expectedState: "eligible" });
    expect(outcome).toMatchObject({ ok: true, kind: "void", state: "voided" });
    const after = await snapshot(db);
    expect(after).toMatchObject({ declarations: before.declarations, line_items: before.line_items, audit_logs: Number(before.audit_logs) + 1 });
    expect(after.digest).not.toBe(before.digest);
  });

  it("adjustment: the connection drops as the audit entry is written → rejected, no adjustment; the same pool adds it next time", async () => {
    const statementId = seed.examples.openOutputStatements["Ambition Institute 2025"]!;
    const request = { id: randomUUID(), statementId, name: "Correction for a late ECT", amount: "-250.00", actor };
    const before = await snapshot(db);
    const cut = proxy.cutOn(AUDIT_INSERT);

    await expect(createAdjustment(app.prisma, request)).rejects.toThrow();
    await within(cut, 1_000, "the cut");
    expect(await snapshot(db)).toEqual(before);
    expect(await db.prisma.additionalAdjustment.findUnique({ where: { id: request.id } })).toBeNull();

    expect(await createAdjustment(app.prisma, request)).toEqual({
      ok: true,
      adjustment: { id: request.id, name: request.name, amount: "-250.00", awaitingApproval: false },
      unchanged: false,
    });
    expect(await snapshot(db)).toMatchObject({ adjustments: Number(before.adjustments) + 1, audit_logs: Number(before.audit_logs) + 1 });
  });

  it("authorisation: the connection drops after line items, status and snapshot were written → rejected, all rolled back; authorised next time", async () => {
    const statementId = seed.examples.payableStatements["Ambition Institute 2025"]!;
    const before = await snapshot(db);
    const cut = proxy.cutOn(AUDIT_INSERT);

    const approver = staffActor(await db.prisma.staffUser.findUniqueOrThrow({ where: { email: "approver@example.com" } }));
    const checked = await checkedFigures(db, statementId);
    await expect(authoriseStatement(app.prisma, { statementId, actor: approver, checked })).rejects.toThrow();
    await within(cut, 1_000, "the cut");
    expect(await snapshot(db)).toEqual(before);
    const statement = await db.prisma.statement.findUniqueOrThrow({ where: { id: statementId } });
    expect(statement).toMatchObject({ status: "payable", markedAsPaidAt: null, snapshot: null });

    const outcome = await authoriseStatement(app.prisma, { statementId, actor: approver, checked });
    expect(outcome.ok).toBe(true);
    expect(await db.prisma.statement.findUniqueOrThrow({ where: { id: statementId } })).toMatchObject({ status: "paid" });
  });

  it("does not lose pool slots: more dropped transactions than the pool has connections, and it still answers", async () => {
    const small = await createDb({ kind: "postgres", url: proxy.url }, { poolSize: 2 });
    try {
      for (let i = 0; i < 5; i++) {
        const cut = proxy.cutOn("fault_marker");
        await expect(
          small.prisma.$transaction(async (tx) => {
            await tx.$queryRaw`SELECT 1`;
            await tx.$queryRawUnsafe("SELECT 'fault_marker'");
          }),
        ).rejects.toThrow();
        await within(cut, 1_000, "the cut");
      }
      expect(await within(small.prisma.$queryRaw<{ ok: number }[]>`SELECT 1 AS ok`, 5_000, "a query after the drops")).toEqual([{ ok: 1 }]);
    } finally {
      await within(small.close(), 5_000, "closing the pool");
    }
  });

  it("the database refuses connections for a while: calls reject, nothing changes; when it returns the same pool works", async () => {
    const declarationId = await eligibleDeclaration(1);
    const before = await snapshot(db);
    await proxy.refuse();
    await expect(voidDeclaration(app.prisma, { declarationId, actor, reason: null })).rejects.toThrow();
    await expect(app.prisma.$queryRaw`SELECT 1`).rejects.toThrow();
    expect(await snapshot(db)).toEqual(before);

    await proxy.restore();
    expect(await voidDeclaration(app.prisma, { declarationId, actor, reason: null })).toMatchObject({ ok: true, state: "voided" });
  });

  it("void: PostgreSQL ends the backend while the void waits for a row lock, after it updated the declaration → rolled back; the pool recovers", async () => {
    const declarationId = await eligibleDeclaration(2);
    const before = await snapshot(db);
    // A second connection holds the declaration's line item, so the void stops half-way: after
    // its UPDATE of the declaration, before the line item's.
    const blocker = new pg.Client({ connectionString: db.url });
    await blocker.connect();
    try {
      await blocker.query("BEGIN");
      await blocker.query("SELECT id FROM statement_line_items WHERE participant_declaration_id = $1::uuid FOR UPDATE", [declarationId]);
      const blockerPid = (await blocker.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]!.pid;

      const voiding = voidDeclaration(db.prisma, { declarationId, actor, reason: null, expectedState: "eligible" });
      voiding.catch(() => undefined);
      const waiting = await within(
        (async () => {
          for (;;) {
            // The void, waiting for the line item the blocker holds.
            const rows = await blocker.query<{ pid: number }>(
              `SELECT pid FROM pg_stat_activity
                WHERE datname = current_database() AND pid <> $1 AND wait_event_type = 'Lock' AND $1 = ANY (pg_blocking_pids(pid))`,
              [blockerPid],
            );
            if (rows.rows.length > 0) return rows.rows[0]!;
            await new Promise((resolve) => setTimeout(resolve, 20));
          }
        })(),
        10_000,
        "the void waiting for the lock",
      );
      // It has already written: its UPDATE of the declaration holds a RowExclusiveLock on the table.
      const locks = await blocker.query<{ mode: string }>(
        `SELECT mode FROM pg_locks WHERE pid = $1 AND relation = 'participant_declarations'::regclass`,
        [waiting.pid],
      );
      expect(locks.rows.map((l) => l.mode)).toContain("RowExclusiveLock");
      await blocker.query("SELECT pg_terminate_backend($1)", [waiting.pid]);
      await expect(voiding).rejects.toThrow();
      await blocker.query("ROLLBACK");
    } finally {
      await blocker.end();
    }
    expect(await snapshot(db)).toEqual(before);
    expect(await voidDeclaration(db.prisma, { declarationId, actor, reason: null, expectedState: "eligible" })).toMatchObject({ ok: true, state: "voided" });
  });
});
