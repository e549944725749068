-- The sign-in limiter's counters, shared by every app instance (rate-limiter-flexible's
-- RateLimiterPostgres, lib/auth/rate-limit.ts). The columns are the library's own table: it is
-- created here so the app's database role never needs CREATE (the limiter is told tableCreated).
-- Keys are a prefix and a SHA-256 hash of the email, or the client's IP address; expire is epoch ms.
CREATE TABLE IF NOT EXISTS "rate_limits" (
  "key" VARCHAR(255) PRIMARY KEY,
  "points" INTEGER NOT NULL DEFAULT 0,
  "expire" BIGINT
);
CREATE INDEX IF NOT EXISTS "rate_limits_expire_idx" ON "rate_limits" ("expire");
