// Which database the app talks to: PostgreSQL when DATABASE_URL is set, otherwise an embedded
// PGlite database in a data folder (PGLITE_DATA_DIR, default .data/pglite).
import path from "node:path";

export type DbConfig =
  | { kind: "postgres"; url: string }
  | { kind: "pglite"; dataDir: string };

export function dbConfigFromEnv(env: Record<string, string | undefined> = process.env): DbConfig {
  const url = env.DATABASE_URL?.trim();
  if (url) return { kind: "postgres", url };
  // The data folder is chosen at run time: the comments stop the bundler from tracing (and packing)
  // the whole project as if the server read files from any path.
  const dataDir = env.PGLITE_DATA_DIR?.trim() || path.join(/* turbopackIgnore: true */ process.cwd(), ".data", "pglite");
  return { kind: "pglite", dataDir: path.resolve(/* turbopackIgnore: true */ dataDir) };
}

export function describeDbConfig(config: DbConfig): string {
  if (config.kind === "pglite") return `embedded PGlite database in ${config.dataDir}`;
  const url = new URL(config.url);
  return `PostgreSQL database "${url.pathname.slice(1)}" on ${url.hostname}:${url.port || "5432"}`;
}

/**
 * The database migrations and seeding run against: MIGRATION_DATABASE_URL (a role that owns the
 * schema) when set, else the app's own. The app runs as a runtime role that owns nothing
 * (scripts/db-roles.sql); only with PostgreSQL (PGlite has one built-in role).
 */
export function migrationDbConfigFromEnv(env: Record<string, string | undefined> = process.env): DbConfig {
  const config = dbConfigFromEnv(env);
  const url = env.MIGRATION_DATABASE_URL?.trim();
  if (!url) return config;
  if (config.kind !== "postgres") throw new Error("MIGRATION_DATABASE_URL is set but DATABASE_URL is not: set both, or neither for the embedded database.");
  return { kind: "postgres", url };
}
