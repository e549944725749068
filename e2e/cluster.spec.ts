// Two app instances and two API processes behind HAProxy on one PostgreSQL database
// (scripts/cluster.mjs), production's topology: what "the app scales out" has to mean. A session
// made on one instance works on the other; the balancer sends /api/v3 to the API processes, and 20
// concurrent voids of one declaration spread over both change it once; the sign-in limiter counts
// across instances; the daily job started on both at once marks each statement once. Its own
// database (ecf_e2e_cluster_<port>, made and seeded with the demo data by scripts/e2e-database.mjs,
// as every end-to-end database is); the production build the other journeys use.
import { spawn } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { PINNED_DEMO_TODAY } from "../prisma/seed/dates";
import { startCluster } from "../scripts/cluster.mjs";
import { freshPostgresDatabase, setUpDemoData } from "../scripts/e2e-database.mjs";
import { DEMO_PASSWORD, FINANCE_USER, expect, expectAccessible, screenshot, test, withDb } from "./fixtures";

const BALANCER_PORT = Number(process.env.E2E_CLUSTER_PORT ?? 3150);
const DB_NAME = `ecf_e2e_cluster_${BALANCER_PORT}`;
const root = path.resolve(import.meta.dirname, "..");
const tsx = path.join(root, "node_modules/tsx/dist/cli.mjs");
const AMBITION_TOKEN = "demo-token-ambition-institute";

let cluster: Awaited<ReturnType<typeof startCluster>>;
let databaseUrl: string;

/** A client on the cluster's own database. */
function onClusterDb<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  return withDb(fn, databaseUrl);
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(300_000);
  const url = await freshPostgresDatabase(DB_NAME);
  if (!url) throw new Error("The cluster journey needs PostgreSQL on 127.0.0.1:5432 (or DATABASE_URL): several instances cannot share the embedded database.");
  databaseUrl = url;
  setUpDemoData({ ...process.env, DATABASE_URL: databaseUrl }, { today: PINNED_DEMO_TODAY.toISOString().slice(0, 10), quiet: true });
  cluster = await startCluster({
    port: BALANCER_PORT,
    instances: 2,
    apiInstances: 2,
    env: { ...process.env, DATABASE_URL: databaseUrl, AUTH_SECRET: "cluster-e2e-only-secret-0123456789abcdef0123", NEXTAUTH_URL: `http://127.0.0.1:${BALANCER_PORT}` },
  });
});

test.afterAll(async () => {
  await cluster?.stop();
});

test("a session made on one instance works on the other, and through the balancer on both", async ({ page }) => {
  const [first, second] = cluster.instanceUrls as [string, string];
  await page.goto(`${first}/sign-in?callbackUrl=%2Fstatements`);
  await page.getByLabel("Email address").fill(FINANCE_USER);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(`${first}/statements`);

  // The same cookie (the host is 127.0.0.1 on every port) on the other instance: still signed in.
  await page.goto(`${second}/statements`);
  await expect(page).toHaveURL(`${second}/statements`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Statements");
  await expectAccessible(page);
  await screenshot(page, "cluster-statements-on-second-instance");

  // Through the balancer: round robin over both instances, every page signed in.
  const servedBy = new Set<string>();
  for (let i = 0; i < 4; i += 1) {
    const response = await page.goto(`${cluster.url}/statements`);
    expect(response?.status()).toBe(200);
    servedBy.add(response?.headers()["x-served-by"] ?? "");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Statements");
  }
  expect([...servedBy].sort()).toEqual(["app1", "app2"]);
});

test("20 concurrent voids of one declaration through the balancer, spread over both API processes, change it once", async () => {
  const [declaration] = await onClusterDb(async (client) =>
    (
      await client.query<{ id: string }>(
        `SELECT d.id::text FROM participant_declarations d JOIN lead_providers lp ON lp.id = d.lead_provider_id
          WHERE lp.name = 'Ambition Institute' AND d.state IN ('submitted', 'eligible') ORDER BY d.id LIMIT 1`,
      )
    ).rows,
  );
  expect(declaration).toBeDefined();
  const responses = await Promise.all(
    Array.from({ length: 20 }, async () => {
      const response = await fetch(`${cluster.url}/api/v3/participant-declarations/${declaration!.id}/void`, {
        method: "PUT",
        headers: { Authorization: `Bearer ${AMBITION_TOKEN}` },
      });
      return { status: response.status, servedBy: response.headers.get("x-served-by"), body: await response.text() };
    }),
  );
  expect(new Set(responses.map((r) => r.servedBy))).toEqual(new Set(["api1", "api2"]));
  expect(responses.filter((r) => r.status === 200)).toHaveLength(1);
  const refused = responses.filter((r) => r.status !== 200);
  expect(refused).toHaveLength(19);
  expect(new Set(refused.map((r) => r.status))).toEqual(new Set([422]));
  const [row] = await onClusterDb(async (client) =>
    (
      await client.query<{ state: string; audits: number }>(
        `SELECT d.state::text, (SELECT count(*)::int FROM audit_logs a WHERE a.entity_id = d.id AND a.action = 'declaration.void') AS audits
           FROM participant_declarations d WHERE d.id = $1::uuid`,
        [declaration!.id],
      )
    ).rows,
  );
  expect(row).toEqual({ state: "voided", audits: 1 });
});

test("failed sign-ins for one email are counted across both instances", async ({ browser }) => {
  const email = "nobody-cluster@example.com";
  const contexts = await Promise.all([browser.newContext(), browser.newContext()]);
  const pages = await Promise.all(contexts.map((c) => c.newPage()));
  const messages: string[] = [];
  // Six attempts, alternating between the instances: three on each. Per-process counters would let
  // each instance see only three of the five allowed; shared ones refuse the sixth.
  for (let attempt = 0; attempt < 6; attempt += 1) {
    const page = pages[attempt % 2]!;
    await page.goto(`${cluster.instanceUrls[attempt % 2]}/sign-in`);
    await page.getByLabel("Email address").fill(email);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator(".govuk-error-summary")).toBeVisible();
    messages.push((await page.locator(".govuk-error-summary__list").innerText()).trim());
  }
  expect(messages.slice(0, 5).every((m) => m === "Enter a correct email address and password")).toBe(true);
  expect(messages[5]).toMatch(/^Too many attempts to sign in\. Wait \d+ minutes? and try again\.$/);
  await Promise.all(contexts.map((c) => c.close()));
});

test("the daily job started on both instances at once marks each statement once", async () => {
  const due = await onClusterDb(async (client) =>
    Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM statements WHERE status = 'open' AND deadline_date < current_date`)).rows[0]!.n),
  );
  expect(due).toBeGreaterThan(0);
  const runJob = () =>
    new Promise<{ code: number | null; out: string }>((resolve) => {
      const child = spawn(process.execPath, [tsx, "scripts/statements-mark-payable.ts"], { cwd: root, env: { ...process.env, DATABASE_URL: databaseUrl } });
      let out = "";
      child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
      child.stderr.on("data", (chunk: Buffer) => (out += chunk.toString()));
      child.on("close", (code) => resolve({ code, out }));
    });
  const runs = await Promise.all([runJob(), runJob()]);
  expect(runs.map((r) => r.code)).toEqual([0, 0]);
  const [counts] = await onClusterDb(async (client) =>
    (
      await client.query<{ audits: number; still_due: number }>(
        `SELECT (SELECT count(*)::int FROM audit_logs WHERE action = 'statement.mark_payable') AS audits,
                (SELECT count(*)::int FROM statements WHERE status = 'open' AND deadline_date < current_date) AS still_due`,
      )
    ).rows,
  );
  expect(counts).toEqual({ audits: due, still_due: 0 });
  // One run did the work; the other found it running (or, if it started after, nothing to do).
  const worked = runs.filter((r) => r.out.includes("marked payable."));
  expect(worked).toHaveLength(1);
  expect(runs.filter((r) => /in progress|nothing changed/.test(r.out))).toHaveLength(1);
});
