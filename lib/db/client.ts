// The one place that creates database clients. Everything else asks getDb() (the app's shared
// client, from the environment) or createDb(config) (tests and scripts with an explicit config).
import { mkdir } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "@/generated/prisma/client";
import { dbConfigFromEnv, type DbConfig } from "./config";
import { lockDataDir } from "./lock";
import { migrate } from "./migrate";
import { pgExecutor, pgliteExecutor, type SqlExecutor } from "./sql";

export type Db = {
  prisma: PrismaClient;
  sql: SqlExecutor;
  config: DbConfig;
  close(): Promise<void>;
};

export type CreateDbOptions = {
  /** Apply pending migrations on open (default: true for PGlite, false for PostgreSQL). */
  migrate?: boolean;
  /** Largest number of PostgreSQL connections (default 10). */
  poolSize?: number;
};

export async function createDb(config: DbConfig, options: CreateDbOptions = {}): Promise<Db> {
  if (config.kind === "postgres") {
    const pool = new pg.Pool({ connectionString: config.url, max: options.poolSize ?? 10, allowExitOnIdle: true });
    pool.on("error", (error) => console.error(`PostgreSQL pool error: ${error.message}`));
    const sql = pgExecutor(pool);
    if (options.migrate) await migrate(sql);
    const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
    return {
      prisma,
      sql,
      config,
      async close() {
        await prisma.$disconnect();
        await pool.end().catch(() => undefined);
      },
    };
  }

  await mkdir(path.dirname(config.dataDir), { recursive: true });
  const release = await lockDataDir(config.dataDir);
  try {
    const pglite = await PGlite.create(config.dataDir, { extensions: { pg_trgm } });
    const sql = pgliteExecutor(pglite);
    if (options.migrate ?? true) await migrate(sql);
    const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
    return {
      prisma,
      sql,
      config,
      async close() {
        await prisma.$disconnect();
        await pglite.close();
        await release();
      },
    };
  } catch (error) {
    await release();
    throw error;
  }
}

const globalForDb = globalThis as unknown as { ecfDb?: Promise<Db> };

/** The app's shared database, opened once per process from the environment. */
export function getDb(): Promise<Db> {
  if (!globalForDb.ecfDb) {
    const opening = createDb(dbConfigFromEnv());
    globalForDb.ecfDb = opening;
    opening.catch(() => {
      // Let the next request try again (e.g. the database was down at start).
      if (globalForDb.ecfDb === opening) globalForDb.ecfDb = undefined;
    });
  }
  return globalForDb.ecfDb;
}

export async function getPrisma(): Promise<PrismaClient> {
  return (await getDb()).prisma;
}
