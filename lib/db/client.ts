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
import { reportDbError } from "./report";
import { pgExecutor, pgliteExecutor, type SqlExecutor } from "./sql";
import { dbTimeoutsFromEnv, type DbTimeouts } from "./timeouts";

export type Db = {
  prisma: PrismaClient;
  sql: SqlExecutor;
  /**
   * For CSV downloads that hold a cursor open while the browser reads: PostgreSQL's own small pool
   * (`timeouts.exportPoolSize` connections, longer statement timeout), so stalled downloads cannot
   * take the app's connections. PGlite has one connection: there it is `sql`.
   */
  exportSql: SqlExecutor;
  /** The timeouts in force (lib/db/timeouts.ts); `exportDeadlineMs` is each download's deadline. */
  timeouts: DbTimeouts;
  config: DbConfig;
  /** PostgreSQL only: the pool itself, for libraries that take one (the sign-in limiter's store). */
  pool?: pg.Pool;
  close(): Promise<void>;
};

export type CreateDbOptions = {
  /** Apply pending migrations on open (default: true for PGlite, false for PostgreSQL). */
  migrate?: boolean;
  /** Largest number of PostgreSQL connections (default 10). */
  poolSize?: number;
  /** Statement and idle-in-transaction timeouts, the export pool's size, the download deadline (default: from the environment). */
  timeouts?: DbTimeouts;
};

/** How long opening a PostgreSQL connection (or waiting for a free one in the pool) may take. */
export const CONNECTION_TIMEOUT_MS = 10_000;

export async function createDb(config: DbConfig, options: CreateDbOptions = {}): Promise<Db> {
  const timeouts = options.timeouts ?? dbTimeoutsFromEnv();
  if (config.kind === "postgres") {
    // A connection that cannot be made in 10 s fails (rather than waiting for the operating
    // system's TCP timeout), so an unreachable database gives errors, not hung requests. A client
    // whose connection broke is dropped by the pool, and the next query opens a new one: the pool
    // recovers by itself when the database returns (tests/integration/faults).
    const pool = new pg.Pool({
      connectionString: config.url,
      max: options.poolSize ?? 10,
      allowExitOnIdle: true,
      connectionTimeoutMillis: CONNECTION_TIMEOUT_MS,
      ...sessionTimeouts(timeouts.statementTimeoutMs, timeouts.idleInTransactionTimeoutMs),
    });
    pool.on("error", (error) => reportDbError("db.pool_error", error));
    releaseBrokenClients(pool);
    const sql = pgExecutor(pool);
    // Opens no connection until the first download.
    const exportPool = new pg.Pool({
      connectionString: config.url,
      max: timeouts.exportPoolSize,
      allowExitOnIdle: true,
      connectionTimeoutMillis: CONNECTION_TIMEOUT_MS,
      ...sessionTimeouts(timeouts.exportStatementTimeoutMs, timeouts.exportIdleInTransactionTimeoutMs),
    });
    exportPool.on("error", (error) => reportDbError("db.export_pool_error", error));
    releaseBrokenClients(exportPool);
    if (options.migrate) await migrate(sql);
    const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
    return {
      prisma,
      sql,
      exportSql: pgExecutor(exportPool),
      timeouts,
      config,
      pool,
      async close() {
        await prisma.$disconnect();
        await pool.end().catch(() => undefined);
        await exportPool.end().catch(() => undefined);
      },
    };
  }

  await mkdir(path.dirname(config.dataDir), { recursive: true });
  const release = await lockDataDir(config.dataDir);
  try {
    const pglite = await PGlite.create(config.dataDir, { extensions: { pg_trgm } });
    const sql = pgliteExecutor(pglite);
    if (options.migrate ?? true) await migrate(sql);
    const prisma = new PrismaClient({ adapter: withPostgresErrorDetails(new PrismaPGlite(pglite)) });
    return {
      prisma,
      sql,
      exportSql: sql,
      timeouts,
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

/** PostgreSQL session settings sent when each connection opens (0: not sent, the server's default). */
function sessionTimeouts(statementMs: number, idleInTransactionMs: number) {
  return {
    ...(statementMs > 0 ? { statement_timeout: statementMs } : {}),
    ...(idleInTransactionMs > 0 ? { idle_in_transaction_session_timeout: idleInTransactionMs } : {}),
  };
}

/**
 * Gives the pool back a checked-out client whose connection has ended. Prisma 6.19's pg adapter
 * releases a transaction's client only after its COMMIT or ROLLBACK succeeds: when the connection
 * drops mid-transaction the ROLLBACK fails and the client is never released, so every dropped
 * transaction would hold one of the pool's slots for ever and, after `max` of them, every query
 * would wait. Released here with an error, the pool discards it and opens a new connection when
 * needed. A later release by its holder is ignored (the pool would throw on a second release).
 */
function releaseBrokenClients(pool: pg.Pool): void {
  type PoolClient = pg.PoolClient & { release: (error?: Error | boolean) => void };
  const checkedOut = new Set<PoolClient>();
  pool.on("acquire", (client) => checkedOut.add(client as PoolClient));
  pool.on("release", (_error, client) => checkedOut.delete(client as PoolClient));
  pool.on("connect", (client) => {
    client.on("end", () => {
      const held = client as PoolClient;
      if (!checkedOut.has(held)) return;
      checkedOut.delete(held);
      const release = held.release;
      held.release = () => undefined;
      release(new Error("The database connection ended"));
    });
  });
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

/**
 * pglite-prisma-adapter 0.6 reports PostgreSQL's refusals without the two fields Prisma 6.19 reads
 * for a raw query's error (`originalCode`, `originalMessage`), so a raw query refused by a constraint
 * arrives as "Raw query failed. Code: N/A. Message: undefined" and cannot be told from any other
 * failure. This adds them to the adapter's errors, as @prisma/adapter-pg does, for the factory, the
 * adapter it connects and every transaction it starts.
 */
function withPostgresErrorDetails<T extends object>(target: T): T {
  const addDetails = (error: unknown): unknown => {
    const cause = (error as { name?: unknown; cause?: Record<string, unknown> } | null)?.cause;
    if ((error as { name?: unknown } | null)?.name === "DriverAdapterError" && cause?.kind === "postgres" && cause.originalCode === undefined) {
      cause.originalCode = cause.code;
      cause.originalMessage = cause.message;
    }
    return error;
  };
  const wrapResult = (result: unknown): unknown =>
    result !== null && typeof result === "object" && typeof (result as { queryRaw?: unknown }).queryRaw === "function" ? withPostgresErrorDetails(result) : result;
  return new Proxy(target, {
    get(object, property) {
      const value: unknown = Reflect.get(object, property);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        let result: unknown;
        try {
          result = (value as (...a: unknown[]) => unknown).apply(object, args);
        } catch (error) {
          throw addDetails(error);
        }
        if (result instanceof Promise) {
          return result.then(wrapResult, (error: unknown) => {
            throw addDetails(error);
          });
        }
        return result;
      };
    },
  });
}
