import { describe, expect, it } from "vitest";
import { DEFAULT_DB_TIMEOUTS, dbTimeoutsFromEnv } from "@/lib/db/timeouts";

describe("dbTimeoutsFromEnv", () => {
  it("has defaults, the export pool's timeouts longer than the app pool's", () => {
    expect(dbTimeoutsFromEnv({})).toEqual({
      statementTimeoutMs: 30_000,
      idleInTransactionTimeoutMs: 30_000,
      exportPoolSize: 3,
      exportStatementTimeoutMs: 120_000,
      exportIdleInTransactionTimeoutMs: 60_000,
      exportDeadlineMs: 300_000,
    });
    expect(DEFAULT_DB_TIMEOUTS.exportStatementTimeoutMs).toBeGreaterThan(DEFAULT_DB_TIMEOUTS.statementTimeoutMs);
  });

  it("reads each variable; blank is the default and 0 turns a timeout off", () => {
    const timeouts = dbTimeoutsFromEnv({
      DB_STATEMENT_TIMEOUT_MS: "5000",
      DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: "0",
      EXPORT_POOL_SIZE: " 2 ",
      EXPORT_STATEMENT_TIMEOUT_MS: "",
      EXPORT_IDLE_IN_TRANSACTION_TIMEOUT_MS: "9000",
      EXPORT_DEADLINE_MS: "60000",
    });
    expect(timeouts).toEqual({
      statementTimeoutMs: 5000,
      idleInTransactionTimeoutMs: 0,
      exportPoolSize: 2,
      exportStatementTimeoutMs: 120_000,
      exportIdleInTransactionTimeoutMs: 9000,
      exportDeadlineMs: 60_000,
    });
  });

  it("refuses what is not a whole number, and an export pool of no connections", () => {
    expect(() => dbTimeoutsFromEnv({ DB_STATEMENT_TIMEOUT_MS: "30s" })).toThrow(/DB_STATEMENT_TIMEOUT_MS must be a whole number/);
    expect(() => dbTimeoutsFromEnv({ EXPORT_DEADLINE_MS: "-1" })).toThrow(/EXPORT_DEADLINE_MS/);
    expect(() => dbTimeoutsFromEnv({ EXPORT_POOL_SIZE: "0" })).toThrow(/EXPORT_POOL_SIZE must be a whole number of at least 1/);
  });
});
