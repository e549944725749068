// Every lead provider API route handler is built with leadProviderRoute: it checks the bearer
// token first (requireLeadProvider), then the token's rate limit (429 with Retry-After), then runs
// the handler with the provider, the database and the clock, and turns any ApiError into its
// JSON:API response. Anything unexpected is logged through the redacting logger (lib/log.ts:
// `api.error`, the request's id, method and path, and the error with personal data and secrets
// removed) and answered with a JSON 500 that reveals nothing. It also does for the API what
// proxy.ts does for everything else (the API skips the proxy): the request's id and log line, and
// X-Request-Id and, in production over HTTPS, Strict-Transport-Security on every response.
import type { PrismaClient } from "@/generated/prisma/client";
import type { SqlExecutor } from "@/lib/db/sql";
import { apiRateLimiter } from "@/lib/auth/api-rate-limit";
import { strictTransportSecurity } from "@/lib/environment";
import { errorEvent, logRequest, requestIdOf } from "@/lib/log";
import { requireLeadProvider, type LeadProviderIdentity } from "./auth";
import { apiDeps } from "./context";
import { ApiError, errorResponse, tooManyRequests } from "./errors";

export interface ApiRequest<P> {
  request: Request;
  url: URL;
  params: P;
  provider: LeadProviderIdentity;
  prisma: PrismaClient;
  /** The raw-SQL executor on the same pool, for the few paths that skip Prisma (lib/db/sql.ts). */
  sql: SqlExecutor;
  /** The time of the request (fixed in tests). */
  now: Date;
}

export type RouteHandler<P> = (request: Request, context?: { params: Promise<P> }) => Promise<Response>;

export function leadProviderRoute<P extends object = object>(handler: (api: ApiRequest<P>) => Promise<Response>): RouteHandler<P> {
  return (request, context) => framed(request, (url, requestId) => respond(handler, request, url, requestId, context));
}

/**
 * What proxy.ts does for every other request (the API does not go through it): the request's id and
 * log line, and the id and HSTS on the response. Every API response is framed so, including the API
 * process's own 404 and 405 (lib/api/server.ts).
 */
export async function framed(request: Request, answer: (url: URL, requestId: string) => Promise<Response>): Promise<Response> {
  const url = new URL(request.url);
  const requestId = requestIdOf(request.headers);
  logRequest({ method: request.method, path: url.pathname }, requestId, apiDeps().logger());
  const response = await answer(url, requestId);
  response.headers.set("X-Request-Id", requestId);
  const hsts = strictTransportSecurity();
  if (hsts) response.headers.set("Strict-Transport-Security", hsts);
  return response;
}

async function respond<P extends object>(
  handler: (api: ApiRequest<P>) => Promise<Response>,
  request: Request,
  url: URL,
  requestId: string,
  context: { params: Promise<P> } | undefined,
): Promise<Response> {
  try {
    const deps = apiDeps();
    const { prisma, sql } = await deps.db();
    const now = deps.now();
    const provider = await requireLeadProvider(request, prisma, now);
    if (provider instanceof Response) return provider;
    const rate = await apiRateLimiter().consume(provider.tokenId);
    if (!rate.ok) return tooManyRequests(rate.retryAfterSeconds, rate.perMinute);
    const params = ((await context?.params) ?? {}) as P;
    return await handler({ request, url, params, provider, prisma, sql, now });
  } catch (error) {
    if (error instanceof ApiError) return error.toResponse();
    errorEvent("api.error", error, { requestId, method: request.method, path: url.pathname }, apiDeps().logger());
    return errorResponse(500, [
      { title: "Internal server error", detail: "Something went wrong on our side. Try again later, and contact DfE if it keeps happening." },
    ]);
  }
}
