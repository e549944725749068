// Staff accounts and sessions on a real database: the staff:* commands' functions, sign-in refusing a
// disabled user like a wrong password, and a session JWT captured before sign-out, a password reset
// or disabling the user refused afterwards. Then the commands themselves as a user runs them:
// db:setup creates no user and no token, --demo is refused in production, staff:add reads stdin.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

const jar = vi.hoisted(() => ({ sets: [] as { name: string; value: string }[] }));
vi.mock("next/headers", () => ({
  cookies: vi.fn(async () => ({ set: (name: string, value: string) => jar.sets.push({ name, value }) })),
}));

const { decode } = await import("next-auth/jwt");
const { authOptions } = await import("@/lib/auth/options");
const { staffOfSession } = await import("@/lib/auth/guard");
const { startSession } = await import("@/lib/auth/session");
const staff = await import("@/lib/auth/staff");
const { availableKinds, createTestDb } = await import("./db");
type TestDb = Awaited<ReturnType<typeof createTestDb>>;

const PASSWORD = "a-long-enough-password";
const SECRET = "integration-secret-0123456789abcdef0123456789";

/** Signs in as next-auth would see it: the cookie's JWT, decoded, through the session callback. */
async function signInAndCaptureSession(db: TestDb, email: string, password: string) {
  const user = await staff.authenticateStaff(db.prisma, email, password);
  if (!user) return null;
  jar.sets.length = 0;
  await startSession(user);
  const jwt = jar.sets.at(-1)!.value;
  return async () => {
    const token = await decode({ token: jwt, secret: SECRET });
    const session = await authOptions().callbacks!.session!({ session: { expires: "" }, token: token!, user: undefined as never, newSession: undefined, trigger: "update" } as never);
    return staffOfSession(db.prisma, session.user as { id?: unknown; sv?: unknown });
  };
}

describe.each(availableKinds())("staff accounts on %s", (kind) => {
  let db: TestDb;
  beforeAll(async () => {
    process.env.AUTH_SECRET = SECRET;
    db = await createTestDb(kind);
  });
  afterAll(async () => {
    await db?.drop();
  });
  let n = 0;
  let email = "";
  beforeEach(async () => {
    email = `staff${(n += 1)}@example.com`;
    await staff.createStaffUser(db.prisma, { email: email.toUpperCase(), name: ` Staff ${n} `, roles: ["finance", "approver", "finance"], password: PASSWORD });
  });

  it("staff:add stores the email in lower case, the roles once, and only a bcrypt hash of the password", async () => {
    const row = await db.prisma.staffUser.findUniqueOrThrow({ where: { email } });
    expect(row).toMatchObject({ email, name: `Staff ${n}`, roles: ["finance", "approver"], sessionVersion: 1, disabledAt: null });
    expect(row.passwordHash).toMatch(/^\$2[aby]\$12\$/);
    expect(row.passwordHash).not.toContain(PASSWORD);
    expect(await staff.authenticateStaff(db.prisma, email, PASSWORD)).toMatchObject({ email, roles: ["finance", "approver"] });
  });

  it("staff:add refuses a second user with the same email, a weak password and no role", async () => {
    await expect(staff.createStaffUser(db.prisma, { email: ` ${email} `, name: "Again", roles: ["finance"], password: PASSWORD })).rejects.toThrow(/already exists/);
    await expect(staff.createStaffUser(db.prisma, { email: "new@example.com", name: "New", roles: ["finance"], password: "short" })).rejects.toThrow(/at least 12/);
    await expect(staff.createStaffUser(db.prisma, { email: "new@example.com", name: "New", roles: [], password: PASSWORD })).rejects.toThrow(/at least one role/);
    await expect(staff.createStaffUser(db.prisma, { email: "not-an-email", name: "New", roles: ["finance"], password: PASSWORD })).rejects.toThrow(/not an email/);
    expect(await db.prisma.staffUser.count({ where: { email: { in: ["new@example.com", "not-an-email"] } } })).toBe(0);
  });

  it("a session JWT captured before sign-out is refused afterwards, and a new sign-in works", async () => {
    const session = (await signInAndCaptureSession(db, email, PASSWORD))!;
    expect(await session()).toMatchObject({ email, sessionVersion: 1 });
    const user = await db.prisma.staffUser.findUniqueOrThrow({ where: { email } });
    await staff.endStaffSessions(db.prisma, user.id); // what the sign-out action does
    expect(await session()).toBeNull();
    const again = (await signInAndCaptureSession(db, email, PASSWORD))!;
    expect(await again()).toMatchObject({ email, sessionVersion: 2 });
    expect(await session()).toBeNull();
  });

  it("a password reset ends every session; the old password no longer signs in, the new one does", async () => {
    const first = (await signInAndCaptureSession(db, email, PASSWORD))!;
    const second = (await signInAndCaptureSession(db, email, PASSWORD))!;
    await staff.resetStaffPassword(db.prisma, email, "another-long-password");
    expect(await first()).toBeNull();
    expect(await second()).toBeNull();
    expect(await staff.authenticateStaff(db.prisma, email, PASSWORD)).toBeNull();
    const renewed = (await signInAndCaptureSession(db, email, "another-long-password"))!;
    expect(await renewed()).toMatchObject({ email });
    await expect(staff.resetStaffPassword(db.prisma, "nobody@example.com", "another-long-password")).rejects.toThrow(/No staff user/);
    await expect(staff.resetStaffPassword(db.prisma, email, "short")).rejects.toThrow(/at least 12/);
  });

  it("disabling a user ends their sessions and refuses sign-in as a wrong password is; enabling lets them sign in again", async () => {
    const session = (await signInAndCaptureSession(db, email, PASSWORD))!;
    expect(await staff.disableStaffUser(db.prisma, email)).toBe(true);
    expect(await staff.disableStaffUser(db.prisma, email)).toBe(false);
    expect(await session()).toBeNull();
    // The same answer as a wrong password (the sign-in action shows one message for null).
    expect(await staff.authenticateStaff(db.prisma, email, PASSWORD)).toBeNull();
    expect(await staff.authenticateStaff(db.prisma, email, "wrong-password-entirely")).toBeNull();
    expect(await staff.enableStaffUser(db.prisma, email)).toBe(true);
    expect(await staff.enableStaffUser(db.prisma, email)).toBe(false);
    // Enabling does not bring old sessions back.
    expect(await session()).toBeNull();
    const renewed = (await signInAndCaptureSession(db, email, PASSWORD))!;
    expect(await renewed()).toMatchObject({ email });
  });

  it("staff:list shows every user, never a password hash", async () => {
    const listed = await staff.listStaffUsers(db.prisma);
    expect(listed.map((u) => u.email)).toContain(email);
    expect(JSON.stringify(listed)).not.toMatch(/\$2[aby]\$/);
  });
});

const root = path.resolve(import.meta.dirname, "../..");
function runScript(script: string, args: string[], env: Record<string, string>, input?: string) {
  const result = spawnSync(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), script, ...args], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "test", ...env },
    input,
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe.each(availableKinds().filter((kind) => kind === "postgres"))("the account commands on %s", (kind) => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb(kind, { migrate: false });
  });
  afterAll(async () => {
    await db?.drop();
  });

  it("db:setup --demo refuses with NODE_ENV=production, before touching the database", () => {
    const result = runScript("scripts/db-setup.ts", ["--demo"], { DATABASE_URL: db.url!, NODE_ENV: "production" });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/refuses to run with NODE_ENV=production/);
    expect(result.stdout).not.toMatch(/Migrations/);
  });

  it("db:setup migrates and creates no staff user and no API token", async () => {
    const result = runScript("scripts/db-setup.ts", [], { DATABASE_URL: db.url! });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Migrations: \d+ applied/);
    expect(result.stdout).toMatch(/No staff users yet: add the first with npm run staff:add/);
    expect(await db.prisma.staffUser.count()).toBe(0);
    expect(await db.prisma.apiToken.count()).toBe(0);
    expect(await db.prisma.leadProvider.count()).toBe(0);
  });

  it("staff:add reads the password from stdin, never from the command line", async () => {
    const refused = runScript("scripts/staff.ts", ["add", "--email", "first@example.com", "--name", "First", "--role", "finance", "--password", PASSWORD], { DATABASE_URL: db.url! });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/never taken from the command line/);
    const added = runScript("scripts/staff.ts", ["add", "--email", "first@example.com", "--name", "First", "--role", "finance,approver"], { DATABASE_URL: db.url! }, `${PASSWORD}\n`);
    expect(added.stderr).toBe("");
    expect(added.status).toBe(0);
    expect(await staff.authenticateStaff(db.prisma, "first@example.com", PASSWORD)).toMatchObject({ roles: ["finance", "approver"] });
    const twice = runScript("scripts/staff.ts", ["add", "--email", "first@example.com", "--name", "First", "--role", "finance"], { DATABASE_URL: db.url! }, `${PASSWORD}\n`);
    expect(twice.status).toBe(1);
    expect(twice.stderr).toMatch(/already exists\. Nothing changed\./);
  });
});
