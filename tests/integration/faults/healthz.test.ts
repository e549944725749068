// /healthz through the app's shared client (getDb(), opened from DATABASE_URL): 503 while the
// database cannot be reached, whether it refuses connections or never answers, and 200 again
// once it is back, from the same process and the same pool, without a restart.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb, type Db } from "@/lib/db/client";
import { GET, HEALTH_TIMEOUT_MS } from "@/app/healthz/route";
import { availableKinds, createTestDb, type TestDb } from "../db";
import { startTcpProxy, type TcpProxy } from "./tcp-proxy";

const globalForDb = globalThis as unknown as { ecfDb?: Promise<Db> };
const postgres = availableKinds().includes("postgres");

async function health(): Promise<{ status: number; body: unknown; ms: number }> {
  const started = performance.now();
  const response = await GET();
  return { status: response.status, body: await response.json(), ms: performance.now() - started };
}

describe.skipIf(!postgres)("/healthz when the database goes away and comes back (PostgreSQL)", () => {
  let db: TestDb;
  let proxy: TcpProxy;
  const savedUrl = process.env.DATABASE_URL;

  beforeAll(async () => {
    db = await createTestDb("postgres");
    proxy = await startTcpProxy(db.url!);
    process.env.DATABASE_URL = proxy.url;
    globalForDb.ecfDb = undefined;
  });

  afterAll(async () => {
    const shared = globalForDb.ecfDb;
    globalForDb.ecfDb = undefined;
    if (savedUrl === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = savedUrl;
    await (await shared?.catch(() => undefined))?.close();
    await proxy?.close();
    await db?.drop();
  });

  it("200 while the database answers", async () => {
    expect(await health()).toMatchObject({ status: 200, body: { status: "ok", database: "up" } });
  });

  it("503 when the database refuses connections, 200 again when it returns, from the same shared client", async () => {
    const shared = await getDb();
    await proxy.refuse();
    const down = await health();
    expect(down).toMatchObject({ status: 503, body: { status: "unavailable", database: "down" } });
    expect(down.ms).toBeLessThan(HEALTH_TIMEOUT_MS + 500);

    await proxy.restore();
    expect(await health()).toMatchObject({ status: 200, body: { database: "up" } });
    expect(await getDb()).toBe(shared);
  });

  it("503 within about 2 seconds when the database accepts connections but never answers, then 200 when it does", async () => {
    proxy.blackHole();
    const down = await health();
    expect(down.status).toBe(503);
    expect(down.ms).toBeGreaterThanOrEqual(HEALTH_TIMEOUT_MS - 50);
    expect(down.ms).toBeLessThan(HEALTH_TIMEOUT_MS + 1_000);

    await proxy.restore();
    expect(await health()).toMatchObject({ status: 200, body: { database: "up" } });
  });

  it("a database that is down when the app opens it: 503, then 200 once it is up", async () => {
    const shared = globalForDb.ecfDb;
    globalForDb.ecfDb = undefined;
    await (await shared)?.close();
    await proxy.refuse();
    expect((await health()).status).toBe(503);
    await proxy.restore();
    expect((await health()).status).toBe(200);
  });
});
