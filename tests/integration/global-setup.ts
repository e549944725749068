// Finds the PostgreSQL server integration tests create their databases on: DATABASE_URL's server,
// else the local one on 127.0.0.1:5432. Without one, the suites run on PGlite only — except in CI,
// where a missing server is an error rather than a quietly smaller run.
//
// It also makes one migrated PGlite data folder, the template each test's PGlite database is copied
// from (tests/integration/db.ts): starting PGlite on a new folder and migrating it takes 4–7 s here,
// copying the migrated one and opening it about 1 s. It is removed when the run ends.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { createDb } from "@/lib/db/client";

declare module "vitest" {
  export interface ProvidedContext {
    pgAdminUrl: string | null;
    /** A migrated PGlite data folder (closed), copied for each test database. */
    pgliteTemplateDir: string;
  }
}

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export default async function setup(project: TestProject) {
  const candidate = process.env.DATABASE_URL?.trim() || "postgresql://postgres@127.0.0.1:5432/postgres";
  const ok = await reachable(candidate);
  if (!ok && process.env.CI) {
    throw new Error(`Integration tests need PostgreSQL in CI, and ${new URL(candidate).host} did not answer.`);
  }
  if (!ok) console.warn("PostgreSQL not reachable: integration tests run on PGlite only.");
  project.provide("pgAdminUrl", ok ? candidate : null);

  const dir = await mkdtemp(path.join(tmpdir(), "ecf-test-template-"));
  const templateDir = path.join(dir, "pglite");
  const template = await createDb({ kind: "pglite", dataDir: templateDir }, { migrate: true });
  await template.close();
  project.provide("pgliteTemplateDir", templateDir);
  return async () => {
    await rm(dir, { recursive: true, force: true });
  };
}
