// Jobs that must run once at a time across every instance (the daily mark-payable job): a
// PostgreSQL advisory lock, taken with pg_try_advisory_xact_lock inside a transaction of its own on
// one connection and held until the job ends, so a second run started anywhere at the same moment
// finds it taken and does nothing. The lock ends with that transaction, so a run that crashes
// leaves no lock behind. The job does its own work in transactions on other connections.
// The embedded PGlite database is one process by construction (lib/db/lock.ts): the job just runs.
import type { Db } from "./client";

export type JobRun<R> = { ran: true; result: R } | { ran: false };

/** Runs `job` unless another run of the job `name` holds its lock right now. */
export async function withJobLock<R>(db: Pick<Db, "sql" | "config">, name: string, job: () => Promise<R>): Promise<JobRun<R>> {
  if (db.config.kind !== "postgres") return { ran: true, result: await job() };
  return db.sql.transaction(async (tx) => {
    // This transaction sits idle while the job works on other connections: exempt it from the
    // connection's idle-in-transaction timeout (lib/db/timeouts.ts), or the lock would end mid-run.
    await tx.exec("SET LOCAL idle_in_transaction_session_timeout = 0");
    const [lock] = await tx.query<{ taken: boolean }>("SELECT pg_try_advisory_xact_lock(hashtext($1)) AS taken", [`ecf-finance:job:${name}`]);
    if (!lock?.taken) return { ran: false } as const;
    return { ran: true, result: await job() } as const;
  });
}
