// `npm test`: every suite in order — the README's commands from a clean state, lint, dependency rules,
// type-check, unit, integration, build, end-to-end — then one closing line "N passed, N failed" over all of them (lint, dependency rules
// and type-check count as one check each; the test suites count their tests). Exits non-zero if
// anything failed.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const results = path.join(root, "test-results");
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

let passed = 0;
let failed = 0;
const lines = [];

const started = performance.now();
/** Seconds since `from`, for the summary: CI has a time budget (README), and each step's share shows there. */
const seconds = (from) => `${Math.round((performance.now() - from) / 1000)} s`;

/** Runs one step; its exit status, and how long it took. */
function run(label, command, args, env = {}) {
  console.log(`\n=== ${label} ===`);
  const from = performance.now();
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  return { ok: result.status === 0, took: seconds(from) };
}

function check(label, command, args, env) {
  const { ok, took } = run(label, command, args, env);
  if (ok) passed++;
  else failed++;
  lines.push(`${label}: ${ok ? "passed" : "FAILED"} (${took})`);
  return ok;
}

function suite(label, command, args, jsonFile, count, env) {
  const { ok, took } = run(label, command, args, env);
  let p = 0;
  let f = 0;
  if (existsSync(jsonFile)) {
    [p, f] = count(JSON.parse(readFileSync(jsonFile, "utf8")));
  }
  if (!ok && f === 0) f = 1; // the runner failed before or outside its tests
  passed += p;
  failed += f;
  lines.push(`${label}: ${p} passed, ${f} failed (${took})`);
}

const vitestCount = (json) => [json.numPassedTests ?? 0, (json.numFailedTests ?? 0) + (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0)];
const playwrightCount = (json) => [json.stats?.expected ?? 0, (json.stats?.unexpected ?? 0) + (json.stats?.flaky ?? 0) + (json.stats?.skipped ?? 0)];

async function postgresReachable() {
  const { default: pg } = await import("pg");
  const url = process.env.BENCH_ADMIN_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const node = process.execPath;
const bin = (p) => path.join(root, "node_modules", p);

// First, before anything is generated: every README command as a user runs it straight after
// `npm ci`, against PostgreSQL databases of its own (scripts/readme-commands.mjs removes generated/).
// It needs PostgreSQL; without one it is reported, not run.
if (await postgresReachable()) {
  check("README commands", node, [path.join(root, "scripts/readme-commands.mjs")], { README_CHECK_ADMIN_URL: process.env.BENCH_ADMIN_URL || "" });
} else {
  lines.push("README commands: not run (no PostgreSQL on 127.0.0.1:5432 or BENCH_ADMIN_URL)");
}
if (!check("Generate", node, [path.join(root, "scripts/generate.mjs")])) {
  console.error("Could not generate the Prisma client; nothing else can run.");
}
check("Lint", node, [bin("eslint/bin/eslint.js"), "."]);
// The layering rules of .dependency-cruiser.cjs over the app's code (`npm run lint:deps`).
check("Dependency rules", node, [bin("dependency-cruiser/bin/dependency-cruise.mjs"), "lib", "app", "components", "--config", ".dependency-cruiser.cjs"]);
check("Type-check", node, [bin("typescript/bin/tsc"), "--noEmit"]);
// "integration*": the integration files that run side by side, then the timed ones, one at a time (vitest.config.ts).
for (const [name, project] of [["unit", "unit"], ["integration", "integration*"]]) {
  const out = path.join(results, `${name}.json`);
  suite(`${name[0].toUpperCase()}${name.slice(1)} tests`, node, [bin("vitest/vitest.mjs"), "run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile=${out}`], out, vitestCount);
}
// The benchmark suite at 10k declarations (the 1M run is `npm run bench`, not part of the tests):
// it proves the benchmarks still run. It needs PostgreSQL; without one it is reported, not run.
if (await postgresReachable()) {
  check("Benchmark smoke", node, [bin("tsx/dist/cli.mjs"), path.join(root, "bench/run.ts"), "--smoke"], {
    BENCH_RESULTS_DIR: path.join(results, "bench"),
  });
} else {
  lines.push("Benchmark smoke: not run (no PostgreSQL on 127.0.0.1:5432 or BENCH_ADMIN_URL)");
}
if (check("Build", node, [bin("next/dist/bin/next"), "build"])) {
  suite("End-to-end tests", node, [bin("@playwright/test/cli.js"), "test"], path.join(results, "e2e.json"), playwrightCount);
} else {
  failed++;
  lines.push("End-to-end tests: not run (the build failed)");
}

const summary = `${passed} passed, ${failed} failed`;
lines.push(`All steps: ${seconds(started)}`);
console.log(`\n${lines.join("\n")}`);
writeFileSync(path.join(results, "summary.txt"), `${summary}\n`);
console.log(summary);
process.exit(failed === 0 ? 0 : 1);
