// Finds the PostgreSQL server integration tests create their databases on: DATABASE_URL's server,
// else the local one on 127.0.0.1:5432. Without one, the suites run on PGlite only — except in CI,
// where a missing server is an error rather than a quietly smaller run.
import pg from "pg";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    pgAdminUrl: string | null;
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
}
