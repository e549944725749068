// Sign-in and API limits against a real database: the sign-in counters in PostgreSQL are counted
// before the password check (a parallel burst counts in full) and shared by every instance; the
// password checks of a burst of unknown emails are capped; the API answers 429 with Retry-After.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { randomUUID } from "node:crypto";
import bcrypt from "bcryptjs";
import { setApiDepsForTests } from "@/lib/api/context";
import { createApiToken } from "@/lib/auth/api-tokens";
import { PASSWORD_CHECKS_AT_ONCE, PASSWORD_CHECKS_QUEUED, PasswordChecksBusyError } from "@/lib/auth/password-check";
import { createSignInLimiter, signInLimiter, type SignInLimiter } from "@/lib/auth/rate-limit";
import { FREE_SIGN_IN_ATTEMPTS } from "@/lib/auth/rules/sign-in-back-off";
import { authenticateStaff } from "@/lib/auth/staff";
import { createDb, type Db } from "@/lib/db/client";
import * as deliveryPartners from "@/app/api/v3/delivery-partners/route";
import { availableKinds, createTestDb, type TestDb } from "./db";

const postgres = availableKinds().includes("postgres");
const globalForDb = globalThis as unknown as { ecfDb?: Promise<Db> };
const globalForLimiter = globalThis as unknown as { ecfSignInLimiter?: unknown };

describe.skipIf(!postgres)("sign-in limits on PostgreSQL", () => {
  let db: TestDb;
  let other: Db;
  let limiter: SignInLimiter;
  let otherInstance: SignInLimiter;

  beforeAll(async () => {
    db = await createTestDb("postgres");
    // A second app instance: its own pool on the same database.
    other = await createDb({ kind: "postgres", url: db.url! });
    limiter = createSignInLimiter({ pool: db.pool! });
    otherInstance = createSignInLimiter({ pool: other.pool! });
  });

  afterAll(async () => {
    await other?.close();
    await db?.drop();
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it("20 parallel sign-in attempts for one email count as 20, and only 5 may check the password", async () => {
    const email = `burst-${randomUUID()}@example.com`;
    const decisions = await Promise.all(Array.from({ length: 20 }, () => limiter.attempt({ email, ip: "203.0.113.20" })));
    expect(decisions.filter((d) => d.ok)).toHaveLength(FREE_SIGN_IN_ATTEMPTS);
    // The attempts from the 5th on race for the wait: whichever takes it checks the password and
    // starts the wait of its own number (1 minute for the 5th, up to 15 for the 9th and later).
    const refused = decisions.filter((d) => !d.ok);
    expect(refused).toHaveLength(15);
    for (const d of refused) expect(d.waitSeconds).toBeGreaterThanOrEqual(55);
    for (const d of refused) expect(d.waitSeconds).toBeLessThanOrEqual(900);
    expect(await limiter.attemptsFor(email)).toBe(20);
    const [ipRow] = await db.sql.query<{ points: number }>(`SELECT points FROM rate_limits WHERE key = 'sign-in-ip:203.0.113.20'`);
    expect(ipRow?.points).toBe(20);
  });

  it("two instances on one database share the counts (email and address)", async () => {
    const email = `shared-${randomUUID()}@example.com`;
    for (let i = 0; i < 3; i++) expect(await limiter.attempt({ email, ip: null })).toEqual({ ok: true });
    for (let i = 0; i < 2; i++) expect(await otherInstance.attempt({ email, ip: null })).toEqual({ ok: true });
    // The 5th started a wait: the 6th is refused on either instance.
    expect(await limiter.attempt({ email, ip: null })).toEqual({ ok: false, waitSeconds: 60 });
    expect(await otherInstance.attemptsFor(email)).toBe(5);
    // A success on one instance clears it for both.
    await otherInstance.succeeded({ email, ip: null });
    expect(await limiter.attempt({ email, ip: null })).toEqual({ ok: true });

    const ip = "198.51.100.77";
    for (let i = 0; i < 10; i++) await limiter.attempt({ email: `a${i}-${randomUUID()}@example.com`, ip });
    for (let i = 0; i < 10; i++) await otherInstance.attempt({ email: `b${i}-${randomUUID()}@example.com`, ip });
    expect(await limiter.attempt({ email: `c-${randomUUID()}@example.com`, ip })).toMatchObject({ ok: false });
  });

  it("backs off 1 minute, then 2, as the stored waits expire", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const email = `back-off-${randomUUID()}@example.com`;
    for (let i = 0; i < FREE_SIGN_IN_ATTEMPTS; i++) await limiter.attempt({ email, ip: null });
    expect(await otherInstance.attempt({ email, ip: null })).toEqual({ ok: false, waitSeconds: 60 });
    vi.setSystemTime(Date.now() + 61_000);
    expect(await otherInstance.attempt({ email, ip: null })).toEqual({ ok: true });
    expect(await limiter.attempt({ email, ip: null })).toEqual({ ok: false, waitSeconds: 120 });
    expect(await limiter.attemptsFor(email)).toBe(6);
  });

  it("is the app's limiter when the app is on PostgreSQL", async () => {
    const savedDb = globalForDb.ecfDb;
    globalForDb.ecfDb = Promise.resolve(db);
    globalForLimiter.ecfSignInLimiter = undefined;
    try {
      const app = await signInLimiter();
      const email = `app-${randomUUID()}@example.com`;
      await app.attempt({ email, ip: null });
      // Counted in the database: the other instance sees it.
      expect(await otherInstance.attemptsFor(email)).toBe(1);
    } finally {
      globalForDb.ecfDb = savedDb;
      globalForLimiter.ecfSignInLimiter = undefined;
    }
  });
});

describe.each(availableKinds())("password checks on %s", (kind) => {
  let db: TestDb;

  beforeAll(async () => {
    db = await createTestDb(kind);
  });

  afterAll(async () => {
    await db?.drop();
  });

  it(`a burst of sign-ins with unknown emails runs at most ${PASSWORD_CHECKS_AT_ONCE} bcrypt checks at once, and refuses beyond the queue`, async () => {
    let running = 0;
    let most = 0;
    const compare = bcrypt.compare.bind(bcrypt);
    const spy = vi.spyOn(bcrypt, "compare").mockImplementation((async (password: string, hash: string) => {
      running++;
      most = Math.max(most, running);
      try {
        return await compare(password, hash);
      } finally {
        running--;
      }
    }) as typeof bcrypt.compare);
    try {
      const results = await Promise.allSettled(
        Array.from({ length: 20 }, () => authenticateStaff(db.prisma, `nobody-${randomUUID()}@example.com`, "guess")),
      );
      expect(most).toBe(PASSWORD_CHECKS_AT_ONCE);
      expect(spy).toHaveBeenCalledTimes(PASSWORD_CHECKS_AT_ONCE + PASSWORD_CHECKS_QUEUED);
      expect(results.filter((r) => r.status === "fulfilled" && r.value === null)).toHaveLength(PASSWORD_CHECKS_AT_ONCE + PASSWORD_CHECKS_QUEUED);
      const refused = results.filter((r) => r.status === "rejected");
      expect(refused).toHaveLength(20 - PASSWORD_CHECKS_AT_ONCE - PASSWORD_CHECKS_QUEUED);
      for (const r of refused) expect((r as PromiseRejectedResult).reason).toBeInstanceOf(PasswordChecksBusyError);
    } finally {
      spy.mockRestore();
    }
  });
});

describe.each(availableKinds())("the API's per-token limit on %s", (kind) => {
  let db: TestDb;
  let restore: () => void;
  let token: string;
  let otherToken: string;
  const savedLimit = process.env.API_RATE_LIMIT_PER_MINUTE;

  beforeAll(async () => {
    db = await createTestDb(kind);
    await db.prisma.leadProvider.create({ data: { name: "Rate Limited Provider" } });
    const expiresAt = new Date(Date.now() + 24 * 3_600_000);
    token = (await createApiToken(db.prisma, "Rate Limited Provider", { expiresAt })).token;
    otherToken = (await createApiToken(db.prisma, "Rate Limited Provider", { expiresAt })).token;
    restore = setApiDepsForTests({ db: async () => db });
    process.env.API_RATE_LIMIT_PER_MINUTE = "5";
  });

  afterAll(async () => {
    restore?.();
    if (savedLimit === undefined) delete process.env.API_RATE_LIMIT_PER_MINUTE;
    else process.env.API_RATE_LIMIT_PER_MINUTE = savedLimit;
    await db?.drop();
  });

  const get = (bearer: string) =>
    deliveryPartners.GET(new Request("http://localhost/api/v3/delivery-partners", { headers: { Authorization: `Bearer ${bearer}` } }));

  it("answers 429 with Retry-After and a JSON:API error once a token has used its requests for the minute", async () => {
    for (let i = 0; i < 5; i++) expect((await get(token)).status).toBe(200);
    const refused = await get(token);
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("Retry-After"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await refused.json()).toEqual({
      errors: [{ title: "Too many requests", detail: `Your API token can make 5 requests a minute. Wait ${retryAfter} ${retryAfter === 1 ? "second" : "seconds"} and try again.` }],
    });
    // Per token: another token of the same provider still gets through.
    expect((await get(otherToken)).status).toBe(200);
    // An unknown token is a 401, not counted against anyone.
    expect((await get("ecf_not-a-token")).status).toBe(401);
  });
});
