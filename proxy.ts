// Runs before every page, server action, /api/auth request and /healthz: gives each request an id
// (X-Request-Id on the response, x-request-id on the request for server code), writes one log line
// for it, sets the Content Security Policy with a fresh nonce, and in production over HTTPS
// Strict-Transport-Security (here, not in next.config.ts: that is read at build time, and whether
// the app is served over HTTPS is known only where it runs). Not the lead provider API (/api/v3/):
// its route wrapper (lib/api/route.ts) gives each request the same id, log line and HSTS itself,
// because passing through here cost a fifth of the API's throughput (docs/performance.md).
// Next.js puts the nonce on its own scripts; the root layout puts it on the one inline script
// (GOV.UK Frontend's js-enabled snippet). Scripts: no 'unsafe-inline'. This is not an
// authorisation layer: every page, server action and route handler checks the user itself
// (lib/auth/guard.ts).
import { NextResponse, type NextRequest } from "next/server";
import { strictTransportSecurity } from "@/lib/environment";
import { logRequest, requestIdOf } from "@/lib/log";

export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    // React renders a few style attributes; no inline scripts are allowed.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** JSON endpoints: no CSP needed (it would do no harm, but there is no HTML to protect). */
function isJsonEndpoint(pathname: string): boolean {
  return pathname === "/healthz" || pathname.startsWith("/api/");
}

export function proxy(request: NextRequest) {
  const id = requestIdOf(request.headers);
  logRequest({ method: request.method, path: request.nextUrl.pathname }, id);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-request-id", id);
  if (isJsonEndpoint(request.nextUrl.pathname)) {
    const response = NextResponse.next({ request: { headers: requestHeaders } });
    response.headers.set("X-Request-Id", id);
    return withTransportSecurity(response);
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const policy = contentSecurityPolicy(nonce);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  response.headers.set("X-Request-Id", id);
  return withTransportSecurity(response);
}

function withTransportSecurity(response: NextResponse): NextResponse {
  const hsts = strictTransportSecurity();
  if (hsts) response.headers.set("Strict-Transport-Security", hsts);
  return response;
}

export const config = {
  // Pages, /api/auth and /healthz; not static files or images, nor the lead provider API (above).
  matcher: [{ source: "/((?!_next/static|_next/image|assets|api/v3/).*)" }],
};
