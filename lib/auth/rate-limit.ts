// Sign-in attempts are limited, and an attempt is counted *before* its password is checked, so a
// burst of parallel attempts counts in full (the database's atomic upsert gives each its own
// number):
//
// - Per email: the first FREE_SIGN_IN_ATTEMPTS attempts need no wait; from the 5th on, each
//   attempt that checks the password makes the next one wait (1 minute, 2, 4, 8, then 15 at most:
//   lib/auth/rules/sign-in-back-off.ts). During the wait the action refuses without checking the
//   password and without counting (so someone who mistypes and retries early does not make their
//   own wait longer); an attempt numbered beyond the allowance that finds another attempt's wait
//   still running (a parallel burst) is refused and counted. There is no hard lock-out: whoever
//   comes after the wait gets one more check. The count is forgotten after a successful sign-in,
//   or EMAIL_COUNT_SECONDS after the first attempt.
// - Per IP address: FAILED_SIGN_INS_PER_IP attempts in SIGN_IN_WINDOW_SECONDS (a fixed window from
//   the first), then refused until the window ends; a successful sign-in gives its attempt back,
//   so what is limited is failures (and attempts still in flight). The address is
//   lib/auth/client-ip.ts's.
//
// The counters are in PostgreSQL (rate-limiter-flexible's RateLimiterPostgres, table rate_limits,
// created by a migration) whenever the app uses PostgreSQL, so every instance shares them. The
// embedded PGlite database admits one process only, so there the counters are in that process's
// memory (RateLimiterMemory), which is the same thing. Emails are stored only as SHA-256 hashes.
import { createHash } from "node:crypto";
import type { Pool } from "pg";
import { RateLimiterMemory, RateLimiterPostgres, type RateLimiterAbstract } from "rate-limiter-flexible";
import { getDb } from "@/lib/db/client";
import { FREE_SIGN_IN_ATTEMPTS, waitAfterAttemptSeconds } from "./rules/sign-in-back-off";

export const SIGN_IN_WINDOW_SECONDS = 15 * 60;
export const FAILED_SIGN_INS_PER_IP = 20;
/** How long an email's count is kept when no sign-in succeeds. */
export const EMAIL_COUNT_SECONDS = 24 * 60 * 60;
export const RATE_LIMIT_TABLE = "rate_limits";

export type SignInAttempt = { email: string; ip: string | null };

/** May this attempt check the password? If not, how long to wait (whole seconds, at least 1). */
export type SignInDecision = { ok: true } | { ok: false; waitSeconds: number };

export type SignInLimiter = {
  /** Counts the attempt, then says whether it may check the password. */
  attempt(attempt: SignInAttempt): Promise<SignInDecision>;
  /**
   * A successful sign-in: forget the email's count and wait, and give the address its attempt
   * back (so the address's count is of failures: staff behind one office address can all sign in).
   */
  succeeded(attempt: SignInAttempt): Promise<void>;
  /** Attempts counted for an email (0 when none). */
  attemptsFor(email: string): Promise<number>;
};

export type SignInLimits = { freePerEmail: number; perIp: number; ipWindowSeconds: number; emailCountSeconds: number };

export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = {
  freePerEmail: FREE_SIGN_IN_ATTEMPTS,
  perIp: FAILED_SIGN_INS_PER_IP,
  ipWindowSeconds: SIGN_IN_WINDOW_SECONDS,
  emailCountSeconds: EMAIL_COUNT_SECONDS,
};

/** Where the counters live: a PostgreSQL pool (shared by every instance), or this process's memory. */
export type SignInLimiterStore = { pool: Pool } | { memory: true };

function emailKey(email: string): string {
  return createHash("sha256").update(email.trim().toLowerCase()).digest("hex");
}

function counter(store: SignInLimiterStore, keyPrefix: string, points: number, duration: number, clearExpired: boolean): RateLimiterAbstract {
  if ("pool" in store) {
    return new RateLimiterPostgres({
      storeClient: store.pool,
      storeType: "pool",
      tableName: RATE_LIMIT_TABLE,
      tableCreated: true,
      // One of the counters deletes expired rows (every 5 minutes) for all of them: same table.
      clearExpiredByTimeout: clearExpired,
      keyPrefix,
      points,
      duration,
    });
  }
  return new RateLimiterMemory({ keyPrefix, points, duration });
}

function seconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}

export function createSignInLimiter(store: SignInLimiterStore = { memory: true }, limits: SignInLimits = DEFAULT_SIGN_IN_LIMITS): SignInLimiter {
  const byIp = counter(store, "sign-in-ip", limits.perIp, limits.ipWindowSeconds, true);
  // Counted with penalty(): the number is the answer, never a rejection, so `points` is not a limit.
  const byEmail = counter(store, "sign-in-email", Number.MAX_SAFE_INTEGER, limits.emailCountSeconds, false);
  // The running wait of an email: taken (points 1) by the attempt that starts it.
  const waits = counter(store, "sign-in-wait", 1, 60, false);

  return {
    async attempt({ email, ip }) {
      const key = emailKey(email);
      const running = await waits.get(key);
      if (running && running.msBeforeNext > 0) return { ok: false, waitSeconds: seconds(running.msBeforeNext) };
      if (ip) {
        const fromIp = await byIp.penalty(ip, 1);
        if (fromIp.consumedPoints > limits.perIp) return { ok: false, waitSeconds: seconds(fromIp.msBeforeNext) };
      }
      const number = (await byEmail.penalty(key, 1)).consumedPoints;
      if (number < limits.freePerEmail) return { ok: true };
      // From the allowance's last attempt on, an attempt checks the password only if it starts the
      // next wait itself: in a parallel burst exactly one does, the others are refused.
      const wait = await waits.penalty(key, 1, { customDuration: waitAfterAttemptSeconds(number, limits.freePerEmail) });
      if (wait.consumedPoints === 1) return { ok: true };
      return { ok: false, waitSeconds: seconds(wait.msBeforeNext) };
    },
    async succeeded({ email, ip }) {
      const key = emailKey(email);
      await Promise.all([byEmail.delete(key), waits.delete(key), ip ? byIp.reward(ip, 1) : undefined]);
    },
    async attemptsFor(email) {
      return (await byEmail.get(emailKey(email)))?.consumedPoints ?? 0;
    },
  };
}

const globalForLimiter = globalThis as unknown as { ecfSignInLimiter?: Promise<SignInLimiter> };

/** The app's sign-in limiter: on the app's PostgreSQL database when it has one, else in memory (PGlite: one process). */
export function signInLimiter(): Promise<SignInLimiter> {
  if (!globalForLimiter.ecfSignInLimiter) {
    const opening = getDb().then((db) => createSignInLimiter(db.pool ? { pool: db.pool } : { memory: true }));
    globalForLimiter.ecfSignInLimiter = opening;
    opening.catch(() => {
      if (globalForLimiter.ecfSignInLimiter === opening) globalForLimiter.ecfSignInLimiter = undefined;
    });
  }
  return globalForLimiter.ecfSignInLimiter;
}
