// The database an end-to-end server runs on: a PostgreSQL database of its own, made afresh (dropped
// if a previous run left it), on the server DATABASE_URL names, else 127.0.0.1:5432; then migrated,
// with the demo data built around `today`. Used by scripts/e2e-server.mjs (one server per port) and
// e2e/cluster.spec.ts (several instances on one database).
import { spawnSync } from "node:child_process";
import path from "node:path";
import pg from "pg";

const root = path.resolve(import.meta.dirname, "..");

/** The URL of a new, empty database `name` on the local PostgreSQL server; null when no server answers. */
export async function freshPostgresDatabase(name) {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Invalid database name ${name}`);
  const admin = process.env.DATABASE_URL?.trim() || "postgresql://postgres@127.0.0.1:5432/postgres";
  const client = new pg.Client({ connectionString: admin, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
  } catch {
    return null;
  }
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * `db:setup --demo [--today]` with `env` (its DATABASE_URL or PGLITE_DATA_DIR names the database).
 * The servers run with NODE_ENV=production, where the demo data is refused, so the set-up step has a
 * NODE_ENV of its own. Output goes to this process's (`quiet`: kept, and given in the error).
 */
export function setUpDemoData(env, { today, quiet = false } = {}) {
  const args = [path.join(root, "node_modules/tsx/dist/cli.mjs"), "scripts/db-setup.ts", "--demo", ...(today ? ["--today", today] : [])];
  const setup = spawnSync(process.execPath, args, { cwd: root, env: { ...env, NODE_ENV: "development" }, stdio: quiet ? "pipe" : "inherit", encoding: "utf8" });
  if (setup.status !== 0) throw new Error(`db:setup --demo failed${quiet ? `: ${setup.stderr || setup.stdout}` : ""}`);
}
