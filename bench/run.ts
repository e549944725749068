// The benchmark suite, one command: `npm run bench` (tsx bench/run.ts).
//
//   npm run bench [-- --declarations N] [-- --smoke] [-- --skip-api] [-- --runs N] [-- --keep-db]
//
// Against the local PostgreSQL (BENCH_ADMIN_URL, else postgresql://postgres@127.0.0.1:5432/postgres;
// localhost only) it creates a fresh database, migrates it, seeds the demo and the scale data
// (seedScale: default 1,000,000 declarations ≈ 200k participants, 40 providers, 31 statements per
// provider and cohort) timing the seeding, then measures, each in this one database:
//
// 1. the statement page's data for the statement with the most line items, against baselines in
//    the same process, runs alternating: its view (loadStatementView) against one hand-written
//    GROUP BY over the statement's line items; and the whole page's data (loadStatementPage: the
//    view and the cohort's payments picture from one calculation, what
//    app/statements/[statementId]/page.tsx renders) against the same GROUP BY over every
//    statement of the provider's cohort;
// 2. participant search (bench/search.ts, run against this database through BENCH_DATABASE_URL);
// 3. the declarations CSV of the biggest statement (bench/csv.ts's measurement, each in its own
//    process: at the heap limit the server runs with, and at Node's default for comparison);
//    then the benchmark authorises that statement and times its page again (now the stored snapshot);
// 4. POST /api/v3/participant-declarations (bench/api-post.ts, each with its floor) twice: against
//    the production build in NEXT_DIST_DIR (default .next-3204; built first when it is not there)
//    started with scripts/start.mjs (`next start` with the server's Node options), then against the
//    API process (scripts/api-server.ts, `npm run start:api`), each on a free local port — skipped
//    with --skip-api, and in --smoke.
//
// Every figure goes, with the machine's core count, Node and PostgreSQL versions and the date, to
// bench/results/<date>-<n>.md and its JSON twin; a summary table is printed; the database is dropped
// (also on failure, unless --keep-db). `--smoke` (10,000 declarations, 2 providers, few runs, no API)
// is the CI run. Targets are reported, never asserted: the exit code is non-zero only when something
// failed to run (or a check of the figures' correctness failed), and the last line says which.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { Prisma } from "@/generated/prisma/client";
import { createDb, type Db } from "@/lib/db/client";
import { NO_DB_TIMEOUTS } from "@/lib/db/timeouts";
import { authoriseStatement, figuresOf } from "@/lib/statements/authorise";
import { explainStatementCsv } from "@/lib/statements/csv-rows";
import { loadStatementPage } from "@/lib/statements/overview";
import { loadStatementView } from "@/lib/statements/view";
import { PINNED_DEMO_TODAY } from "@/prisma/seed/dates";
import { seedDemo } from "@/prisma/seed/demo";
import { seedScale } from "@/prisma/seed/scale";
import { heapLabel, measureInChild, type HeapSetting, type Measurement as CsvMeasurement } from "./csv";
import { adminQuery, growth, percentile } from "./support";

const root = path.resolve(import.meta.dirname, "..");
const tsx = path.join(root, "node_modules/tsx/dist/cli.mjs");
const TARGETS = { statementRatio: 2, searchP95Ms: 50, shortSearchP95Ms: 100, csvRowsPerSecond: 60_000, csvRssMiB: 64, postFloorRatio: 2 } as const;

type Args = { declarations: number; providers: number; smoke: boolean; skipApi: boolean; runs: number; keepDb: boolean; curve: number[] | null };

/** `--curve`: the suite at each of these sizes (declarations), one after another. */
export const CURVE_SIZES = [100_000, 300_000, 1_000_000, 3_000_000];

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { declarations: 1_000_000, providers: 40, smoke: false, skipApi: false, runs: 30, keepDb: false, curve: null };
  let declarationsGiven = false;
  let runsGiven = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    const [name, inline] = arg.split("=", 2);
    const number = () => {
      const value = inline ?? argv[++i] ?? "";
      const n = Number(value.replace(/[_,]/g, ""));
      if (!Number.isInteger(n) || n < 1) throw new Error(`${name} needs a whole number, got "${value}".`);
      return n;
    };
    if (name === "--smoke") args.smoke = true;
    else if (name === "--curve") args.curve = CURVE_SIZES;
    else if (name === "--sizes") {
      const value = inline ?? argv[++i] ?? "";
      const sizes = value.split(",").map((v) => Number(v.trim().replace(/[_]/g, "")));
      if (sizes.length === 0 || sizes.some((n) => !Number.isInteger(n) || n < 1000 || n > 5_000_000)) throw new Error(`--sizes needs declaration counts from 1,000 to 5,000,000 separated by commas, got "${value}".`);
      args.curve = sizes;
    }
    else if (name === "--skip-api") args.skipApi = true;
    else if (name === "--keep-db") args.keepDb = true;
    else if (name === "--declarations") {
      args.declarations = number();
      declarationsGiven = true;
    } else if (name === "--runs") {
      args.runs = number();
      runsGiven = true;
    } else throw new Error(`Unknown argument "${arg}". Usage: npm run bench -- [--declarations N] [--smoke] [--skip-api] [--runs N] [--keep-db] [--curve | --sizes N,N,…]`);
  }
  if (args.declarations > 5_000_000) throw new Error("--declarations must be at most 5,000,000.");
  if (args.smoke) {
    if (!declarationsGiven) args.declarations = 10_000;
    if (!runsGiven) args.runs = 10;
    args.providers = 2;
    args.skipApi = true;
  }
  return args;
}

const adminUrl = process.env.BENCH_ADMIN_URL?.trim() || "postgresql://postgres@127.0.0.1:5432/postgres";

type Stats = { runs: number; p50: number; p95: number; max: number };

function stats(times: number[]): Stats {
  const sorted = [...times].sort((a, b) => a - b);
  return { runs: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1) ?? Number.NaN };
}

function log(message: string): void {
  console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);
}

/** Runs `tsx <script> …args` in its own process; resolves with its stdout, rejects on a non-zero exit. */
function runScript(script: string, args: string[], env: Record<string, string>, echo = true): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [tsx, script, ...args], { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (echo) process.stdout.write(chunk);
    });
    child.stderr.on("data", (chunk: Buffer) => process.stderr.write(chunk));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve(out) : reject(new Error(`${script} exited with ${code}`))));
  });
}

// ---------------------------------------------------------------------------
// 1. Statement page vs a hand-written GROUP BY
// ---------------------------------------------------------------------------

type StatementBench = {
  statementId: string;
  label: string;
  status: string;
  lineItems: number;
  source: string;
  /** The statement's view (loadStatementView) against the statement's GROUP BY. */
  page: Stats;
  baseline: Stats;
  ratioP50: number;
  ratioP95: number;
  /** The whole page's data (loadStatementPage: the view and the cohort's payments picture) against the cohort's GROUP BY. */
  whole: Stats;
  cohortBaseline: Stats;
  wholeRatioP50: number;
  wholeRatioP95: number;
};

async function benchStatement(db: Db, statementId: string, runs: number): Promise<StatementBench> {
  const [info] = await db.sql.query<{ label: string; status: string; line_items: number; lead_provider_id: string; cohort_id: string }>(
    `SELECT lp.name || ', ' || c.start_year || ', ' || s.name AS label, s.status::text AS status,
            (SELECT count(*) FROM statement_line_items li WHERE li.statement_id = s.id)::int AS line_items,
            s.lead_provider_id::text AS lead_provider_id, s.cohort_id::text AS cohort_id
       FROM statements s JOIN lead_providers lp ON lp.id = s.lead_provider_id JOIN cohorts c ON c.id = s.cohort_id
      WHERE s.id = $1`,
    [statementId],
  );
  if (!info) throw new Error(`No statement ${statementId}`);
  let source = "";
  const page = async () => {
    const loaded = await loadStatementView(db.prisma, statementId);
    if (!loaded || loaded.kind !== "view") throw new Error(`The statement page has no view for ${statementId}`);
    source = loaded.source;
    return loaded.view;
  };
  const whole = async () => {
    const data = await loadStatementPage(db.prisma, statementId, new Date());
    if (data?.loaded.kind !== "view" || !data.picture) throw new Error(`The statement page has no view or no payments picture for ${statementId}`);
    return data.picture;
  };
  const baseline = () =>
    db.prisma.$queryRaw<{ state: string; declaration_type: string; mentor: boolean; count: number }[]>(Prisma.sql`
      SELECT li.state::text AS state, d.declaration_type, (d.course_identifier = 'ecf-mentor') AS mentor, count(*)::int AS count
        FROM statement_line_items li
        JOIN participant_declarations d ON d.id = li.participant_declaration_id
       WHERE li.statement_id = ${statementId}::uuid
       GROUP BY 1, 2, 3`);
  // What the payments picture counts: every statement of the provider's cohort.
  const cohortBaseline = () =>
    db.prisma.$queryRaw<{ statement_id: string; count: number }[]>(Prisma.sql`
      SELECT li.statement_id::text AS statement_id, li.state::text AS state, d.declaration_type, (d.course_identifier = 'ecf-mentor') AS mentor, count(*)::int AS count
        FROM statements s
        JOIN statement_line_items li ON li.statement_id = s.id
        JOIN participant_declarations d ON d.id = li.participant_declaration_id
       WHERE s.lead_provider_id = ${info.lead_provider_id}::uuid AND s.cohort_id = ${info.cohort_id}::uuid
       GROUP BY 1, 2, 3, 4`);

  // The two must agree on the line items counted (the page's summary is billable + clawed back + voided).
  const view = await page();
  const groups = await baseline();
  const baselineTotal = groups.reduce((sum, g) => sum + Number(g.count), 0);
  const d = view.declarations;
  const viewTotal =
    Object.values(d.byType).reduce((sum, t) => sum + t.ect + t.mentor, 0) + d.clawedBack.ect + d.clawedBack.mentor + d.voided.ect + d.voided.mentor;
  if (viewTotal > baselineTotal) throw new Error(`The statement page counts ${viewTotal} line items, the GROUP BY ${baselineTotal}.`);
  const picture = await whole();
  const cohortStatements = new Set((await cohortBaseline()).map((g) => g.statement_id));
  if (picture.statements.length < cohortStatements.size) throw new Error(`The payments picture has ${picture.statements.length} statements, the cohort's GROUP BY ${cohortStatements.size}.`);

  for (let i = 0; i < 2; i += 1) {
    for (const fn of [page, baseline, whole, cohortBaseline]) await fn();
  }
  const pairs = [
    { measured: page, against: baseline, times: [[], []] as number[][] },
    { measured: whole, against: cohortBaseline, times: [[], []] as number[][] },
  ];
  for (let i = 0; i < runs; i += 1) {
    for (const pair of pairs) {
      // Alternate which goes first, so neither always runs on the other's warm cache.
      const order = i % 2 === 0 ? ([0, 1] as const) : ([1, 0] as const);
      for (const k of order) {
        const fn = k === 0 ? pair.measured : pair.against;
        const started = performance.now();
        await fn();
        pair.times[k]!.push(performance.now() - started);
      }
    }
  }
  const [viewPair, wholePair] = pairs as [(typeof pairs)[number], (typeof pairs)[number]];
  const p = stats(viewPair.times[0]!);
  const b = stats(viewPair.times[1]!);
  const w = stats(wholePair.times[0]!);
  const c = stats(wholePair.times[1]!);
  return {
    statementId,
    label: info.label,
    status: info.status,
    lineItems: info.line_items,
    source,
    page: p,
    baseline: b,
    ratioP50: p.p50 / b.p50,
    ratioP95: p.p95 / b.p95,
    whole: w,
    cohortBaseline: c,
    wholeRatioP50: w.p50 / c.p50,
    wholeRatioP95: w.p95 / c.p95,
  };
}

// ---------------------------------------------------------------------------
// 2. Search (bench/search.ts), 3. CSV (bench/csv.ts), 4. POST (bench/api-post.ts)
// ---------------------------------------------------------------------------

type SearchResult = {
  counts: { users: number; profiles: number; declarations: number };
  timings: { kind: string; description: string; runs: number; p50: number; p95: number; max: number; meanResults: number }[];
  plans: { title: string; plan: string; indexes: string[] }[];
};

async function benchSearch(url: string, runs: number, tmp: string): Promise<SearchResult & { seqScans: string[] }> {
  const out = path.join(tmp, "search.json");
  await runScript("bench/search.ts", ["--runs", String(Math.max(50, runs))], { BENCH_DATABASE_URL: url, BENCH_JSON_OUT: out }, false);
  const result = JSON.parse(await readFile(out, "utf8")) as SearchResult;
  const seqScans = result.plans.filter((p) => /Seq Scan on (users|participant_profiles)\b/.test(p.plan)).map((p) => p.title);
  return { ...result, seqScans };
}


type CsvBench = Record<HeapSetting, CsvMeasurement> & {
  /** The database's work for the file, per row: the fastest of three EXPLAIN ANALYZE runs of the export's query (no rows sent). */
  databaseUsPerRow: number;
};

/** The CPU the rows/s target leaves for each row on this machine: every core busy for the whole export. */
const csvCpuBudgetUsPerRow = (cores: number) => (cores * 1_000_000) / TARGETS.csvRowsPerSecond;

/**
 * The export measured twice, each in a fresh process: at the server's heap limit and at Node's
 * default; and the database's share of the work, timed on its own.
 */
async function benchCsv(db: Db, url: string, statementId: string, lineItems: number): Promise<CsvBench> {
  const server = await measureInChild(url, statementId, lineItems, "server");
  const defaultHeap = await measureInChild(url, statementId, lineItems, "default");
  const executionMs: number[] = [];
  for (let run = 0; run < 3; run += 1) {
    const plan = await explainStatementCsv(db.sql, statementId, { analyze: true });
    const ms = Number(/^Execution Time: ([\d.]+) ms$/m.exec(plan)?.[1]);
    if (!Number.isFinite(ms)) throw new Error("EXPLAIN ANALYZE of the export's query gave no execution time.");
    executionMs.push(ms);
  }
  return { server, default: defaultHeap, databaseUsPerRow: (Math.min(...executionMs) * 1000) / Math.max(1, lineItems) };
}

type ApiResult = {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  sent: number;
  seconds: number;
  ok: number;
  duplicates: number;
  errors: number;
  requests: number;
  concurrency: number;
  /** CPU the load generator (undici's Pool.request) spent per request, on the cores the server shares. */
  clientCpuMsPerRequest?: number;
  floor: { sent: number; rps: number; p50: number; p99: number; errors: number; clientCpuMsPerRequest?: number };
  ratio: { throughput: number; p50: number };
};

async function freePort(from: number): Promise<number> {
  for (let port = from; port < from + 50; port += 1) {
    const ok = await new Promise<boolean>((resolve) => {
      const server = net.createServer();
      server.once("error", () => resolve(false));
      server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
    });
    if (ok) return port;
  }
  throw new Error(`No free port from ${from}`);
}

/**
 * Builds the app into `distDir` (`next build`, about a minute) unless a build is there already.
 * next build adds `<distDir>/types` to tsconfig.json's include for a dist folder other than .next:
 * the committed tsconfig.json is put back afterwards.
 */
async function ensureProductionBuild(distDir: string): Promise<void> {
  if (existsSync(path.join(root, distDir, "BUILD_ID"))) return;
  log(`No production build in ${distDir}: building one (next build)…`);
  const tsconfigPath = path.join(root, "tsconfig.json");
  const tsconfig = await readFile(tsconfigPath, "utf8");
  try {
    await new Promise<void>((resolve, reject) => {
      const build = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], {
        cwd: root,
        env: { ...process.env, NODE_ENV: "production", NEXT_DIST_DIR: distDir },
        stdio: ["ignore", "ignore", "inherit"],
      });
      build.on("error", reject);
      build.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`next build exited with ${code}`))));
    });
  } finally {
    await writeFile(tsconfigPath, tsconfig);
  }
}

/** Which server answers the API in a run: Next (`npm start`, everything) or the API process (`npm run start:api`, /api/v3 only). */
type ApiServerKind = "next" | "process";

async function benchApi(url: string, distDir: string, tmp: string, smallLoad: boolean, kind: ApiServerKind): Promise<ApiResult> {
  const port = await freePort(kind === "next" ? 3204 : 3254);
  const base = `http://127.0.0.1:${port}`;
  const listen = ["-p", String(port), "-H", "127.0.0.1"];
  const command =
    kind === "next" ? [path.join(root, "scripts/start.mjs"), ...listen] : [path.join(root, "node_modules/tsx/dist/cli.mjs"), path.join(root, "scripts/api-server.ts"), ...listen];
  log(kind === "next" ? `Starting the production build (${distDir}) with next start on ${base}…` : `Starting the API process (npm run start:api) on ${base}…`);
  const server: ChildProcess = spawn(process.execPath, command, {
    cwd: root,
    // The API's per-token limit (1,000 a minute by default) would turn a load test into 429s.
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_DIST_DIR: distDir,
      DATABASE_URL: url,
      AUTH_SECRET: randomBytes(32).toString("hex"),
      API_RATE_LIMIT_PER_MINUTE: process.env.API_RATE_LIMIT_PER_MINUTE ?? "1000000",
    },
    stdio: ["ignore", "ignore", "pipe"],
    detached: true,
  });
  let serverErr = "";
  server.stderr?.on("data", (chunk: Buffer) => (serverErr = (serverErr + chunk.toString()).slice(-4000)));
  // Ready when its health check says the database answers (both servers serve /healthz).
  const probe = `${base}/healthz`;
  try {
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (server.exitCode !== null) throw new Error(`The ${kind === "next" ? "app" : "API process"} exited with ${server.exitCode}: ${serverErr}`);
      const ok = await fetch(probe).then((r) => r.ok, () => false);
      if (ok) break;
      if (Date.now() > deadline) throw new Error(`${probe} did not answer within 60 s: ${serverErr}`);
      await new Promise((r) => setTimeout(r, 500));
    }
    const out = path.join(tmp, `api-${kind}.json`);
    const load = smallLoad ? ["--requests", "200", "--concurrency", "4", "--seconds", "30"] : ["--requests", "2000", "--concurrency", "10", "--seconds", "60"];
    await runScript("bench/api-post.ts", load, { BENCH_URL: base, DATABASE_URL: url, BENCH_JSON_OUT: out, BENCH_SERVER: kind }, false);
    return JSON.parse(await readFile(out, "utf8")) as ApiResult;
  } finally {
    if (server.pid && server.exitCode === null) {
      try {
        process.kill(-server.pid, "SIGTERM");
      } catch {
        server.kill("SIGTERM");
      }
    }
  }
}

// ---------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------

type Report = {
  date: string;
  startedAt: string;
  machine: { cores: number; cpu: string; memoryGiB: number; platform: string; loadAverageStart: number[]; loadAverageEnd: number[] };
  node: string;
  postgres: string;
  mode: "smoke" | "full";
  seed: { declarations: number; providers: number; statementsPerProviderCohort: number; demoSeconds: number; scaleSeconds: number; users: number; lineItems: number };
  statement: StatementBench | null;
  /** The same statement once authorised: the page renders the stored snapshot. */
  paidStatement: (StatementBench & { authoriseMs: number }) | null;
  search: (SearchResult & { seqScans: string[] }) | null;
  csv: CsvBench | null;
  /** POST through Next (`npm start`). */
  api: ApiResult | { skipped: string } | null;
  /** POST through the API process (`npm run start:api`), the production API tier. */
  apiProcess: ApiResult | { skipped: string } | null;
  totalSeconds: number;
  errors: string[];
};

const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : "–");
const f2 = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : "–");
const int = (n: number) => Math.round(n).toLocaleString("en-GB");

function summaryRows(r: Report): [string, string, string][] {
  const rows: [string, string, string][] = [];
  rows.push(["Seeding: demo + scale", `${f1(r.seed.demoSeconds)} s + ${f1(r.seed.scaleSeconds)} s (${int(r.seed.declarations)} declarations, ${int(r.seed.users)} users, ${int(r.seed.lineItems)} line items)`, "minutes, not hours"]);
  const s = r.statement;
  if (s) {
    rows.push([`Statement page, p50 / p95 (${int(s.lineItems)} line items, ${s.status}, ${s.source})`, `${f1(s.page.p50)} / ${f1(s.page.p95)} ms`, ""]);
    rows.push(["Baseline GROUP BY, p50 / p95", `${f1(s.baseline.p50)} / ${f1(s.baseline.p95)} ms`, ""]);
    rows.push(["Statement page ÷ baseline, p50 / p95", `${s.ratioP50.toFixed(2)}× / ${s.ratioP95.toFixed(2)}×`, `≤ ${TARGETS.statementRatio}× ${s.ratioP50 <= TARGETS.statementRatio ? "met" : "MISSED"}`]);
    rows.push(["Whole page (view + payments picture), p50 / p95", `${f1(s.whole.p50)} / ${f1(s.whole.p95)} ms`, ""]);
    rows.push(["Cohort GROUP BY (what the picture counts), p50 / p95", `${f1(s.cohortBaseline.p50)} / ${f1(s.cohortBaseline.p95)} ms`, ""]);
    rows.push(["Whole page ÷ cohort GROUP BY, p50 / p95", `${s.wholeRatioP50.toFixed(2)}× / ${s.wholeRatioP95.toFixed(2)}×`, `≤ ${TARGETS.statementRatio}× ${s.wholeRatioP50 <= TARGETS.statementRatio ? "met" : "MISSED"}`]);
  }
  const q = r.paidStatement;
  if (q) {
    rows.push([`Authorising it (payable → paid, snapshot stored)`, `${f1(q.authoriseMs)} ms`, ""]);
    rows.push([`Statement page once paid (${q.source}), p50 / p95`, `${f1(q.page.p50)} / ${f1(q.page.p95)} ms`, ""]);
    rows.push(["Paid statement page ÷ baseline, p50 / p95", `${q.ratioP50.toFixed(2)}× / ${q.ratioP95.toFixed(2)}×`, `≤ ${TARGETS.statementRatio}× ${q.ratioP50 <= TARGETS.statementRatio ? "met" : "MISSED"}`]);
  }
  if (r.search) {
    for (const t of r.search.timings) {
      const short = t.description.includes("(short");
      const target = short ? TARGETS.shortSearchP95Ms : TARGETS.searchP95Ms;
      rows.push([`Search ${t.kind}: ${t.description}, p50 / p95`, `${f1(t.p50)} / ${f1(t.p95)} ms`, `p95 ≤ ${target} ms ${t.p95 <= target ? "met" : "MISSED"}`]);
    }
    rows.push(["Search plans with a Seq Scan on users/participant_profiles", r.search.seqScans.length === 0 ? "none" : r.search.seqScans.join("; "), "none"]);
  }
  if (r.csv) {
    const c = r.csv.server;
    const d = r.csv.default;
    rows.push([`CSV (${int(c.rows)} lines): first byte / first row`, `${f1(c.firstByteMs)} / ${f1(c.firstRowMs)} ms`, ""]);
    rows.push(["CSV: total, rows/s", `${(c.totalMs / 1000).toFixed(2)} s, ${int(c.rowsPerSecond)} rows/s`, `≥ ${int(TARGETS.csvRowsPerSecond)} ${c.rowsPerSecond >= TARGETS.csvRowsPerSecond ? "met" : "MISSED"}`]);
    const cpu = r.csv.databaseUsPerRow + c.processCpuUsPerRow;
    const budget = csvCpuBudgetUsPerRow(r.machine.cores);
    rows.push([
      "CSV: CPU a row, database (EXPLAIN ANALYZE) + export process = all",
      `${f1(r.csv.databaseUsPerRow)} + ${f1(c.processCpuUsPerRow)} = ${f1(cpu)} µs`,
      `${int(TARGETS.csvRowsPerSecond)} rows/s on ${r.machine.cores} cores leaves ${f1(budget)} µs: ${cpu <= budget ? "within" : "over"}`,
    ]);
    rows.push([`CSV: peak RSS growth (heap), ${heapLabel("server", c)}`, `${f1(c.peakRssGrowthMiB)} MiB (${f1(c.peakHeapGrowthMiB)} MiB)`, `≤ ${TARGETS.csvRssMiB} MiB ${c.peakRssGrowthMiB <= TARGETS.csvRssMiB ? "met" : "MISSED"}`]);
    rows.push([`CSV: peak RSS growth (heap), ${heapLabel("default", d)}`, `${f1(d.peakRssGrowthMiB)} MiB (${f1(d.peakHeapGrowthMiB)} MiB)`, "(for comparison)"]);
  }
  for (const [label, result] of [["Next", r.api], ["API process", r.apiProcess]] as const) {
    if (result && "skipped" in result) rows.push([`POST participant-declarations (${label})`, `skipped: ${result.skipped}`, ""]);
    else if (result) {
      const a = result;
      rows.push([`POST participant-declarations, ${label} (${a.sent} requests, concurrency ${a.concurrency})`, `${f1(a.rps)} requests/s, p50 ${f1(a.p50)} ms, p99 ${f1(a.p99)} ms`, `200: ${a.ok}, 422: ${a.duplicates}, errors: ${a.errors}`]);
      rows.push([`POST floor beside it: bare pg, the same round trips (${a.floor.sent} requests)`, `${f1(a.floor.rps)} requests/s, p50 ${f1(a.floor.p50)} ms, p99 ${f1(a.floor.p99)} ms`, `errors: ${a.floor.errors}`]);
      rows.push([`POST: client CPU per request, load generator (undici) / floor (bare pg)`, `${f2(a.clientCpuMsPerRequest ?? Number.NaN)} / ${f2(a.floor.clientCpuMsPerRequest ?? Number.NaN)} ms`, ""]);
      rows.push([`POST: floor ÷ ${label} throughput`, `${a.ratio.throughput.toFixed(2)}×`, `≤ ${TARGETS.postFloorRatio}× ${a.ratio.throughput <= TARGETS.postFloorRatio ? "met" : "MISSED"}`]);
    }
  }
  return rows;
}

/** One table per measure, a column per size, and how each grows. */
function curveMarkdown(reports: readonly Report[]): string {
  const sizes = reports.map((r) => r.seed.declarations);
  const lines = (r: Report) => r.statement?.lineItems ?? Number.NaN;
  type Measure = { title: string; unit: string; target?: string; value: (r: Report) => number; ratio?: boolean };
  const searchP95 = (r: Report, start: string) => r.search?.timings.find((t) => t.description.startsWith(start))?.p95 ?? Number.NaN;
  const api = (r: Report) => (r.api && !("skipped" in r.api) ? r.api : null);
  const apiProcess = (r: Report) => (r.apiProcess && !("skipped" in r.apiProcess) ? r.apiProcess : null);
  const measures: Measure[] = [
    { title: "Statement page ÷ GROUP BY, p50", unit: "×", target: `≤ ${TARGETS.statementRatio}`, value: (r) => r.statement?.ratioP50 ?? Number.NaN, ratio: true },
    { title: "Statement page, p50", unit: "ms", value: (r) => r.statement?.page.p50 ?? Number.NaN },
    { title: "Whole statement page (view + payments picture) ÷ cohort GROUP BY, p50", unit: "×", target: `≤ ${TARGETS.statementRatio}`, value: (r) => r.statement?.wholeRatioP50 ?? Number.NaN, ratio: true },
    { title: "Search p95, surname", unit: "ms", target: `≤ ${TARGETS.searchP95Ms}`, value: (r) => searchP95(r, "surname") },
    { title: "Search p95, one letter", unit: "ms", target: `≤ ${TARGETS.shortSearchP95Ms}`, value: (r) => searchP95(r, "one letter") },
    { title: "CSV rows/s", unit: "rows/s", target: `≥ ${int(TARGETS.csvRowsPerSecond)}`, value: (r) => r.csv?.server.rowsPerSecond ?? Number.NaN },
    { title: "CSV CPU a row, database + export process", unit: "µs", value: (r) => (r.csv ? r.csv.databaseUsPerRow + r.csv.server.processCpuUsPerRow : Number.NaN) },
    { title: "CSV first row", unit: "ms", value: (r) => r.csv?.server.firstRowMs ?? Number.NaN },
    { title: "CSV peak RSS growth", unit: "MiB", target: `≤ ${TARGETS.csvRssMiB}`, value: (r) => r.csv?.server.peakRssGrowthMiB ?? Number.NaN },
    { title: "POST requests/s, Next", unit: "req/s", value: (r) => api(r)?.rps ?? Number.NaN },
    { title: "POST floor ÷ API, Next", unit: "×", value: (r) => api(r)?.ratio.throughput ?? Number.NaN, ratio: true },
    { title: "POST requests/s, API process", unit: "req/s", value: (r) => apiProcess(r)?.rps ?? Number.NaN },
    { title: "POST floor ÷ API, API process", unit: "×", target: `≤ ${TARGETS.postFloorRatio}`, value: (r) => apiProcess(r)?.ratio.throughput ?? Number.NaN, ratio: true },
    { title: "Seeding the scale data", unit: "s", value: (r) => r.seed.scaleSeconds },
  ];
  const head = `| Measure | ${sizes.map((n) => `${int(n)} declarations`).join(" | ")} | Target | Growth |`;
  const rule = `|---|${sizes.map(() => "---:").join("|")}|---|---|`;
  const rows = measures.map((m) => {
    const cells = reports.map((r) => {
      const v = m.value(r);
      return Number.isFinite(v) ? (m.ratio ? v.toFixed(2) : m.unit === "rows/s" || m.unit === "req/s" ? int(v) : f1(v)) : "–";
    });
    const points = reports.map((r) => ({ size: r.seed.declarations, lines: lines(r), value: m.value(r) }));
    return `| ${m.title} (${m.unit}) | ${cells.join(" | ")} | ${m.target ?? ""} | ${growth(points)} |`;
  });
  const context = reports.map(
    (r) =>
      `- ${int(r.seed.declarations)} declarations: ${int(r.seed.users)} participants, busiest statement ${int(lines(r))} lines; load average ${r.machine.loadAverageStart.map(f1).join(" / ")} → ${r.machine.loadAverageEnd.map(f1).join(" / ")}; ${f1(r.totalSeconds)} s${r.errors.length ? `; errors: ${r.errors.join("; ")}` : ""}`,
  );
  return [
    `# Cost curves, ${reports[0]?.date ?? ""}`,
    "",
    `${reports[0]?.machine.cores ?? "?"} cores, Node ${reports[0]?.node ?? "?"}, PostgreSQL ${reports[0]?.postgres ?? "?"}; one \`npm run bench\` suite per size, one after another, each on a fresh database.`,
    "Growth: the exponent k in value ∝ size^k between the smallest and the largest run (flat < 0.15 ≤ sub-linear < 0.8 ≤ linear < 1.2 ≤ super-linear); for a ratio, flat means the target holds the same way at every size.",
    "",
    head,
    rule,
    ...rows,
    "",
    ...context,
    "",
  ].join("\n");
}

function markdown(r: Report): string {
  const m = r.machine;
  const lines = [
    `# Benchmark run, ${r.date} (${r.mode})`,
    "",
    `- Machine: **${m.cores} cores** (${m.cpu}), ${m.memoryGiB} GiB memory, ${m.platform}; load average ${m.loadAverageStart.map((n) => n.toFixed(1)).join(" / ")} at the start, ${m.loadAverageEnd.map((n) => n.toFixed(1)).join(" / ")} at the end`,
    `- Node ${r.node}; PostgreSQL ${r.postgres}, on the same machine`,
    `- Started ${r.startedAt}; whole run ${f1(r.totalSeconds)} s; produced by \`npm run bench${r.mode === "smoke" ? " -- --smoke" : ""}\` (bench/run.ts), method in docs/performance.md`,
    `- Data: demo seed + seedScale(${int(r.seed.declarations)} declarations, ${r.seed.providers} providers, ${r.seed.statementsPerProviderCohort} statements per provider and cohort)`,
    "",
    "| Measure | Value | Target |",
    "|---|---|---|",
    ...summaryRows(r).map(([a, b, c]) => `| ${a} | ${b} | ${c} |`),
    "",
  ];
  if (r.statement) {
    const s = r.statement;
    lines.push(
      "## Statement page",
      "",
      `Statement: ${s.label} (\`${s.statementId}\`), ${int(s.lineItems)} line items, status ${s.status}, view source ${s.source}.`,
      `${s.page.runs} alternating runs of each pair after 2 warm-ups. Page = \`loadStatementView\` (lib/statements/view.ts), the statement's own figures; baseline = one \`GROUP BY\` of the statement's line items joined to their declarations (state × declaration type × participant type). Whole page = \`loadStatementPage\` (lib/statements/overview.ts: that view and the cohort's payments picture, from one calculation of the cohort, what the page renders); its baseline = the same \`GROUP BY\` over every statement of the provider's cohort (what the picture counts).`,
      "",
      "| | p50 (ms) | p95 (ms) | max (ms) |",
      "|---|---:|---:|---:|",
      `| Statement page | ${f1(s.page.p50)} | ${f1(s.page.p95)} | ${f1(s.page.max)} |`,
      `| Baseline GROUP BY | ${f1(s.baseline.p50)} | ${f1(s.baseline.p95)} | ${f1(s.baseline.max)} |`,
      `| Ratio | ${s.ratioP50.toFixed(2)}× | ${s.ratioP95.toFixed(2)}× | |`,
      `| Whole page (view + payments picture) | ${f1(s.whole.p50)} | ${f1(s.whole.p95)} | ${f1(s.whole.max)} |`,
      `| Cohort GROUP BY | ${f1(s.cohortBaseline.p50)} | ${f1(s.cohortBaseline.p95)} | ${f1(s.cohortBaseline.max)} |`,
      `| Ratio | ${s.wholeRatioP50.toFixed(2)}× | ${s.wholeRatioP95.toFixed(2)}× | |`,
      "",
    );
  }
  if (r.paidStatement) {
    const s = r.paidStatement;
    lines.push(
      "## The same statement once paid",
      "",
      `Authorised by the benchmark (after the CSV measurement) in ${f1(s.authoriseMs)} ms; the page then renders the snapshot stored when it was authorised (one row read). Same method as above.`,
      "",
      "| | p50 (ms) | p95 (ms) | max (ms) |",
      "|---|---:|---:|---:|",
      `| Statement page (${s.source}) | ${f1(s.page.p50)} | ${f1(s.page.p95)} | ${f1(s.page.max)} |`,
      `| Baseline GROUP BY | ${f1(s.baseline.p50)} | ${f1(s.baseline.p95)} | ${f1(s.baseline.max)} |`,
      `| Ratio | ${s.ratioP50.toFixed(2)}× | ${s.ratioP95.toFixed(2)}× | |`,
      "",
    );
  }
  if (r.search) {
    lines.push(
      "## Participant search (bench/search.ts)",
      "",
      `Data: ${int(r.search.counts.users)} users, ${int(r.search.counts.profiles)} participant profiles, ${int(r.search.counts.declarations)} declarations.`,
      "",
      "| Query | Case | Runs | p50 (ms) | p95 (ms) | max (ms) | rows (mean) |",
      "|---|---|---:|---:|---:|---:|---:|",
      ...r.search.timings.map((t) => `| ${t.kind} | ${t.description} | ${t.runs} | ${f1(t.p50)} | ${f1(t.p95)} | ${f1(t.max)} | ${f1(t.meanResults)} |`),
      "",
      ...r.search.plans.flatMap((p) => [`### Plan: ${p.title}`, "", `Indexes used: ${p.indexes.join(", ") || "none"}`, "", "```", p.plan, "```", ""]),
    );
  }
  if (r.errors.length > 0) lines.push("## Errors", "", ...r.errors.map((e) => `- ${e}`), "");
  return lines.join("\n");
}

async function nextResultFile(date: string): Promise<string> {
  // BENCH_RESULTS_DIR: where a run's files go (the test command's smoke run keeps them out of git).
  const dir = process.env.BENCH_RESULTS_DIR ? path.resolve(process.env.BENCH_RESULTS_DIR) : path.join(root, "bench", "results");
  await mkdir(dir, { recursive: true });
  const taken = (await readdir(dir)).map((name) => new RegExp(`^${date}-(\\d+)\\.md$`).exec(name)?.[1]).filter(Boolean).map(Number);
  return path.join(dir, `${date}-${Math.max(0, ...taken) + 1}`);
}

async function suite(args: Args): Promise<Report> {
  const admin_ = new URL(adminUrl);
  if (!["127.0.0.1", "localhost", "[::1]"].includes(admin_.hostname)) throw new Error(`The benchmark runs against a local PostgreSQL only, not ${admin_.hostname}.`);
  const startedAt = new Date();
  const started = performance.now();
  const loadAverageStart = os.loadavg();
  const name = `ecf_bench_run_${Date.now()}_${randomBytes(3).toString("hex")}`;
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const dbUrl = url.toString();
  const tmp = path.join(os.tmpdir(), name);
  await mkdir(tmp, { recursive: true });
  // DfE's calendar: 31 statements per provider and cohort (lib/statements/rules/statement-calendar.ts).
  const statementsPerProviderCohort = 31;
  // The data is built around the tests' pinned date, on which the busiest statement is payable (the
  // benchmark authorises it to time the paid page); on today's date there may be none.
  const today = PINNED_DEMO_TODAY;
  const errors: string[] = [];
  const report: Report = {
    date: startedAt.toISOString().slice(0, 10),
    startedAt: startedAt.toISOString(),
    machine: { cores: os.cpus().length, cpu: os.cpus()[0]?.model.trim() ?? "unknown", memoryGiB: Math.round(os.totalmem() / 2 ** 30), platform: `${os.platform()} ${os.release()}`, loadAverageStart, loadAverageEnd: [] },
    node: process.version,
    postgres: "",
    mode: args.smoke ? "smoke" : "full",
    seed: { declarations: args.declarations, providers: args.providers, statementsPerProviderCohort, demoSeconds: 0, scaleSeconds: 0, users: 0, lineItems: 0 },
    statement: null,
    paidStatement: null,
    search: null,
    csv: null,
    api: null,
    apiProcess: null,
    totalSeconds: 0,
    errors,
  };

  // Fail rather than hang: a bound on the whole run.
  const limitMs = args.smoke ? 5 * 60_000 : 60 * 60_000;
  const timer = setTimeout(() => {
    console.error(`The benchmark did not finish within ${limitMs / 60_000} minutes.`);
    void adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).finally(() => process.exit(1));
  }, limitMs);
  timer.unref();

  log(`Creating database ${name}…`);
  await adminQuery(adminUrl, `CREATE DATABASE "${name}"`);
  let db: Db | null = null;
  try {
    db = await createDb({ kind: "postgres", url: dbUrl }, { migrate: true, poolSize: 8, timeouts: NO_DB_TIMEOUTS });
    report.postgres = (await db.sql.query<{ v: string }>("SELECT current_setting('server_version') AS v"))[0]?.v ?? "?";
    let t = performance.now();
    await seedDemo(db, { today });
    report.seed.demoSeconds = (performance.now() - t) / 1000;
    log(`Demo seeded in ${f1(report.seed.demoSeconds)} s. Seeding ${int(args.declarations)} declarations…`);
    t = performance.now();
    // The database was created above for this run alone: indexes built after the load.
    await seedScale(db, { declarations: args.declarations, providers: args.providers, today, bulk: true, log: (m) => log(`  ${m}`) });
    report.seed.scaleSeconds = (performance.now() - t) / 1000;
    await db.sql.exec("ANALYZE");
    const [counts] = await db.sql.query<{ users: number; line_items: number }>(
      "SELECT (SELECT count(*) FROM users)::int AS users, (SELECT count(*) FROM statement_line_items)::int AS line_items",
    );
    report.seed.users = counts?.users ?? 0;
    report.seed.lineItems = counts?.line_items ?? 0;
    log(`Scale data seeded in ${f1(report.seed.scaleSeconds)} s.`);

    // The busiest payable statement: the one a finance user would check and authorise.
    const [biggest] = await db.sql.query<{ id: string; n: number }>(
      `SELECT li.statement_id::text AS id, count(*)::int AS n
         FROM statement_line_items li JOIN statements s ON s.id = li.statement_id
        WHERE s.status = 'payable'
        GROUP BY li.statement_id ORDER BY count(*) DESC, li.statement_id LIMIT 1`,
    );
    const statementId = biggest?.id;
    if (!statementId) throw new Error("The seed made no payable statement with line items.");

    const step = async (what: string, fn: () => Promise<void>) => {
      log(`${what}…`);
      try {
        await fn();
      } catch (error) {
        const message = `${what}: ${error instanceof Error ? error.message : String(error)}`;
        errors.push(message);
        console.error(message);
      }
    };
    await step("Statement page vs GROUP BY", async () => {
      report.statement = await benchStatement(db as Db, statementId, args.runs);
    });
    await step("Participant search (bench/search.ts)", async () => {
      report.search = await benchSearch(dbUrl, args.runs, tmp);
    });
    await step("Declarations CSV (bench/csv.ts)", async () => {
      const [n] = await (db as Db).sql.query<{ n: number }>("SELECT count(*)::int AS n FROM statement_line_items WHERE statement_id = $1", [statementId]);
      report.csv = await benchCsv(db as Db, dbUrl, statementId, n?.n ?? 0);
    });
    await step("Statement page of the same statement once paid (stored snapshot)", async () => {
      // Authorised as the demo's approver, with the figures the authorise page would show now.
      const prisma = (db as Db).prisma;
      const approver = await prisma.staffUser.findUniqueOrThrow({ where: { email: "approver@example.com" } });
      const shown = await loadStatementView(prisma, statementId);
      if (shown?.kind !== "view") throw new Error("The statement to authorise could not be calculated.");
      const { fingerprint, totalWithVat } = figuresOf(shown.view);
      const t0 = performance.now();
      const outcome = await authoriseStatement(prisma, {
        statementId,
        actor: { type: "staff", id: approver.id, label: approver.email },
        checked: { fingerprint, totalWithVat },
      });
      const authoriseMs = performance.now() - t0;
      if (!outcome.ok) throw new Error(`Authorising the statement was refused: ${outcome.message}`);
      const paid = await benchStatement(db as Db, statementId, args.runs);
      if (paid.source !== "snapshot") throw new Error(`The paid statement was rendered from ${paid.source}, not its snapshot.`);
      report.paidStatement = { ...paid, authoriseMs };
    });
    const distDir = process.env.NEXT_DIST_DIR?.trim() || ".next-3204";
    if (args.skipApi) report.api = report.apiProcess = { skipped: args.smoke ? "not part of the smoke run" : "--skip-api" };
    else {
      await step("POST /api/v3/participant-declarations through Next (bench/api-post.ts)", async () => {
        await ensureProductionBuild(distDir);
        report.api = await benchApi(dbUrl, distDir, tmp, false, "next");
      });
      await step("POST /api/v3/participant-declarations through the API process (bench/api-post.ts)", async () => {
        report.apiProcess = await benchApi(dbUrl, distDir, tmp, false, "process");
      });
    }
  } catch (error) {
    errors.push(error instanceof Error ? (error.stack ?? error.message) : String(error));
    console.error(error);
  } finally {
    await db?.close();
    if (args.keepDb) log(`Kept the database: ${dbUrl}`);
    else await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch((e: unknown) => errors.push(`Dropping ${name}: ${String(e)}`));
    await rm(tmp, { recursive: true, force: true });
  }

  report.machine.loadAverageEnd = os.loadavg();
  report.totalSeconds = (performance.now() - started) / 1000;
  const file = await nextResultFile(report.date);
  await writeFile(`${file}.md`, markdown(report));
  await writeFile(`${file}.json`, `${JSON.stringify(report, null, 2)}\n`);

  console.log("");
  const rows = summaryRows(report);
  const width = Math.max(...rows.map((r) => r[0].length));
  for (const [a, b, c] of rows) console.log(`${a.padEnd(width)}  ${b}${c ? `  [${c}]` : ""}`);
  console.log(`\nMachine: ${report.machine.cores} cores, Node ${report.node}, PostgreSQL ${report.postgres}. Written to ${path.relative(root, file)}.md and .json.`);
  clearTimeout(timer);
  return report;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (!args.curve) {
    const report = await suite(args);
    if (report.errors.length > 0) {
      console.log(`BENCH FAILED (${report.mode}, ${f1(report.totalSeconds)} s): ${report.errors.length} error(s).`);
      return 1;
    }
    console.log(`BENCH OK (${report.mode}, ${f1(report.totalSeconds)} s).`);
    return 0;
  }
  const reports: Report[] = [];
  for (const declarations of args.curve) {
    log(`Cost curve: the suite at ${int(declarations)} declarations…`);
    reports.push(await suite({ ...args, declarations, curve: null }));
  }
  const file = `${await nextResultFile(reports[0]!.date)}-curve`;
  const text = curveMarkdown(reports);
  await writeFile(`${file}.md`, text);
  console.log(`\n${text}\nWritten to ${path.relative(root, file)}.md.`);
  const failed = reports.filter((r) => r.errors.length > 0);
  if (failed.length > 0) {
    console.log(`BENCH FAILED (curve): errors at ${failed.map((r) => int(r.seed.declarations)).join(", ")} declarations.`);
    return 1;
  }
  console.log("BENCH OK (curve).");
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    console.log("BENCH FAILED");
    process.exit(1);
  },
);
