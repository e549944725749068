// Slow or stalled CSV downloads cannot take the app's database connections: the statement CSV reads
// its cursor on the export pool (lib/db/client.ts), and each download ends at its server-side
// deadline (lib/statements/csv.ts), giving its connection back even if the browser never reads
// again. Every connection also carries statement_timeout and idle_in_transaction_session_timeout
// (lib/db/timeouts.ts).
import { describe, expect, it } from "vitest";
import { GET as listStatementsRoute } from "@/app/api/v3/statements/route";
import { setApiDepsForTests } from "@/lib/api/context";
import { DEFAULT_DB_TIMEOUTS, type DbTimeouts } from "@/lib/db/timeouts";
import { DownloadDeadlineError, statementDeclarationsCsv } from "@/lib/statements/csv";
import { loadStatementView } from "@/lib/statements/view";
import { seedDemo } from "@/prisma/seed/demo";
import { apiRequest, call, TEST_NOW } from "./api/helpers";
import { availableKinds, withTestDb, type TestDb } from "./db";
import { DEMO_TODAY } from "./demo-today";

const DEADLINE_MS = 6_000;
const TIMEOUTS: DbTimeouts = { ...DEFAULT_DB_TIMEOUTS, exportDeadlineMs: DEADLINE_MS };

/** The demo statement with the most line items, and its lead provider's name. */
async function biggestStatement(db: TestDb): Promise<{ id: string; provider: string; lineItems: number }> {
  const [row] = await db.sql.query<{ id: string; provider: string; line_items: number }>(
    `SELECT s.id::text AS id, lp.name AS provider, count(li.id)::int AS line_items
       FROM statements s JOIN lead_providers lp ON lp.id = s.lead_provider_id
       JOIN statement_line_items li ON li.statement_id = s.id
      GROUP BY s.id, lp.name ORDER BY count(li.id) DESC, s.id LIMIT 1`,
  );
  return { id: row!.id, provider: row!.provider, lineItems: row!.line_items };
}

/** Sessions of this database sitting in an open transaction (a stalled download's cursor). */
async function idleInTransaction(db: TestDb): Promise<number> {
  const [row] = await db.sql.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_stat_activity
      WHERE datname = current_database() AND pid <> pg_backend_pid() AND state LIKE 'idle in transaction%'`,
  );
  return row!.n;
}

async function waitFor(condition: () => Promise<boolean>, withinMs: number): Promise<boolean> {
  const until = Date.now() + withinMs;
  while (Date.now() < until) {
    if (await condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return condition();
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

describe.runIf(availableKinds().includes("postgres"))("stalled CSV downloads (PostgreSQL)", () => {
  it("20 stalled downloads leave statement pages and the API answering, and each ends at its deadline", { timeout: 120_000 }, async () => {
    await withTestDb(
      "postgres",
      async (db) => {
        await seedDemo(db, { today: DEMO_TODAY });
        const restore = setApiDepsForTests({ db: async () => db, now: () => TEST_NOW, allowServerDate: () => false });
        try {
          const statement = await biggestStatement(db);
          expect(statement.lineItems).toBeGreaterThan(2);

          // Twenty downloads of one row per batch. Each asks for its header and first row, then is
          // never read again (a browser that stopped reading).
          const started = Date.now();
          const readers = Array.from({ length: 20 }, () => statementDeclarationsCsv(db, statement.id, { batchSize: 1 }).getReader());
          const firstRows = readers.map((reader) => reader.read().then(() => reader.read()));
          firstRows.forEach((first) => first.catch(() => undefined));

          // The export pool's connections are all held, each in an open transaction (the others wait for one).
          expect(await waitFor(async () => (await idleInTransaction(db)) === TIMEOUTS.exportPoolSize, 3_000)).toBe(true);

          // Meanwhile a statement page's query and an API request answer at once.
          const page = await timed(() => loadStatementView(db.prisma, statement.id, TEST_NOW));
          expect(page.value).not.toBeNull();
          expect(page.ms).toBeLessThan(3_000);
          const api = await timed(() => call(listStatementsRoute, apiRequest("GET", "/api/v3/statements", { as: statement.provider })));
          expect(api.value.status).toBe(200);
          expect(api.value.body.data.length).toBeGreaterThan(0);
          expect(api.ms).toBeLessThan(3_000);
          expect(Date.now() - started).toBeLessThan(DEADLINE_MS);
          expect(await idleInTransaction(db)).toBe(TIMEOUTS.exportPoolSize);

          // At the deadline every download ends with the deadline's error, read or not...
          const outcomes = await Promise.allSettled(firstRows);
          expect(Date.now() - started).toBeGreaterThanOrEqual(DEADLINE_MS - 100);
          expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(TIMEOUTS.exportPoolSize);
          for (const reader of readers) await expect(reader.read()).rejects.toBeInstanceOf(DownloadDeadlineError);
          // ...and no connection is left in a transaction.
          expect(await waitFor(async () => (await idleInTransaction(db)) === 0, 3_000)).toBe(true);
          expect(Date.now() - started).toBeLessThan(DEADLINE_MS + 5_000);
        } finally {
          restore();
        }
      },
      { timeouts: TIMEOUTS },
    );
  });

  it("sets statement_timeout and idle_in_transaction_session_timeout on the app's pool and, longer, on the export pool", async () => {
    const timeouts: DbTimeouts = { ...DEFAULT_DB_TIMEOUTS, statementTimeoutMs: 1_500, idleInTransactionTimeoutMs: 2_500 };
    await withTestDb(
      "postgres",
      async (db) => {
        const settings = async (sql: TestDb["sql"]) =>
          sql.query<{ s: string; i: string }>(`SELECT current_setting('statement_timeout') AS s, current_setting('idle_in_transaction_session_timeout') AS i`);
        expect(await settings(db.sql)).toEqual([{ s: "1500ms", i: "2500ms" }]);
        expect(await settings(db.exportSql)).toEqual([{ s: "2min", i: "1min" }]);
        await expect(db.sql.query("SELECT pg_sleep(3)")).rejects.toThrow(/statement timeout/);
        // Prisma's queries run on the same pool.
        await expect(db.prisma.$queryRawUnsafe("SELECT pg_sleep(3)")).rejects.toThrow(/statement timeout/);
      },
      { timeouts },
    );
  });

  it("a download PostgreSQL ends for idling in its transaction fails cleanly and frees its connection", async () => {
    const timeouts: DbTimeouts = { ...DEFAULT_DB_TIMEOUTS, exportIdleInTransactionTimeoutMs: 1_000, exportDeadlineMs: 0 };
    await withTestDb(
      "postgres",
      async (db) => {
        await seedDemo(db, { today: DEMO_TODAY });
        const statement = await biggestStatement(db);
        const reader = statementDeclarationsCsv(db, statement.id, { batchSize: 1 }).getReader();
        await reader.read();
        await reader.read();
        expect(await idleInTransaction(db)).toBe(1);
        // PostgreSQL ends the session after 1 s idle; the process must not crash (an "error" event
        // with no listener), and the download must fail rather than end as if complete.
        expect(await waitFor(async () => (await idleInTransaction(db)) === 0, 5_000)).toBe(true);
        // The rows fetched before the session ended still arrive (the one queued in the stream, and
        // the one the cursor read ahead); then the download fails.
        const after: string[] = [];
        for (let i = 0; i < 4 && after.at(-1) !== "error"; i += 1) {
          after.push(await reader.read().then((r) => (r.done ? "done" : "row"), () => "error"));
        }
        expect(after).toEqual(["row", "row", "error"]);
        // The export pool opens a new connection for the next download.
        const text = await new Response(statementDeclarationsCsv(db, statement.id)).text();
        expect(text.split("\r\n").length).toBe(statement.lineItems + 2);
      },
      { timeouts },
    );
  });
});

describe.each(availableKinds())("a stalled CSV download (%s)", (kind) => {
  it("is ended by its deadline, and the database answers again", { timeout: 60_000 }, async () => {
    await withTestDb(kind, async (db) => {
      await seedDemo(db, { today: DEMO_TODAY });
      const statement = await biggestStatement(db);
      const started = Date.now();
      const reader = statementDeclarationsCsv(db, statement.id, { batchSize: 1, deadlineMs: 1_500 }).getReader();
      await reader.read();
      await reader.read(); // the header and one row: the cursor's transaction is open
      // PGlite has one connection: this query waits for the download's transaction to end.
      const count = await timed(() => db.prisma.statementLineItem.count({ where: { statementId: statement.id } }));
      expect(count.value).toBe(statement.lineItems);
      // The browser reads nothing more: past the deadline, the download has ended with its error.
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, started + 2_000 - Date.now())));
      await expect(reader.read()).rejects.toBeInstanceOf(DownloadDeadlineError);
      expect(Date.now() - started).toBeLessThan(1_500 + 3_000);
      if (kind === "postgres") expect(await waitFor(async () => (await idleInTransaction(db)) === 0, 3_000)).toBe(true);
    });
  });
});
