// The one way to change money or people: one transaction, with its audit entries written inside it
// and its log lines emitted only after it commits (a rolled-back change is never logged).
// The settings live here, once: how long to wait for a pooled connection, and how long the work may take.
import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import { writeAudit, writeAuditSql, type AuditEntry } from "./audit";
import type { SqlExecutor, SqlTransaction } from "./sql";

/** Waiting for a connection, and the work itself, for a change of one record or a few. */
export const TRANSACTION_SETTINGS = { maxWait: 15_000, timeout: 20_000 } as const;
/** For work that grows with a statement's size (authorising ~100k line items, the daily job). */
export const LONG_TRANSACTION_SETTINGS = { maxWait: 15_000, timeout: 120_000 } as const;

export type TransactionSettings = typeof TRANSACTION_SETTINGS | typeof LONG_TRANSACTION_SETTINGS;

/** What a change records besides its writes. */
export interface ChangeRecorder {
  /** Writes an audit entry in this transaction. */
  audit(entry: AuditEntry): Promise<void>;
  /** Runs `effect` once the transaction has committed (log lines); never when it rolls back. */
  afterCommit(effect: () => void): void;
}

export async function inTransaction<T>(
  prisma: PrismaClient,
  work: (tx: Prisma.TransactionClient, change: ChangeRecorder) => Promise<T>,
  settings: TransactionSettings = TRANSACTION_SETTINGS,
): Promise<T> {
  let effects: (() => void)[] = [];
  const result = await prisma.$transaction(async (tx) => {
    effects = []; // a retried callback starts again
    return work(tx, {
      audit: (entry) => writeAudit(tx, entry),
      afterCommit: (effect) => void effects.push(effect),
    });
  }, settings);
  for (const effect of effects) effect();
  return result;
}

/**
 * The same, on the raw-SQL executor (lib/db/sql.ts) instead of Prisma: for the API's busiest write,
 * where Prisma's own work per statement was a large part of the request (docs/performance.md). The
 * connection comes from the same pool; a statement that runs too long, or a transaction left idle,
 * is ended by the connection's timeouts (lib/db/timeouts.ts) rather than by Prisma's timer.
 */
export async function inSqlTransaction<T>(sql: SqlExecutor, work: (tx: SqlTransaction, change: ChangeRecorder) => Promise<T>): Promise<T> {
  const effects: (() => void)[] = [];
  const result = await sql.transaction((tx) =>
    work(tx, {
      audit: (entry) => writeAuditSql(tx, entry),
      afterCommit: (effect) => void effects.push(effect),
    }),
  );
  for (const effect of effects) effect();
  return result;
}
