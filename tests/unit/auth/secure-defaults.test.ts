// Secure cookies and HSTS by default in production; the production builds the end-to-end server
// and `npm run demo` serve over http://127.0.0.1 / http://localhost keep plain cookies and no HSTS.
import { afterEach, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { secureCookies, sessionCookieName } from "@/lib/auth/options";
import { STRICT_TRANSPORT_SECURITY } from "@/lib/environment";
import { proxy } from "@/proxy";

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

  it(`${https && values.NODE_ENV === "production" ? "sends" : "does not send"} Strict-Transport-Security on pages and the API`, () => {
    env(values);
    const expected = https && values.NODE_ENV === "production" ? STRICT_TRANSPORT_SECURITY : null;
    for (const path of ["/statements", "/api/v3/statements", "/healthz"]) {
      const response = proxy(new NextRequest(`https://finance.example.gov.uk${path}`));
      expect(response.headers.get("Strict-Transport-Security")).toBe(expected);
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
