// `npm run bench:cluster`: production's topology on one machine (scripts/cluster.mjs): two app
// instances of the production build and two API processes (`npm run start:api`) behind HAProxy,
// which sends /api/v3 to the API processes, on one PostgreSQL database; measured and checked in one
// run:
//   - POST /api/v3/participant-declarations (bench/api-post.ts), same load each time: against one
//     app instance (Next), against one API process, then through the balancer (both API
//     processes): requests/s, p50/p99, errors;
//   - exactly once: 20 concurrent voids of one declaration through the balancer (one 200, one
//     audit entry), and the daily job started twice at once (each due statement marked once).
// Its own database (ecf_bench_cluster, recreated), the demo data and the tests' pinned date.
// Needs a production build (`npm run build`) and HAProxy (`apt-get install haproxy`).
// Figures go to the console and bench/results/cluster-<date>.md. Measured, never asserted in tests.
//
//   npm run bench:cluster [-- --requests 2000 --concurrency 10]
import { execFile, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { appendFile, mkdir, readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs, promisify } from "node:util";
import pg from "pg";
import { PINNED_DEMO_TODAY } from "@/prisma/seed/dates";
import { haproxyPath, startCluster } from "../scripts/cluster.mjs";
import { adminQuery } from "./support";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "..");
const tsx = path.join(root, "node_modules/tsx/dist/cli.mjs");
const DB_NAME = "ecf_bench_cluster";
const PORT = 3160;

type Post = { rps: number; p50: number; p99: number; ok: number; duplicates: number; errors: number; sent: number; other: [number, number][] };

async function post(url: string, databaseUrl: string, requests: number, concurrency: number): Promise<Post> {
  const out = path.join(os.tmpdir(), `ecf-cluster-post-${Date.now()}.json`);
  await run(process.execPath, [tsx, "bench/api-post.ts", "--requests", String(requests), "--concurrency", String(concurrency), "--seconds", "60"], {
    cwd: root,
    env: { ...process.env, BENCH_URL: url, DATABASE_URL: databaseUrl, BENCH_JSON_OUT: out },
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(await readFile(out, "utf8")) as Post;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { requests: { type: "string", default: "2000" }, concurrency: { type: "string", default: "10" } } });
  const requests = Number(values.requests);
  const concurrency = Number(values.concurrency);
  if (!haproxyPath()) throw new Error("HAProxy is not installed: apt-get install haproxy (Debian), or set HAPROXY_PATH.");
  if (!existsSync(path.join(root, ".next", "BUILD_ID"))) throw new Error("No production build: run npm run build first.");

  const adminUrl = process.env.BENCH_ADMIN_URL?.trim() || "postgresql://postgres@127.0.0.1:5432/postgres";
  await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${DB_NAME}" WITH (FORCE)`);
  await adminQuery(adminUrl, `CREATE DATABASE "${DB_NAME}"`);
  const base = new URL(adminUrl);
  base.pathname = `/${DB_NAME}`;
  const databaseUrl = base.toString();
  const setup = spawnSync(process.execPath, [tsx, "scripts/db-setup.ts", "--demo", "--today", PINNED_DEMO_TODAY.toISOString().slice(0, 10)], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: "test" },
    encoding: "utf8",
  });
  if (setup.status !== 0) throw new Error(`db:setup --demo failed: ${setup.stderr || setup.stdout}`);

  const loadBefore = os.loadavg()[0] ?? 0;
  const cluster = await startCluster({
    port: PORT,
    instances: 2,
    apiInstances: 2,
    // The benchmark's own load is one token at hundreds of requests a second: no per-token limit here.
    env: { ...process.env, DATABASE_URL: databaseUrl, AUTH_SECRET: `bench-cluster-${Date.now()}-0123456789abcdef0123456789`, API_RATE_LIMIT_PER_MINUTE: "1000000" },
  });
  try {
    console.log(`Cluster: HAProxy ${cluster.url} → ${[...cluster.instanceUrls, ...cluster.apiInstanceUrls].join(", ")}`);
    console.log("POST through one app instance (Next)…");
    const next = await post(cluster.instanceUrls[0]!, databaseUrl, requests, concurrency);
    console.log("POST through one API process…");
    const single = await post(cluster.apiInstanceUrls[0]!, databaseUrl, requests, concurrency);
    console.log("POST through the balancer (both API processes)…");
    const balanced = await post(cluster.url, databaseUrl, requests, concurrency);

    // Exactly once: 20 concurrent voids of one declaration through the balancer.
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    let voids: { ok: number; refused: number; servedBy: string[]; state: string; audits: number };
    let job: { due: number; marked: number; outputs: string[] };
    try {
      const { rows } = await client.query<{ id: string }>(
        `SELECT d.id::text FROM participant_declarations d JOIN lead_providers lp ON lp.id = d.lead_provider_id
          WHERE lp.name = 'Ambition Institute' AND d.state IN ('submitted', 'eligible') ORDER BY d.id LIMIT 1`,
      );
      const id = rows[0]!.id;
      const responses = await Promise.all(
        Array.from({ length: 20 }, async () => {
          const response = await fetch(`${cluster.url}/api/v3/participant-declarations/${id}/void`, {
            method: "PUT",
            headers: { Authorization: "Bearer demo-token-ambition-institute" },
          });
          await response.arrayBuffer();
          return { status: response.status, servedBy: response.headers.get("x-served-by") ?? "?" };
        }),
      );
      const after = (
        await client.query<{ state: string; audits: number }>(
          `SELECT d.state::text, (SELECT count(*)::int FROM audit_logs a WHERE a.entity_id = d.id AND a.action = 'declaration.void') AS audits
             FROM participant_declarations d WHERE d.id = $1::uuid`,
          [id],
        )
      ).rows[0]!;
      voids = {
        ok: responses.filter((r) => r.status === 200).length,
        refused: responses.filter((r) => r.status === 422).length,
        servedBy: [...new Set(responses.map((r) => r.servedBy))].sort(),
        ...after,
      };

      // The daily job, started twice at once.
      const due = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM statements WHERE status = 'open' AND deadline_date < current_date`)).rows[0]!.n);
      const runs = await Promise.all(
        [0, 1].map(() => run(process.execPath, [tsx, "scripts/statements-mark-payable.ts"], { cwd: root, env: { ...process.env, DATABASE_URL: databaseUrl } })),
      );
      const marked = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM audit_logs WHERE action = 'statement.mark_payable'`)).rows[0]!.n);
      job = { due, marked, outputs: runs.map((r) => r.stdout.trim().split("\n").at(-1) ?? "") };
    } finally {
      await client.end();
    }

    const loadAfter = os.loadavg()[0] ?? 0;
    const date = new Date().toISOString().slice(0, 10);
    const f1 = (n: number) => n.toFixed(1);
    const line = (label: string, p: Post) =>
      `| ${label} | ${f1(p.rps)} | ${f1(p.p50)} | ${f1(p.p99)} | ${p.ok} | ${p.duplicates} | ${p.errors + p.other.reduce((n, [, c]) => n + c, 0)} |`;
    const report = `## ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC — 2 app instances and 2 API processes behind HAProxy, ${requests} requests at concurrency ${concurrency}

Machine: ${os.cpus().length} cores, Node ${process.version}; load average ${f1(loadBefore)} before, ${f1(loadAfter)} after (HAProxy, every instance, PostgreSQL and the load generator share the cores).

| POST /api/v3/participant-declarations | requests/s | p50 (ms) | p99 (ms) | 200 | 422 (duplicate) | errors / other |
|---|---:|---:|---:|---:|---:|---:|
${line("One app instance, Next (direct)", next)}
${line("One API process (direct)", single)}
${line("Through HAProxy (both API processes)", balanced)}

Exactly once:
- 20 concurrent voids of one declaration through the balancer (served by ${voids.servedBy.join(", ")}): ${voids.ok} × 200, ${voids.refused} × 422; the declaration is ${voids.state}, with ${voids.audits} void audit entr${voids.audits === 1 ? "y" : "ies"}.
- The daily job started twice at once: ${job.due} statements due, ${job.marked} marked (one audit entry each); the runs said: ${job.outputs.map((o) => `"${o}"`).join(" and ")}.
`;
    console.log(`\n${report}`);
    const dir = path.join(root, "bench", "results");
    await mkdir(dir, { recursive: true });
    await appendFile(path.join(dir, `cluster-${date}.md`), `${report}\n`);
    const exact = voids.ok === 1 && voids.refused === 19 && voids.audits === 1 && job.marked === job.due;
    if (!exact || next.errors + single.errors + balanced.errors > 0) process.exitCode = 1;
  } finally {
    await cluster.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
