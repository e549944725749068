// The one guard for the lead provider API: `Authorization: Bearer <token>`, where the token's
// SHA-256 hash is in api_tokens. Every route handler calls it first (through leadProviderRoute).
// Missing, malformed or unknown token → 401. The provider it returns scopes every query after it.
import type { PrismaClient } from "@/generated/prisma/client";
import { hashApiToken } from "@/lib/auth/api-tokens";
import { errorEvent } from "@/lib/log";
import { errorResponse } from "./errors";

export interface LeadProviderIdentity {
  id: string;
  name: string;
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

/** The lead provider the request's token belongs to, or a 401 response. */
export async function requireLeadProvider(
  request: Request,
  prisma: PrismaClient,
  now: Date = new Date(),
): Promise<LeadProviderIdentity | Response> {
  const header = request.headers.get("authorization");
  const match = header ? BEARER.exec(header) : null;
  if (!match) return unauthorised();
  const staleBefore = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
  // One query for the token, its provider and whether last_used_at needs writing.
  const [token] = await prisma.$queryRaw<{ token_id: string; id: string; name: string; stale: boolean }[]>`
    SELECT t.id::text AS token_id, lp.id::text AS id, lp.name,
           (t.last_used_at IS NULL OR t.last_used_at < (${staleBefore.toISOString()}::timestamptz AT TIME ZONE 'UTC')) AS stale
      FROM api_tokens t
      JOIN lead_providers lp ON lp.id = t.lead_provider_id
     WHERE t.hashed_token = ${hashApiToken(match[1] as string)}`;
  if (!token) return unauthorised();
  if (token.stale) {
    // The condition is repeated in the UPDATE so parallel requests write it once.
    await prisma.apiToken
      .updateMany({ where: { id: token.token_id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: staleBefore } }] }, data: { lastUsedAt: now } })
      .catch((error: unknown) => errorEvent("api.token_use_not_recorded", error, { leadProviderId: token.id }));
  }
  return { id: token.id, name: token.name };
}
