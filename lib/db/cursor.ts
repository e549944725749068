// Reading a big query in batches from a server-side cursor, so memory holds two batches at a time
// (the one the caller has, and the next, read ahead so the database works while the caller does)
// whatever the row count. The cursor lives in a transaction on one connection (`SqlExecutor`'s
// callback); this turns that callback inside out into an async iterator the caller pulls from.
// Stopping early (`return()` / `break`, e.g. the browser cancelled a download) closes the cursor and
// ends the transaction. An aborted `signal` (a download's deadline) rolls the transaction back and
// gives its connection back at once, even while the consumer has stopped pulling (a stalled
// browser); the consumer's next pull gets the signal's reason as its error.
import type { SqlExecutor } from "@/lib/db/sql";

type Deferred<T> = { promise: Promise<T>; resolve(value: T): void; reject(error: unknown): void };

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // Rejections are always awaited by the consumer; this only stops "unhandled rejection" noise.
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}

export type CursorOptions<T = unknown, U = T> = {
  /** Rows per FETCH (default 1000). */
  batchSize?: number;
  /** Rows in the first FETCH (default batchSize): smaller, so the first rows leave sooner. */
  firstBatchSize?: number;
  /** Statements run in the cursor's transaction before it is declared (e.g. `SET LOCAL work_mem`). */
  setup?: readonly string[];
  /**
   * Turns each fetched batch into what is yielded, in the cursor's transaction (so in its snapshot):
   * e.g. a cursor over an ordered list of keys, and one query per batch for the keys' wide rows.
   */
  expand?: (tx: Omit<SqlExecutor, "transaction">, rows: T[]) => Promise<U[]>;
  /** Cursor name (default "batch_cursor"). */
  name?: string;
  /** Ends the cursor's transaction (rolled back) when aborted. */
  signal?: AbortSignal;
};

/** `promise`, or the signal's reason as soon as it is aborted. */
function unlessAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}

/** Yields the rows of `query` (with `$1…` parameters) in batches of up to `batchSize` (each through `expand`, when given). */
export async function* cursorBatches<T, U = T>(
  sql: SqlExecutor,
  query: string,
  params: readonly unknown[],
  options: CursorOptions<T, U> = {},
): AsyncGenerator<U[], void, undefined> {
  const batchSize = Math.max(1, Math.floor(options.batchSize ?? 1000));
  let fetchSize = Math.max(1, Math.floor(options.firstBatchSize ?? batchSize));
  const expand = options.expand ?? (async (_tx: unknown, rows: T[]) => rows as unknown as U[]);
  const name = options.name ?? "batch_cursor";
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Invalid cursor name ${name}`);

  let demand = deferred<boolean>();
  let batch = deferred<U[] | null>();
  let stopped = false;

  const signal = options.signal;
  const transaction = sql.transaction(async (tx) => {
    signal?.throwIfAborted();
    for (const statement of options.setup ?? []) await tx.exec(statement);
    await tx.query(`DECLARE ${name} NO SCROLL CURSOR FOR ${query}`, [...params]);
    for (;;) {
      const wanted = await unlessAborted(demand.promise, signal);
      demand = deferred<boolean>();
      if (!wanted || stopped) break;
      const rows = await tx.query<T>(`FETCH FORWARD ${fetchSize} FROM ${name}`);
      fetchSize = batchSize;
      const out = rows.length > 0 ? await expand(tx, rows) : null;
      const delivered = batch;
      batch = deferred<U[] | null>();
      delivered.resolve(out);
      if (rows.length === 0) break;
    }
    await tx.exec(`CLOSE ${name}`);
  });
  transaction.catch((error: unknown) => batch.reject(error));

  try {
    let next = batch.promise;
    demand.resolve(true);
    for (;;) {
      const rows = await next;
      if (rows === null) break;
      // Read ahead: the database fetches the following batch while the caller works on this one.
      next = batch.promise;
      demand.resolve(true);
      yield rows;
    }
    await transaction;
  } finally {
    // Stopped early, finished or failed: let the transaction end (commit or roll back) before returning.
    stopped = true;
    demand.resolve(false);
    await transaction.catch(() => undefined);
  }
}
