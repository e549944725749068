// The lead provider API's per-token limit: API_RATE_LIMIT_PER_MINUTE requests a minute per token
// (default 1,000; fixed windows of 60 s from a token's first request in the window). Over it,
// leadProviderRoute answers 429 with Retry-After (lib/api/route.ts).
//
// The counts are in this process's memory, not PostgreSQL: a shared counter would add a write to
// one hot row on every API request (the POST is meant to take hundreds a second), and the limit
// is there against runaway clients, not attackers (a token is a credential we issued). With N app
// instances behind a load balancer a token may therefore make up to N times the limit; set the
// variable to the total wanted divided by N. See docs/security.md.
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

export const DEFAULT_API_REQUESTS_PER_MINUTE = 1000;

/** API_RATE_LIMIT_PER_MINUTE: a whole number of at least 1; throws on anything else. */
export function apiRequestsPerMinute(env: Record<string, string | undefined> = process.env): number {
  const raw = env.API_RATE_LIMIT_PER_MINUTE?.trim();
  if (!raw) return DEFAULT_API_REQUESTS_PER_MINUTE;
  if (!/^\d{1,9}$/.test(raw) || Number(raw) < 1) {
    throw new Error(`API_RATE_LIMIT_PER_MINUTE must be a whole number of requests of at least 1, not "${raw}".`);
  }
  return Number(raw);
}

export type ApiRateDecision = { ok: true } | { ok: false; retryAfterSeconds: number; perMinute: number };

export type ApiRateLimiter = {
  readonly perMinute: number;
  /** Counts one request for the token (its id), and says whether it may go on. */
  consume(tokenId: string): Promise<ApiRateDecision>;
};

export function createApiRateLimiter(perMinute: number): ApiRateLimiter {
  const limiter = new RateLimiterMemory({ keyPrefix: "api-token", points: perMinute, duration: 60 });
  return {
    perMinute,
    async consume(tokenId) {
      try {
        await limiter.consume(tokenId, 1);
        return { ok: true };
      } catch (refusal) {
        if (!(refusal instanceof RateLimiterRes)) throw refusal;
        return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)), perMinute };
      }
    },
  };
}

const globalForApiLimiter = globalThis as unknown as { ecfApiRateLimiter?: ApiRateLimiter };

/** The process's API limiter (made again, with empty counts, if the variable changes). */
export function apiRateLimiter(env: Record<string, string | undefined> = process.env): ApiRateLimiter {
  const perMinute = apiRequestsPerMinute(env);
  const current = globalForApiLimiter.ecfApiRateLimiter;
  if (current && current.perMinute === perMinute) return current;
  return (globalForApiLimiter.ecfApiRateLimiter = createApiRateLimiter(perMinute));
}
