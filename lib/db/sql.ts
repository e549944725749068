// A minimal raw-SQL interface over both drivers (`db.sql` from lib/db/client.ts), for what Prisma
// cannot do or does too slowly: the migration runner (lib/db/migrate.ts), bulk seeding
// (prisma/seed/), reading the statement CSV's rows in batches from a server-side cursor
// (lib/db/cursor.ts, used by lib/statements/csv-rows.ts), and the API's busiest write, a declaration's
// submission (lib/declarations/submit.ts, docs/performance.md); the benchmarks and tests use it to set
// up and count rows too. Everything else goes through Prisma (lib/db/client.ts).
import { createHash } from "node:crypto";
import type { PGlite } from "@electric-sql/pglite";
import type pg from "pg";

export type QueryOptions = {
  /**
   * Prepare the statement once per connection and reuse it (PostgreSQL then parses and plans it
   * once, not on every call): only for statements whose text has a fixed shape, since each
   * connection keeps every statement it prepared. PGlite runs it unprepared.
   */
  prepare?: boolean;
};

export interface SqlExecutor {
  /** Run one or more statements without parameters. */
  exec(sql: string): Promise<void>;
  /** Run one statement with positional parameters ($1, $2…). */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[], options?: QueryOptions): Promise<T[]>;
  /** Run `fn` in one transaction on one connection. */
  transaction<R>(fn: (tx: Omit<SqlExecutor, "transaction">) => Promise<R>): Promise<R>;
}

/** A transaction's executor (`SqlExecutor.transaction`'s callback gets one). */
export type SqlTransaction = Omit<SqlExecutor, "transaction">;

/**
 * A query written as a `Prisma.sql` tagged template (so its fragments are shared with the Prisma
 * code, and every value is a parameter), run on a raw executor: its `$1…` text and its values.
 */
export type SqlTemplate = { readonly text: string; readonly values: readonly unknown[] };

export function queryTemplate<T = Record<string, unknown>>(
  executor: Pick<SqlExecutor, "query">,
  template: SqlTemplate,
  options?: QueryOptions,
): Promise<T[]> {
  return executor.query<T>(template.text, [...template.values], options);
}

const preparedNames = new Map<string, string>();

/** A prepared statement's name: from its text, so one name never stands for two texts. */
export function preparedStatementName(text: string): string {
  let name = preparedNames.get(text);
  if (!name) {
    name = `ecf_${createHash("sha256").update(text).digest("hex").slice(0, 32)}`;
    preparedNames.set(text, name);
  }
  return name;
}

function pgQuery(sql: string, params: unknown[], options: QueryOptions | undefined): pg.QueryConfig {
  return options?.prepare ? { name: preparedStatementName(sql), text: sql, values: params } : { text: sql, values: params };
}

export function pgExecutor(pool: pg.Pool): SqlExecutor {
  return {
    async exec(sql) {
      await pool.query(sql);
    },
    async query<T>(sql: string, params: unknown[] = [], options?: QueryOptions) {
      return (await pool.query(pgQuery(sql, params, options))).rows as T[];
    },
    async transaction(fn) {
      const client = await pool.connect();
      // PostgreSQL may end the session while it waits between statements (the idle-in-transaction
      // timeout, lib/db/timeouts.ts): the client then emits "error", which with no listener would
      // crash the process. The next statement fails with it anyway, and the pool drops the client.
      const ignore = () => undefined;
      client.on("error", ignore);
      try {
        await client.query("BEGIN");
        const result = await fn({
          async exec(sql) {
            await client.query(sql);
          },
          async query<T>(sql: string, params: unknown[] = [], options?: QueryOptions) {
            return (await client.query(pgQuery(sql, params, options))).rows as T[];
          },
        });
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        client.removeListener("error", ignore);
        client.release();
      }
    },
  };
}

export function pgliteExecutor(db: PGlite): SqlExecutor {
  return {
    async exec(sql) {
      await db.exec(sql);
    },
    async query<T>(sql: string, params: unknown[] = []) {
      return (await db.query<T>(sql, params)).rows;
    },
    async transaction(fn) {
      return db.transaction((tx) =>
        fn({
          async exec(sql) {
            await tx.exec(sql);
          },
          async query<T>(sql: string, params: unknown[] = []) {
            return (await tx.query<T>(sql, params)).rows;
          },
        }),
      );
    },
  };
}
