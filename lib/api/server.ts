// The lead provider API as a process of its own (`npm run start:api`, scripts/api-server.ts): the
// same route handlers as app/api/v3, which `npm start` serves too, answered on Node's own HTTP server
// instead of inside Next. A request to the API does nothing in Next but find its handler, and Next's
// server costs more per request than the submission itself (docs/performance.md, "The API process").
//
// The app/api/v3 folder stays the one route table: the process reads it at start-up with the
// convention Next uses (a folder per path segment, `[name]` for a parameter, `route.ts` exporting
// a handler per method). This file is the routing and the HTTP answers that are not a handler's:
// 404 for a path no route has, 405 with Allow for a method a route does not export, OPTIONS, and
// HEAD answered by GET (Node's server sends no body for HEAD). Every one of them is framed like a
// handler's answer (lib/api/route.ts: request id, log line, HSTS).
import { errorResponse, notFound } from "./errors";
import { framed, type RouteHandler } from "./route";

export const ROUTE_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type RouteMethod = (typeof ROUTE_METHODS)[number];

/** What a route.ts exports that the API process uses: a handler per method. */
export type RouteModule = Partial<Record<RouteMethod, RouteHandler<Record<string, string>>>>;

export interface ApiRoute {
  /** The path's segments; a parameter is written `[name]`. */
  segments: readonly string[];
  module: RouteModule;
}

const PARAMETER = /^\[([A-Za-z_][A-Za-z0-9_]*)\]$/;

/**
 * The URL path segments of a route file, from its path below the app folder with "/" separators:
 * "api/v3/participants/ecf/[id]/route.ts" → ["api", "v3", "participants", "ecf", "[id]"]. Throws on
 * anything the API process could not serve as Next does (a file that is not route.ts, route groups,
 * catch-all or optional segments), so a new kind of route cannot be silently left out.
 */
export function routeSegmentsOf(fileBelowApp: string): string[] {
  const parts = fileBelowApp.split("/");
  if (parts.pop() !== "route.ts") throw new Error(`${fileBelowApp} is not a route.ts file.`);
  for (const part of parts) {
    if (part === "" || part.startsWith("(") || part.startsWith("[...") || part.startsWith("[[") || (part.startsWith("[") && !PARAMETER.test(part))) {
      throw new Error(`The API process serves plain segments and [name] parameters only, not "${part}" (${fileBelowApp}).`);
    }
  }
  return parts;
}

/** Which of the two routes is tried first: at the first segment where they differ, a fixed segment beats a parameter (as in Next). */
function bySpecificity(a: ApiRoute, b: ApiRoute): number {
  const length = Math.max(a.segments.length, b.segments.length);
  for (let i = 0; i < length; i += 1) {
    const x = a.segments[i];
    const y = b.segments[i];
    if (x === undefined || y === undefined) return x === undefined ? -1 : 1;
    const xp = PARAMETER.test(x);
    const yp = PARAMETER.test(y);
    if (xp !== yp) return xp ? 1 : -1;
  }
  return 0;
}

export type RouteMatch = { route: ApiRoute; params: Record<string, string> };

/** The route a path names, with its parameters decoded; null when none does (or a parameter is not valid percent-encoding). */
export function matchRoute(routes: readonly ApiRoute[], pathname: string): RouteMatch | null {
  const trimmed = pathname.length > 1 && pathname.endsWith("/") ? pathname.slice(0, -1) : pathname;
  const segments = trimmed.split("/").slice(1);
  for (const route of routes) {
    if (route.segments.length !== segments.length) continue;
    const params: Record<string, string> = {};
    let matched = true;
    for (let i = 0; i < segments.length && matched; i += 1) {
      const wanted = route.segments[i] as string;
      const given = segments[i] as string;
      const parameter = PARAMETER.exec(wanted);
      if (!parameter) matched = wanted === given;
      else if (given === "") matched = false;
      else {
        try {
          params[parameter[1] as string] = decodeURIComponent(given);
        } catch {
          return null;
        }
      }
    }
    if (matched) return { route, params };
  }
  return null;
}

/** The methods a route answers: its handlers', with HEAD where it has GET, and OPTIONS. */
export function allowedMethods(module: RouteModule): string[] {
  const methods: string[] = ROUTE_METHODS.filter((method) => typeof module[method] === "function");
  if (methods.includes("GET")) methods.push("HEAD");
  methods.push("OPTIONS");
  return methods;
}

function methodNotAllowed(allow: string[]): Response {
  return errorResponse(405, [{ title: "Method not allowed", detail: `This endpoint accepts ${allow.join(", ")}.` }], { Allow: allow.join(", ") });
}

/** The fetch handler of the API process: routes, sorted so fixed segments win, and the answers that are not a handler's. */
export function createApiHandler(routes: readonly ApiRoute[]): (request: Request) => Promise<Response> {
  const ordered = [...routes].sort(bySpecificity);
  return async (request) => {
    const match = matchRoute(ordered, new URL(request.url).pathname);
    if (!match) return framed(request, async () => notFound().toResponse());
    const method = request.method === "HEAD" ? "GET" : request.method;
    const handler = (ROUTE_METHODS as readonly string[]).includes(method) ? match.route.module[method as RouteMethod] : undefined;
    if (!handler) {
      const allow = allowedMethods(match.route.module);
      if (request.method === "OPTIONS") return framed(request, async () => new Response(null, { status: 204, headers: { Allow: allow.join(", ") } }));
      return framed(request, async () => methodNotAllowed(allow));
    }
    return handler(request, { params: Promise.resolve(match.params) });
  };
}
