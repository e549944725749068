// Content Security Policy with a fresh nonce per request. Next.js puts the nonce on its own
// scripts; the root layout puts it on the one inline script (GOV.UK Frontend's js-enabled
// snippet). Scripts: no 'unsafe-inline'. This is not an authorisation layer: every page,
// server action and route handler checks the user itself (lib/auth/guard.ts).
import { NextResponse, type NextRequest } from "next/server";

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

export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const policy = contentSecurityPolicy(nonce);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  // Pages only: not static files, images or the API (JSON needs no CSP).
  matcher: [{ source: "/((?!_next/static|_next/image|assets|api/|healthz).*)" }],
};
