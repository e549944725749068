// Each integration test gets its own fresh, migrated database: a new PostgreSQL database
// (dropped afterwards) or a PGlite data folder in a temporary directory, copied from the run's
// migrated template (tests/integration/global-setup.ts) and opened with the same migration check
// every database gets.
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { createDb, type Db, type CreateDbOptions } from "@/lib/db/client";
import { NO_DB_TIMEOUTS } from "@/lib/db/timeouts";

export type TestDbKind = "postgres" | "pglite";

export function availableKinds(): TestDbKind[] {
  return inject("pgAdminUrl") ? ["postgres", "pglite"] : ["pglite"];
}

export function pgAdminUrl(): string {
  const url = inject("pgAdminUrl");
  if (!url) throw new Error("No PostgreSQL server for integration tests.");
  return url;
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: pgAdminUrl() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export type TestDb = Db & { url?: string; dataDir?: string; drop(): Promise<void> };

/**
 * A fresh database. `migrate: false` gives an empty one (for migration tests). No statement
 * timeouts unless `options.timeouts` sets them (a busy test machine must not fail a big fixture;
 * tests/integration/export-pool.test.ts tests the timeouts themselves).
 */
export async function createTestDb(kind: TestDbKind, options: CreateDbOptions = {}): Promise<TestDb> {
  const migrate = options.migrate ?? true;
  options = { ...options, timeouts: options.timeouts ?? NO_DB_TIMEOUTS };
  if (kind === "postgres") {
    const name = `ecf_test_${Date.now()}_${randomBytes(4).toString("hex")}`;
    await adminQuery(`CREATE DATABASE "${name}"`);
    const url = new URL(pgAdminUrl());
    url.pathname = `/${name}`;
    const db = await createDb({ kind: "postgres", url: url.toString() }, { ...options, migrate });
    return {
      ...db,
      url: url.toString(),
      async drop() {
        await db.close();
        await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      },
    };
  }
  const dir = await mkdtemp(path.join(tmpdir(), "ecf-test-"));
  const dataDir = path.join(dir, "pglite");
  if (migrate) await cp(inject("pgliteTemplateDir"), dataDir, { recursive: true });
  const db = await createDb({ kind: "pglite", dataDir }, { ...options, migrate });
  return {
    ...db,
    dataDir,
    async drop() {
      await db.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export async function withTestDb<T>(kind: TestDbKind, fn: (db: TestDb) => Promise<T>, options?: CreateDbOptions): Promise<T> {
  const db = await createTestDb(kind, options);
  try {
    return await fn(db);
  } finally {
    await db.drop();
  }
}
