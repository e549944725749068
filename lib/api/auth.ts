// The one guard for the lead provider API: `Authorization: Bearer <token>`, where the token's
// SHA-256 hash is in api_tokens. Every route handler calls it first (through leadProviderRoute).
// Missing, malformed, unknown, expired or revoked token → the same 401. The provider it returns
// scopes every query after it; the token's id goes into the audit entries of the request's writes.
import type { PrismaClient } from "@/generated/prisma/client";
import { hashApiToken, lookUpApiToken } from "@/lib/auth/api-tokens";
import { utcTimestamp } from "@/lib/db/query";
import { errorEvent } from "@/lib/log";
import { errorResponse } from "./errors";

export interface LeadProviderIdentity {
  id: string;
  name: string;
  /** The id of the API token the request came with. */
  tokenId: string;
}

/** last_used_at is written at most once a minute per token, so reads stay reads. */
export const LAST_USED_RESOLUTION_MS = 60_000;

const BEARER = /^Bearer[ \t]+([\x21-\x7e]{1,512})[ \t]*$/i;

export function unauthorised(): Response {
  return errorResponse(
    401,
    [{ title: "Unauthorised", detail: "HTTP Token: Access denied. Send your API token in the header 'Authorization: Bearer <token>'." }],
    { "WWW-Authenticate": 'Bearer realm="ECF lead provider API"' },
  );
}

/** The lead provider the request's token belongs to (and the token's id), or a 401 response. */
export async function requireLeadProvider(
  request: Request,
  prisma: PrismaClient,
  now: Date = new Date(),
): Promise<LeadProviderIdentity | Response> {
  const header = request.headers.get("authorization");
  const match = header ? BEARER.exec(header) : null;
  if (!match) return unauthorised();
  // Remembered for a few seconds per process (lib/auth/api-tokens.ts); expiry is checked every time.
  const token = await lookUpApiToken(prisma, hashApiToken(match[1] as string));
  if (!token || (token.expiresAt !== null && token.expiresAt.getTime() <= now.getTime())) return unauthorised();
  const staleBefore = now.getTime() - LAST_USED_RESOLUTION_MS;
  if (token.lastUsedAt === null || token.lastUsedAt.getTime() < staleBefore) {
    token.lastUsedAt = now;
    // The condition is repeated in the UPDATE so parallel requests (and instances) write it once.
    await prisma.$executeRaw`
      UPDATE api_tokens SET last_used_at = ${utcTimestamp(now)}
       WHERE id = ${token.tokenId}::uuid AND (last_used_at IS NULL OR last_used_at < ${utcTimestamp(new Date(staleBefore))})`.catch((error: unknown) =>
      errorEvent("api.token_use_not_recorded", error, { leadProviderId: token.leadProviderId }),
    );
  }
  return { id: token.leadProviderId, name: token.leadProviderName, tokenId: token.tokenId };
}
