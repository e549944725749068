// How long the database may take, and how many connections a CSV download may hold: one place for
// the settings that stop slow or stalled work from holding the app's connections (docs/operations.md,
// "Database timeouts and the export pool"). Each can be set by an environment variable; 0 turns a
// timeout off (PostgreSQL's own meaning of 0).
//
// PostgreSQL applies the two session timeouts to every connection of a pool (they are sent when the
// connection opens). PGlite (embedded, one connection inside the process) ignores them: there the
// download deadline is what ends a stalled download.

export type DbTimeouts = {
  /** `statement_timeout` of the app's pool: the longest a single SQL statement may run. */
  statementTimeoutMs: number;
  /** `idle_in_transaction_session_timeout` of the app's pool: PostgreSQL ends a session that sits in an open transaction this long. */
  idleInTransactionTimeoutMs: number;
  /** Connections of the export pool (the statement CSV's cursors), apart from the app's pool. */
  exportPoolSize: number;
  /** `statement_timeout` of the export pool (a cursor's first FETCH sorts the whole statement). */
  exportStatementTimeoutMs: number;
  /** `idle_in_transaction_session_timeout` of the export pool: the longest a download may wait for the browser between batches. */
  exportIdleInTransactionTimeoutMs: number;
  /** Server-side deadline of one CSV download, from its start: then it is ended, finished or not. */
  exportDeadlineMs: number;
};

/** Each setting, its environment variable and its default. */
export const DB_TIMEOUT_SETTINGS: readonly { key: keyof DbTimeouts; env: string; default: number; min: number }[] = [
  { key: "statementTimeoutMs", env: "DB_STATEMENT_TIMEOUT_MS", default: 30_000, min: 0 },
  { key: "idleInTransactionTimeoutMs", env: "DB_IDLE_IN_TRANSACTION_TIMEOUT_MS", default: 30_000, min: 0 },
  { key: "exportPoolSize", env: "EXPORT_POOL_SIZE", default: 3, min: 1 },
  { key: "exportStatementTimeoutMs", env: "EXPORT_STATEMENT_TIMEOUT_MS", default: 120_000, min: 0 },
  { key: "exportIdleInTransactionTimeoutMs", env: "EXPORT_IDLE_IN_TRANSACTION_TIMEOUT_MS", default: 60_000, min: 0 },
  { key: "exportDeadlineMs", env: "EXPORT_DEADLINE_MS", default: 300_000, min: 0 },
];

export const DEFAULT_DB_TIMEOUTS: DbTimeouts = Object.fromEntries(
  DB_TIMEOUT_SETTINGS.map((setting) => [setting.key, setting.default]),
) as DbTimeouts;

/** No timeouts at all: for the seeding commands and benchmarks, whose bulk statements may run for minutes. */
export const NO_DB_TIMEOUTS: DbTimeouts = {
  statementTimeoutMs: 0,
  idleInTransactionTimeoutMs: 0,
  exportPoolSize: DEFAULT_DB_TIMEOUTS.exportPoolSize,
  exportStatementTimeoutMs: 0,
  exportIdleInTransactionTimeoutMs: 0,
  exportDeadlineMs: 0,
};

/** The settings from the environment; unset or blank is the default, anything but a whole number is an error. */
export function dbTimeoutsFromEnv(env: Record<string, string | undefined> = process.env): DbTimeouts {
  const timeouts = { ...DEFAULT_DB_TIMEOUTS };
  for (const setting of DB_TIMEOUT_SETTINGS) {
    const raw = env[setting.env]?.trim();
    if (!raw) continue;
    if (!/^\d+$/.test(raw) || Number(raw) < setting.min || !Number.isSafeInteger(Number(raw))) {
      throw new Error(`${setting.env} must be a whole number${setting.min > 0 ? ` of at least ${setting.min}` : " (0 turns it off)"}, not "${raw}".`);
    }
    timeouts[setting.key] = Number(raw);
  }
  return timeouts;
}
