// Where one POST /api/v3/participant-declarations spends its time: the production build under
// Node's CPU profiler, and PostgreSQL's own timing of every statement (log_min_duration_statement = 0
// on the benchmark's database only), for requests sent one at a time. Writes a summary to the
// console and bench/results/profile-post-<date>.md (docs/performance.md quotes it).
//
//   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/ecf_bench_api NEXT_DIST_DIR=.next-prof \
//     npx tsx bench/profile-post.ts [--requests 300]
//
// The database's name must contain "bench" (bench/api-post.ts adds participants to it); it must have
// the demo data (`NODE_ENV=development npm run db:setup -- --demo`). Reads the PostgreSQL log file
// (PG_LOG, default Debian's /var/log/postgresql/postgresql-15-main.log), so it runs on the machine
// that runs PostgreSQL.
import { execFile, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs, promisify } from "node:util";
import pg from "pg";
import { SERVER_HEAP_LIMIT_MIB } from "../scripts/server-options.mjs";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "..");
const PORT = 3170;

type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

/** Where a sample's code lives: a package, our own code (by folder), Node itself, or idle/GC. */
function bucket(frame: ProfileNode["callFrame"]): string {
  const url = frame.url;
  if (!url) {
    if (frame.functionName === "(idle)" || frame.functionName === "(program)" || frame.functionName === "(garbage collector)") return frame.functionName;
    return "(native / V8)";
  }
  if (url.startsWith("node:")) return `node:${url.slice(5).split("/")[0]}`;
  const modules = url.lastIndexOf("node_modules/");
  if (modules >= 0) {
    const rest = url.slice(modules + "node_modules/".length).split("/");
    return rest[0]!.startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  const chunk = /\.next[^/]*\/server\/(chunks|app)\//.exec(url);
  if (chunk) return "app code (bundled: lib/, app/)";
  return path.relative(root, url.replace("file://", "")) || url;
}

function summariseProfile(profile: Profile): { totalMs: number; rows: [string, number][] } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    const node = byId.get(id);
    if (!node) return;
    const key = bucket(node.callFrame);
    self.set(key, (self.get(key) ?? 0) + dt);
    total += dt;
  });
  return { totalMs: total, rows: [...self.entries()].sort((a, b) => b[1] - a[1]) };
}

/** PostgreSQL's log lines for this database since `offset`: statement durations, grouped by statement shape. */
function summariseLog(file: string, offset: number, db: string) {
  // A statement's text runs on over the following lines (each starting with a tab): join them.
  const text = readFileSync(file, "utf8").slice(offset).replace(/\n\t/g, " ");
  const statements = new Map<string, { n: number; ms: number }>();
  let count = 0;
  let totalMs = 0;
  for (const line of text.split("\n")) {
    if (!line.includes(`@${db} `)) continue;
    const m = /duration: ([\d.]+) ms\s+(?:statement|execute [^:]*|parse [^:]*|bind [^:]*): (.*)$/.exec(line);
    if (!m) continue;
    if (/duration: [\d.]+ ms\s+(parse|bind) /.test(line)) continue; // the execute line carries the statement
    const ms = Number(m[1]);
    const shape = m[2]!.replace(/\s+/g, " ").replace(/'[^']*'/g, "'…'").replace(/\$\d+/g, "$n").slice(0, 110);
    const entry = statements.get(shape) ?? { n: 0, ms: 0 };
    entry.n += 1;
    entry.ms += ms;
    statements.set(shape, entry);
    count += 1;
    totalMs += ms;
  }
  return { count, totalMs, rows: [...statements.entries()].sort((a, b) => b[1].ms - a[1].ms) };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { requests: { type: "string", default: "300" } } });
  const requests = Number(values.requests);
  const databaseUrl = process.env.DATABASE_URL?.trim();
  if (!databaseUrl || !new URL(databaseUrl).pathname.includes("bench")) throw new Error("DATABASE_URL must name a bench database (its name contains \"bench\") with the demo data.");
  const dbName = new URL(databaseUrl).pathname.slice(1);
  const distDir = process.env.NEXT_DIST_DIR?.trim() || ".next";
  if (!statSync(path.join(root, distDir, "BUILD_ID"), { throwIfNoEntry: false })) throw new Error(`No production build in ${distDir}: NEXT_DIST_DIR=${distDir} npx next build first.`);
  const pgLog = process.env.PG_LOG ?? "/var/log/postgresql/postgresql-15-main.log";

  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  const profileDir = mkdtempSync(path.join(os.tmpdir(), "ecf-profile-"));
  // Before the server opens its connections (a session reads the setting when it starts).
  await admin.query(`ALTER DATABASE "${dbName}" SET log_min_duration_statement = 0`);
  // `next start` itself under the profiler (--cpu-prof is not allowed in NODE_OPTIONS), with the
  // server's heap limit (scripts/server-options.mjs).
  const next = path.join(root, "node_modules/next/dist/bin/next");
  const server = spawn(process.execPath, [`--max-old-space-size=${SERVER_HEAP_LIMIT_MIB}`, "--cpu-prof", `--cpu-prof-dir=${profileDir}`, next, "start", "-p", String(PORT), "-H", "127.0.0.1"], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_DIST_DIR: distDir,
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: randomBytes(32).toString("hex"),
      API_RATE_LIMIT_PER_MINUTE: "1000000",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  let logOffset = 0;
  let post = "";
  try {
    const deadline = Date.now() + 90_000;
    while (!(await fetch(`http://127.0.0.1:${PORT}/healthz`).then((r) => r.ok, () => false))) {
      if (Date.now() > deadline || server.exitCode !== null) throw new Error("The app did not start.");
      await new Promise((r) => setTimeout(r, 300));
    }
    logOffset = statSync(pgLog).size;
    const out = path.join(profileDir, "post.json");
    await run(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "bench/api-post.ts", "--requests", String(requests), "--concurrency", "1", "--duplicates", "0.25", "--no-floor"], {
      cwd: root,
      env: { ...process.env, BENCH_URL: `http://127.0.0.1:${PORT}`, DATABASE_URL: databaseUrl, BENCH_JSON_OUT: out },
      maxBuffer: 16 * 1024 * 1024,
    });
    post = readFileSync(out, "utf8");
  } finally {
    await admin.query(`ALTER DATABASE "${dbName}" RESET log_min_duration_statement`).catch(() => undefined);
    await admin.end();
    await new Promise<void>((resolve) => {
      server.once("exit", () => resolve());
      server.kill("SIGINT");
    });
  }
  const files = readdirSync(profileDir).filter((f) => f.endsWith(".cpuprofile"));
  // The server process's profile is the biggest (start.mjs's own is tiny).
  const biggest = files.map((f) => path.join(profileDir, f)).sort((a, b) => statSync(b).size - statSync(a).size)[0];
  if (!biggest) throw new Error("No CPU profile was written.");
  const profile = summariseProfile(JSON.parse(readFileSync(biggest, "utf8")) as Profile);
  const result = JSON.parse(post) as { sent: number; rps: number; p50: number; p99: number };
  const sql = summariseLog(pgLog, logOffset, dbName);
  const busy = profile.rows.filter(([k]) => k !== "(idle)");
  const busyMs = busy.reduce((n, [, ms]) => n + ms, 0);
  const lines = [
    `## ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC — ${result.sent} requests one at a time (25% duplicates)`,
    "",
    `API: ${result.rps.toFixed(1)} requests/s, p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms (one at a time).`,
    `Server CPU while profiled: ${(busyMs / 1000).toFixed(1)} s busy of ${(profile.totalMs / 1000).toFixed(1)} s (${(busyMs / result.sent).toFixed(2)} ms of CPU per request, start-up included).`,
    "",
    "| Where the server's CPU went (self time) | ms | share of busy |",
    "|---|---:|---:|",
    ...busy.slice(0, 15).map(([k, ms]) => `| ${k} | ${ms.toFixed(0)} | ${((100 * ms) / busyMs).toFixed(1)}% |`),
    "",
    `PostgreSQL (log_min_duration_statement = 0): ${sql.count} statements, ${(sql.count / result.sent).toFixed(1)} per request (the bench's own set-up included), ${sql.totalMs.toFixed(0)} ms of execution, ${(sql.totalMs / result.sent).toFixed(2)} ms per request:`,
    "",
    "| Statement | count | total ms | mean ms |",
    "|---|---:|---:|---:|",
    ...sql.rows.slice(0, 25).map(([shape, e]) => `| \`${shape.replace(/\|/g, "\\|")}\` | ${e.n} | ${e.ms.toFixed(0)} | ${(e.ms / e.n).toFixed(3)} |`),
    "",
  ];
  const report = lines.join("\n");
  console.log(report);
  const dir = path.join(root, "bench", "results");
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, `profile-post-${new Date().toISOString().slice(0, 10)}-${Date.now()}.md`), report);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
