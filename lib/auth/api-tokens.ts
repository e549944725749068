// Lead provider API tokens: random, shown once, stored only as a SHA-256 hash. A token expires
// (expires_at; null only for the demo data's tokens) and can be revoked (revoked_at); the API
// refuses an expired or revoked token exactly as an unknown one (lib/api/auth.ts).
import { createHash, randomBytes } from "node:crypto";
import type { PrismaClient } from "@/generated/prisma/client";
import { ISO_UTC_FORMAT } from "@/lib/db/query";

/** How long a token made with `npm run api:token` lasts unless told otherwise. */
export const DEFAULT_TOKEN_EXPIRY_DAYS = 90;
/** The longest life a token may be given (a provider gets the next one before this one ends). */
export const MAX_TOKEN_EXPIRY_DAYS = 366;
const DAY_MS = 24 * 3_600_000;

export function hashApiToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function newApiToken(): string {
  return `ecf_${randomBytes(32).toString("base64url")}`;
}

export interface CreatedApiToken {
  id: string;
  /** The plain token: shown once, never stored. */
  token: string;
  expiresAt: Date | null;
}

/** Creates a token for the named lead provider, expiring at `expiresAt` (every such token expires), and returns it with its id (the plain token is shown once). */
export async function createApiToken(
  prisma: PrismaClient,
  leadProviderName: string,
  options: { token?: string; description?: string; expiresAt: Date; now?: Date },
): Promise<CreatedApiToken> {
  const now = options.now ?? new Date();
  if (options.expiresAt.getTime() <= now.getTime()) {
    throw new Error(`The expiry ${options.expiresAt.toISOString()} is not in the future.`);
  }
  if (options.expiresAt.getTime() > now.getTime() + MAX_TOKEN_EXPIRY_DAYS * DAY_MS) {
    throw new Error(`The expiry ${options.expiresAt.toISOString()} is more than ${MAX_TOKEN_EXPIRY_DAYS} days away.`);
  }
  const provider = await prisma.leadProvider.findUnique({ where: { name: leadProviderName } });
  if (!provider) {
    const names = (await prisma.leadProvider.findMany({ select: { name: true }, orderBy: { name: "asc" } })).map((p) => p.name);
    throw new Error(`No lead provider is called "${leadProviderName}". Lead providers: ${names.join(", ") || "none"}.`);
  }
  const token = options.token ?? newApiToken();
  const row = await prisma.apiToken.create({
    data: { leadProviderId: provider.id, hashedToken: hashApiToken(token), description: options.description ?? null, expiresAt: options.expiresAt },
  });
  return { id: row.id, token, expiresAt: row.expiresAt };
}

export type ApiTokenStatus = "active" | "expired" | "revoked";

export function apiTokenStatus(token: { expiresAt: Date | null; revokedAt: Date | null }, now: Date): ApiTokenStatus {
  if (token.revokedAt) return "revoked";
  if (token.expiresAt && token.expiresAt.getTime() <= now.getTime()) return "expired";
  return "active";
}

export interface ApiTokenListing {
  id: string;
  leadProvider: string;
  description: string | null;
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

/** `npm run api:token:list`: every token (of one provider when named), never the token or its hash. */
export async function listApiTokens(prisma: PrismaClient, options: { leadProviderName?: string } = {}): Promise<ApiTokenListing[]> {
  const rows = await prisma.apiToken.findMany({
    where: options.leadProviderName ? { leadProvider: { name: options.leadProviderName } } : {},
    select: { id: true, description: true, createdAt: true, expiresAt: true, revokedAt: true, lastUsedAt: true, leadProvider: { select: { name: true } } },
    orderBy: [{ leadProvider: { name: "asc" } }, { createdAt: "asc" }, { id: "asc" }],
  });
  return rows.map(({ leadProvider, ...row }) => ({ ...row, leadProvider: leadProvider.name }));
}

/** `npm run api:token:revoke`: refused from now on. "already" when it was revoked before; "unknown" when no token has that id. */
export async function revokeApiToken(prisma: PrismaClient, id: string, now: Date = new Date()): Promise<"revoked" | "already" | "unknown"> {
  const token = await prisma.apiToken.findUnique({ where: { id }, select: { revokedAt: true } });
  if (!token) return "unknown";
  if (token.revokedAt) return "already";
  await prisma.apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now } });
  forgetApiTokens(prisma);
  return "revoked";
}

// ---------------------------------------------------------------------------
// What the API's guard reads about a token, remembered for a few seconds per process, so a lead
// provider's batch does not look its token up once per request. An expiry is checked on every
// request against the remembered expires_at; a revocation reaches this process at once when it is
// made here, and every other instance within TOKEN_CACHE_MS. Unknown tokens are never remembered.
// ---------------------------------------------------------------------------

/** How long a process trusts what it read about a token (so how long a revocation takes elsewhere). */
export const TOKEN_CACHE_MS = 5_000;
const TOKEN_CACHE_MAX_ENTRIES = 1_000;

export interface ApiTokenFacts {
  tokenId: string;
  leadProviderId: string;
  leadProviderName: string;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
}

type Cached = { facts: ApiTokenFacts; until: number };
// Per database client: tests run many databases in one process, where one demo token names a
// different row in each.
const caches = new WeakMap<object, Map<string, Cached>>();

/** The unrevoked token with this hash and its lead provider, or null (remembered for TOKEN_CACHE_MS). */
export async function lookUpApiToken(prisma: PrismaClient, hashedToken: string, clockMs: number = Date.now()): Promise<ApiTokenFacts | null> {
  let cache = caches.get(prisma);
  if (!cache) caches.set(prisma, (cache = new Map()));
  const hit = cache.get(hashedToken);
  if (hit && hit.until > clockMs) return hit.facts;
  // Timestamps as ISO text in UTC (the columns have no time zone), whatever the driver makes of them.
  const [row] = await prisma.$queryRaw<{ token_id: string; provider_id: string; provider_name: string; expires_at: string | null; last_used_at: string | null }[]>`
    SELECT t.id::text AS token_id, lp.id::text AS provider_id, lp.name AS provider_name,
           to_char(t.expires_at, ${ISO_UTC_FORMAT}) AS expires_at,
           to_char(t.last_used_at, ${ISO_UTC_FORMAT}) AS last_used_at
      FROM api_tokens t
      JOIN lead_providers lp ON lp.id = t.lead_provider_id
     WHERE t.hashed_token = ${hashedToken} AND t.revoked_at IS NULL`;
  if (!row) {
    cache.delete(hashedToken);
    return null;
  }
  const facts: ApiTokenFacts = {
    tokenId: row.token_id,
    leadProviderId: row.provider_id,
    leadProviderName: row.provider_name,
    expiresAt: row.expires_at === null ? null : new Date(row.expires_at),
    lastUsedAt: row.last_used_at === null ? null : new Date(row.last_used_at),
  };
  if (cache.size >= TOKEN_CACHE_MAX_ENTRIES) cache.clear();
  cache.set(hashedToken, { facts, until: clockMs + TOKEN_CACHE_MS });
  return facts;
}

/** Forgets every token this process remembers for this database (after a revocation here). */
export function forgetApiTokens(prisma: PrismaClient): void {
  caches.get(prisma)?.clear();
}
