// Secure cookies and HSTS by default in production; the production builds the end-to-end server
// and `npm run demo` serve over http://127.0.0.1 / http://localhost keep plain cookies and no HSTS.
import { afterEach, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { secureCookies, sessionCookieName } from "@/lib/auth/options";
import { STRICT_TRANSPORT_SECURITY } from "@/lib/environment";
import { setApiDepsForTests } from "@/lib/api/context";
import { leadProviderRoute } from "@/lib/api/route";
import { proxy, config } from "@/proxy";

function env(values: { NODE_ENV: string; AUTH_URL?: string; NEXTAUTH_URL?: string; AUTH_COOKIE_SECURE?: string }) {
  vi.stubEnv("NODE_ENV", values.NODE_ENV);
  vi.stubEnv("AUTH_URL", values.AUTH_URL ?? "");
  vi.stubEnv("NEXTAUTH_URL", values.NEXTAUTH_URL ?? "");
  vi.stubEnv("AUTH_COOKIE_SECURE", values.AUTH_COOKIE_SECURE ?? "");
}

afterEach(() => {
  vi.unstubAllEnvs();
});

const CASES: [string, Parameters<typeof env>[0], boolean][] = [
  ["production with no URL configured", { NODE_ENV: "production" }, true],
  ["production at an https:// URL", { NODE_ENV: "production", AUTH_URL: "https://finance.example.gov.uk" }, true],
  ["production at an https:// NEXTAUTH_URL", { NODE_ENV: "production", NEXTAUTH_URL: "HTTPS://finance.example.gov.uk" }, true],
  ["the end-to-end server (production build, http://127.0.0.1)", { NODE_ENV: "production", NEXTAUTH_URL: "http://127.0.0.1:3203" }, false],
  ["npm run demo (production build, http://localhost)", { NODE_ENV: "production", NEXTAUTH_URL: "http://localhost:3000" }, false],
  ["development with no URL", { NODE_ENV: "development" }, false],
  ["development at an https:// URL", { NODE_ENV: "development", AUTH_URL: "https://finance.example.gov.uk" }, true],
];

describe.each(CASES)("%s", (_label, values, https) => {
  it(`${https ? "sets" : "does not set"} Secure (and the __Secure- prefix) on the session cookie`, () => {
    env(values);
    expect(secureCookies()).toBe(https);
    expect(sessionCookieName().startsWith("__Secure-")).toBe(https);
  });

  it(`${https && values.NODE_ENV === "production" ? "sends" : "does not send"} Strict-Transport-Security on pages and the API`, async () => {
    env(values);
    const expected = https && values.NODE_ENV === "production" ? STRICT_TRANSPORT_SECURITY : null;
    for (const path of ["/statements", "/api/auth/session", "/healthz"]) {
      const response = proxy(new NextRequest(`https://finance.example.gov.uk${path}`));
      expect(response.headers.get("Strict-Transport-Security")).toBe(expected);
    }
    // The lead provider API skips the proxy: its route wrapper sets the header (here on a 500).
    const restore = setApiDepsForTests({
      db: async () => {
        throw new Error("no database in this test");
      },
    });
    try {
      const response = await leadProviderRoute(async () => new Response("unreachable"))(new Request("https://finance.example.gov.uk/api/v3/statements"));
      expect(response.status).toBe(500);
      expect(response.headers.get("Strict-Transport-Security")).toBe(expected);
    } finally {
      restore();
    }
  });
});

it("AUTH_COOKIE_SECURE=true forces Secure cookies even over http://", () => {
  env({ NODE_ENV: "production", NEXTAUTH_URL: "http://127.0.0.1:3203", AUTH_COOKIE_SECURE: "true" });
  expect(secureCookies()).toBe(true);
});

it("HSTS asks for a year, subdomains included", () => {
  expect(STRICT_TRANSPORT_SECURITY).toBe("max-age=31536000; includeSubDomains");
});

it("the proxy runs for pages, /api/auth and /healthz, and not for the lead provider API, static files or assets", () => {
  const [matcher] = config.matcher;
  // Next.js matches the whole path against the source, as a regular expression.
  const runs = (path: string) => new RegExp(`^${matcher!.source}$`).test(path);
  for (const path of ["/", "/statements/abc", "/api/auth/session", "/healthz", "/participants"]) expect(runs(path), path).toBe(true);
  for (const path of ["/api/v3/participant-declarations", "/api/v3/statements/abc", "/_next/static/chunk.js", "/assets/images/favicon.ico"]) expect(runs(path), path).toBe(false);
});
