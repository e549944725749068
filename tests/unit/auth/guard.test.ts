import { beforeEach, describe, expect, it, vi } from "vitest";

// The guard's collaborators: the session (next-auth), the staff table, and Next's interrupts.
const session = vi.hoisted(() => ({ value: null as null | { user: { id?: string; sv?: unknown } } }));
type Row = { id: string; email: string; name: string; roles: string[]; sessionVersion: number; disabledAt: Date | null };
const staff = vi.hoisted(() => ({ rows: new Map<string, Row>() }));

vi.mock("next-auth", () => ({ getServerSession: vi.fn(async () => session.value) }));
vi.mock("@/lib/db/client", () => ({
  getPrisma: vi.fn(async () => ({
    staffUser: { findUnique: vi.fn(async ({ where }: { where: { id: string } }) => staff.rows.get(where.id) ?? null) },
  })),
}));
vi.mock("next/navigation", () => ({
  redirect: vi.fn((url: string) => {
    throw new Error(`REDIRECT ${url}`);
  }),
  forbidden: vi.fn(() => {
    throw new Error("FORBIDDEN");
  }),
}));
vi.mock("react", async (original) => ({ ...(await original<typeof import("react")>()), cache: <T>(fn: T) => fn }));

const { requireStaff, safeReturnPath, currentStaff } = await import("@/lib/auth/guard");

beforeEach(() => {
  process.env.AUTH_SECRET = "unit-test-secret-0123456789abcdef0123456789";
  session.value = null;
  staff.rows.clear();
  staff.rows.set("f", { id: "f", email: "finance@example.com", name: "Finance", roles: ["finance"], sessionVersion: 3, disabledAt: null });
  staff.rows.set("v", { id: "v", email: "viewer@example.com", name: "Viewer", roles: [], sessionVersion: 1, disabledAt: null });
});

describe("requireStaff", () => {
  it("sends an anonymous visitor to sign in, remembering where they were going", async () => {
    await expect(requireStaff("finance", "/statements/abc?x=1")).rejects.toThrow(
      "REDIRECT /sign-in?callbackUrl=%2Fstatements%2Fabc%3Fx%3D1",
    );
  });

  it("refuses a signed-in user without the role with the 403 page", async () => {
    session.value = { user: { id: "v", sv: 1 } };
    await expect(requireStaff("finance", "/")).rejects.toThrow("FORBIDDEN");
  });

  it("lets a signed-in user without a role through when no role is needed", async () => {
    session.value = { user: { id: "v", sv: 1 } };
    await expect(requireStaff(null)).resolves.toMatchObject({ email: "viewer@example.com" });
  });

  it("returns the finance user", async () => {
    session.value = { user: { id: "f", sv: 3 } };
    await expect(requireStaff("finance")).resolves.toEqual({ id: "f", email: "finance@example.com", name: "Finance", roles: ["finance"], sessionVersion: 3 });
  });

  it("reads roles from the database, so a removed role takes effect at once", async () => {
    session.value = { user: { id: "f", sv: 3 } };
    staff.rows.set("f", { ...staff.rows.get("f")!, roles: [] });
    await expect(requireStaff("finance")).rejects.toThrow("FORBIDDEN");
  });

  it.each([
    ["an older session version (signed out, or the password reset, since)", { id: "f", sv: 2 }],
    ["a newer session version", { id: "f", sv: 4 }],
    ["no session version (a JWT from before versions)", { id: "f" }],
    ["a session version that is not a number", { id: "f", sv: "3" }],
  ])("treats a session with %s as signed out", async (_label, user) => {
    session.value = { user };
    expect(await currentStaff()).toBeNull();
    await expect(requireStaff("finance", "/")).rejects.toThrow("REDIRECT /sign-in");
  });

  it("treats a session of a disabled user as signed out", async () => {
    session.value = { user: { id: "f", sv: 3 } };
    staff.rows.set("f", { ...staff.rows.get("f")!, disabledAt: new Date() });
    expect(await currentStaff()).toBeNull();
    await expect(requireStaff(null, "/")).rejects.toThrow("REDIRECT /sign-in");
  });

  it("treats a session for a deleted user as signed out", async () => {
    session.value = { user: { id: "gone", sv: 1 } };
    expect(await currentStaff()).toBeNull();
    await expect(requireStaff("finance", "/")).rejects.toThrow("REDIRECT /sign-in");
  });
});

describe("safeReturnPath", () => {
  it.each([
    ["/statements", "/statements"],
    ["/participants?q=smith&page=2", "/participants?q=smith&page=2"],
    ["https://evil.example.com/", "/"],
    ["//evil.example.com", "/"],
    ["/\\evil.example.com", "/"],
    ["javascript:alert(1)", "/"],
    // Browsers strip tabs and newlines and read "\\" as "/": each of these would leave the origin.
    ["/\t/evil.example", "/"],
    ["/\n/evil.example", "/"],
    ["/%09/evil.example", "/"],
    ["/%0a/evil.example", "/"],
    ["/%0D%0A/evil.example", "/"],
    ["/%5cevil.example", "/"],
    ["/%5Cevil.example", "/"],
    ["/%2f%2fevil.example", "/"],
    ["/%2F/evil.example", "/"],
    ["\\evil.example", "/"],
    ["/\u0000/evil.example", "/"],
    ["/%E0%A4%A", "/"],
    ["/statements#summary", "/statements#summary"],
    ["/participants?q=%C3%A9milie", "/participants?q=%C3%A9milie"],
    ["", "/"],
    [null, "/"],
  ])("%s → %s", (input, expected) => {
    expect(safeReturnPath(input)).toBe(expected);
  });
});
