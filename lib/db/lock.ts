// PGlite has no lock of its own: two processes opening one data folder silently lose writes.
// We hold an exclusive lock (proper-lockfile: an atomic mkdir, refreshed while we run, stale after
// a crash) and record who holds it, so a second process fails fast and says which process to stop.
import { readFileSync, writeFileSync, rmSync } from "node:fs";
import lockfile from "proper-lockfile";
import { reportDbError } from "./report";

export class DataDirLockedError extends Error {
  constructor(dataDir: string, holder: LockHolder | null) {
    const who = holder
      ? `process ${holder.pid} (${holder.command}, since ${holder.since})`
      : "another process";
    super(
      `The embedded database in ${dataDir} is already open in ${who}. ` +
        `PGlite allows one process at a time: stop that process first, or set DATABASE_URL to use PostgreSQL.`,
    );
    this.name = "DataDirLockedError";
  }
}

export type LockHolder = { pid: number; command: string; since: string };

const STALE_MS = 15_000;

function holderFile(dataDir: string) {
  return `${dataDir}.lock.json`;
}

function readHolder(dataDir: string): LockHolder | null {
  try {
    return JSON.parse(readFileSync(holderFile(dataDir), "utf8")) as LockHolder;
  } catch {
    return null;
  }
}

/** Takes the lock or throws DataDirLockedError. Returns a release function. */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(dataDir, {
      lockfilePath: `${dataDir}.lock`,
      realpath: false,
      stale: STALE_MS,
      update: STALE_MS / 3,
      retries: 0,
      onCompromised: (error) => {
        reportDbError("db.pglite_lock_lost", new Error(`Lost the lock on ${dataDir}: ${error.message}`));
      },
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ELOCKED") {
      throw new DataDirLockedError(dataDir, readHolder(dataDir));
    }
    throw error;
  }
  const holder: LockHolder = {
    pid: process.pid,
    command: process.argv.slice(1, 3).join(" ") || "node",
    since: new Date().toISOString(),
  };
  writeFileSync(holderFile(dataDir), JSON.stringify(holder));
  return async () => {
    rmSync(holderFile(dataDir), { force: true });
    await release();
  };
}
