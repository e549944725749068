// Signing out deletes the session cookie with the attributes it was set with. Checked with the
// browser's own rule for `__Secure-` cookies (RFC 6265bis): a Set-Cookie for such a name without
// `Secure` is ignored, so the old cookie — and the session — would stay.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

type CookieOptions = { httpOnly?: boolean; sameSite?: string; path?: string; secure?: boolean; maxAge?: number; expires?: Date };
const jar = vi.hoisted(() => ({ sets: [] as { name: string; value: string; options: CookieOptions }[], deletes: [] as unknown[] }));

vi.mock("next/headers", () => ({
  cookies: vi.fn(async () => ({
    set: (name: string, value: string, options: CookieOptions) => jar.sets.push({ name, value, options }),
    delete: (arg: unknown) => jar.deletes.push(arg),
  })),
}));

const { startSession, endSession } = await import("@/lib/auth/session");

/** What a browser does with one Set-Cookie, for the one cookie name we care about. */
function browserApplies(cookie: { name: string; options: CookieOptions }): boolean {
  if (cookie.name.startsWith("__Secure-") && !cookie.options.secure) return false;
  return true;
}

const env = { ...process.env };
beforeEach(() => {
  jar.sets.length = 0;
  jar.deletes.length = 0;
  process.env.AUTH_SECRET = "x".repeat(40);
});
afterEach(() => {
  process.env = { ...env };
});

describe.each([
  ["over HTTPS", "https://finance.example.gov.uk", "__Secure-ecf-finance.session", true],
  ["over HTTP (local)", "", "ecf-finance.session", false],
])("the session cookie %s", (_label, authUrl, name, secure) => {
  it("is deleted with the name, path, SameSite, HttpOnly and Secure it was set with", async () => {
    process.env.AUTH_URL = authUrl;
    await startSession({ id: "u1", email: "finance@example.com", name: "Finance User", roles: ["finance"], sessionVersion: 1 });
    await endSession();
    expect(jar.deletes).toEqual([]);
    const [set, removal] = jar.sets;
    expect(set?.name).toBe(name);
    expect(removal).toMatchObject({ name, value: "", options: { path: "/", sameSite: "lax", httpOnly: true, secure, maxAge: 0 } });
    expect(removal!.options.expires!.getTime()).toBe(0);
    expect(browserApplies(removal!)).toBe(true);
  });
});

describe("the session JWT", () => {
  it("carries the user's session version, and the session next-auth reads from it has it too", async () => {
    const { decode } = await import("next-auth/jwt");
    const { authOptions } = await import("@/lib/auth/options");
    await startSession({ id: "u1", email: "finance@example.com", name: "Finance User", roles: ["finance"], sessionVersion: 7 });
    const token = await decode({ token: jar.sets[0]!.value, secret: process.env.AUTH_SECRET! });
    expect(token).toMatchObject({ sub: "u1", sv: 7 });
    const session = await authOptions().callbacks!.session!({ session: { expires: "" }, token: token!, user: undefined as never, newSession: undefined, trigger: "update" } as never);
    expect(session.user).toMatchObject({ id: "u1", sv: 7 });
  });
});
