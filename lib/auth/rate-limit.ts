// Sign-in attempts are rate limited: after 5 failed attempts for one email, or 20 from one IP
// address, within 15 minutes, the sign-in action refuses without checking the password until the
// window ends. A successful sign-in clears the email's count (not the address's).
//
// The counts live in this process's memory (rate-limiter-flexible's RateLimiterMemory): they are
// per process and start again when it restarts. Behind a load balancer with several instances, an
// attacker gets the limit once per instance; a shared store (RateLimiterPostgres) would fix that.
// Emails are kept only as a SHA-256 hash, so the memory holds no personal data.
import { createHash } from "node:crypto";
import { RateLimiterMemory } from "rate-limiter-flexible";

export const SIGN_IN_WINDOW_SECONDS = 15 * 60;
export const FAILED_SIGN_INS_PER_EMAIL = 5;
export const FAILED_SIGN_INS_PER_IP = 20;

export const TOO_MANY_SIGN_IN_ATTEMPTS = "Too many attempts to sign in. Wait 15 minutes and try again.";

export type SignInAttempt = { email: string; ip: string | null };

export type SignInLimiter = {
  /** Whether this attempt may check the password: false once the email or address is over its limit. */
  allowed(attempt: SignInAttempt): Promise<boolean>;
  /** Counts one failed attempt against the email and the address. */
  failed(attempt: SignInAttempt): Promise<void>;
  /** A successful sign-in: forget the email's failures. */
  succeeded(attempt: SignInAttempt): Promise<void>;
};

export type SignInLimits = { perEmail: number; perIp: number; windowSeconds: number };

export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = {
  perEmail: FAILED_SIGN_INS_PER_EMAIL,
  perIp: FAILED_SIGN_INS_PER_IP,
  windowSeconds: SIGN_IN_WINDOW_SECONDS,
};

function emailKey(email: string): string {
  return createHash("sha256").update(email.trim().toLowerCase()).digest("hex");
}

export function createSignInLimiter(limits: SignInLimits = DEFAULT_SIGN_IN_LIMITS): SignInLimiter {
  const byEmail = new RateLimiterMemory({ keyPrefix: "sign-in-email", points: limits.perEmail, duration: limits.windowSeconds });
  const byIp = new RateLimiterMemory({ keyPrefix: "sign-in-ip", points: limits.perIp, duration: limits.windowSeconds });
  return {
    async allowed({ email, ip }) {
      const [emailCount, ipCount] = await Promise.all([byEmail.get(emailKey(email)), ip ? byIp.get(ip) : null]);
      if (emailCount && emailCount.consumedPoints >= limits.perEmail) return false;
      if (ipCount && ipCount.consumedPoints >= limits.perIp) return false;
      return true;
    },
    async failed({ email, ip }) {
      // penalty() counts without rejecting, so the count keeps its window.
      await Promise.all([byEmail.penalty(emailKey(email), 1), ip ? byIp.penalty(ip, 1) : undefined]);
    },
    async succeeded({ email }) {
      await byEmail.delete(emailKey(email));
    },
  };
}

const globalForLimiter = globalThis as unknown as { ecfSignInLimiter?: SignInLimiter };

/** The process's sign-in limiter. */
export function signInLimiter(): SignInLimiter {
  return (globalForLimiter.ecfSignInLimiter ??= createSignInLimiter());
}

/**
 * The client's address: the first value of X-Forwarded-For (set by the load balancer in front of
 * the app), else X-Real-IP; null when neither is there (a server action cannot see the socket).
 * Without a proxy that overwrites X-Forwarded-For a client can choose this value, so the per-email
 * limit is the one that always holds.
 */
export function clientIp(headers: Pick<Headers, "get">): string | null {
  const first = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  if (first) return first.slice(0, 64);
  const real = headers.get("x-real-ip")?.trim();
  return real ? real.slice(0, 64) : null;
}
