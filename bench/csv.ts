// Statement declarations CSV benchmark: the export the route streams (lib/statements/csv.ts,
// a database cursor read 1,000 rows at a time) over a synthetic statement of N line items.
//
//   npx tsx bench/csv.ts [--rows 10000,100000,300000]
//
// For each size: a temporary PostgreSQL database on the local server (DATABASE_URL's server, else
// 127.0.0.1:5432), migrated, with one statement of N line items made by set-based SQL
// (tests/unit/statements/large-statement.ts); the export is then measured in a separate Node process
// (so one run's memory does not colour the next): time to the first byte and to the first row,
// total time, rows/s, and peak RSS and heap growth over the process's level just before the export
// (sampled at every chunk, garbage collected as Node chooses: what a server would see). Each export
// is measured twice: with the V8 heap limit the server runs with (scripts/server-options.mjs) and
// with Node's default for this machine, since V8 lets more garbage build up under a higher limit.
// The database is dropped afterwards. Results go to the console and bench/results/csv-<date>.md.
// Performance is measured here, never asserted in tests.
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import v8 from "node:v8";
import { promisify } from "node:util";
import { createDb } from "@/lib/db/client";
import { statementDeclarationsCsv } from "@/lib/statements/csv";
import { createLargeStatement } from "@/tests/unit/statements/large-statement";
import { serverNodeOptions } from "@/scripts/server-options.mjs";
import { adminQuery } from "./support";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "..");

/** One export measured (bench/run.ts reads the same shape from `--child`). */
export type Measurement = {
  rows: number;
  bytes: number;
  records: number;
  firstByteMs: number;
  firstRowMs: number;
  totalMs: number;
  rowsPerSecond: number;
  peakRssGrowthMiB: number;
  peakHeapGrowthMiB: number;
  rssBeforeMiB: number;
  /** V8's heap size limit in the measuring process. */
  heapLimitMiB: number;
  /** The measuring process's CPU time (user + system) during the export, per row: the driver, the CSV writer, the garbage. */
  processCpuUsPerRow: number;
};

/** "server": the heap limit the web server runs with; "default": Node's own for this machine. */
export type HeapSetting = "server" | "default";

const mib = (bytes: number) => bytes / 1024 / 1024;

/** Child mode: export one statement and report the figures as JSON on stdout. */
async function measure(url: string, statementId: string, rows: number): Promise<Measurement> {
  const db = await createDb({ kind: "postgres", url });
  try {
    const before = process.memoryUsage();
    let peakRss = before.rss;
    let peakHeap = before.heapUsed;
    let bytes = 0;
    let records = 0;
    let firstByteMs = 0;
    let firstRowMs = 0;
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    const reader = statementDeclarationsCsv(db, statementId).getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      const now = performance.now() - started;
      if (bytes === 0) firstByteMs = now;
      else if (firstRowMs === 0) firstRowMs = now;
      bytes += value.byteLength;
      for (let i = 0; i < value.length; i += 1) if (value[i] === 10) records += 1;
      const memory = process.memoryUsage();
      peakRss = Math.max(peakRss, memory.rss);
      peakHeap = Math.max(peakHeap, memory.heapUsed);
    }
    const totalMs = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    return {
      rows,
      bytes,
      records,
      firstByteMs,
      firstRowMs,
      totalMs,
      rowsPerSecond: rows / (totalMs / 1000),
      peakRssGrowthMiB: mib(peakRss - before.rss),
      peakHeapGrowthMiB: mib(peakHeap - before.heapUsed),
      rssBeforeMiB: mib(before.rss),
      heapLimitMiB: mib(v8.getHeapStatistics().heap_size_limit),
      processCpuUsPerRow: (cpu.user + cpu.system) / Math.max(1, rows),
    };
  } finally {
    await db.close();
  }
}

/** Exports the statement in a fresh Node process (with the given heap setting) and returns its figures. */
export async function measureInChild(url: string, statementId: string, rows: number, heap: HeapSetting): Promise<Measurement> {
  const nodeOptions = process.env.NODE_OPTIONS ?? "";
  const child = await run(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "bench/csv.ts", "--child", url, statementId, String(rows)], {
    cwd: root,
    env: { ...process.env, NODE_OPTIONS: heap === "server" ? serverNodeOptions(nodeOptions) : nodeOptions },
    maxBuffer: 1024 * 1024,
  });
  const measured = JSON.parse(child.stdout.trim().split("\n").at(-1) as string) as Measurement;
  if (measured.records !== rows + 1) throw new Error(`The CSV has ${measured.records} lines, expected ${rows + 1} (header + line items).`);
  return measured;
}

/** "server heap limit (1,072 MiB)" / "Node's default heap limit (4,144 MiB)". */
export function heapLabel(heap: HeapSetting, measured: Pick<Measurement, "heapLimitMiB">): string {
  const limit = `${Math.round(measured.heapLimitMiB).toLocaleString("en-GB")} MiB`;
  return heap === "server" ? `server heap limit (${limit})` : `Node's default heap limit (${limit})`;
}

function parseSizes(argv: readonly string[]): number[] {
  let sizes = [10_000, 100_000, 300_000];
  for (let i = 0; i < argv.length; i += 1) {
    const [name, inline] = (argv[i] as string).split("=", 2);
    if (name !== "--rows") throw new Error(`Unknown argument "${argv[i]}". Usage: tsx bench/csv.ts [--rows 10000,100000,300000]`);
    const value = inline ?? argv[++i] ?? "";
    sizes = value.split(",").map((part) => Number(part.replace(/_/g, "")));
    if (sizes.some((n) => !Number.isInteger(n) || n < 1 || n > 5_000_000)) throw new Error(`--rows needs whole numbers from 1 to 5,000,000, got "${value}".`);
  }
  return sizes;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv[0] === "--child") {
    const [, url, statementId, rows] = argv;
    console.log(JSON.stringify(await measure(url as string, statementId as string, Number(rows))));
    return;
  }
  const sizes = parseSizes(argv);
  const adminUrl = process.env.DATABASE_URL?.trim() || "postgresql://postgres@127.0.0.1:5432/postgres";
  const results: (Measurement & { heap: HeapSetting; generateSeconds: number })[] = [];
  let serverVersion = "";
  const loadBefore = os.loadavg();
  for (const rows of sizes) {
    const name = `ecf_bench_csv_${randomBytes(4).toString("hex")}`;
    await adminQuery(adminUrl, `CREATE DATABASE "${name}"`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    try {
      const db = await createDb({ kind: "postgres", url: url.toString() }, { migrate: true });
      let statementId: string;
      const generating = performance.now();
      try {
        serverVersion = (await db.sql.query<{ v: string }>("SELECT version() AS v"))[0]?.v.split(" on ")[0] ?? "";
        statementId = (await createLargeStatement(db.sql, rows, "bench")).statementId;
      } finally {
        await db.close();
      }
      const generateSeconds = (performance.now() - generating) / 1000;
      for (const heap of ["server", "default"] as const) {
        const measured = await measureInChild(url.toString(), statementId, rows, heap);
        results.push({ ...measured, heap, generateSeconds });
        console.log(
          `${rows.toLocaleString("en-GB")} rows, ${heapLabel(heap, measured)}: ${(measured.totalMs / 1000).toFixed(2)} s, ${Math.round(measured.rowsPerSecond).toLocaleString("en-GB")} rows/s, ` +
            `first byte ${measured.firstByteMs.toFixed(0)} ms, first row ${measured.firstRowMs.toFixed(0)} ms, ${mib(measured.bytes).toFixed(1)} MiB, ` +
            `peak RSS growth ${measured.peakRssGrowthMiB.toFixed(1)} MiB, peak heap growth ${measured.peakHeapGrowthMiB.toFixed(1)} MiB, ` +
            `export process CPU ${measured.processCpuUsPerRow.toFixed(1)} µs a row`,
        );
      }
    } finally {
      await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    }
  }
  const loadAfter = os.loadavg();
  const date = new Date().toISOString().slice(0, 10);
  const cpus = os.cpus();
  const lines = [
    `# Statement declarations CSV benchmark, ${date}`,
    "",
    `- Machine: ${cpus.length} cores (${cpus[0]?.model.trim() ?? "unknown CPU"}), ${Math.round(os.totalmem() / 1024 ** 3)} GiB memory, ${os.platform()} ${os.release()}; load average at the start ${loadBefore.map((n) => n.toFixed(1)).join(" / ")}, at the end ${loadAfter.map((n) => n.toFixed(1)).join(" / ")} (other work on the machine slows the figures)`,
    `- ${serverVersion}, on the same machine; Node ${process.version}`,
    "- One statement of N line items per temporary database (set-based SQL: one declaration per participant, every 25th voided, every 50th with no school, every 40th with no delivery partner)",
    "- Measured: `statementDeclarationsCsv` (what `/statements/[id]/declarations.csv` returns), read to the end in a fresh Node process. First byte = the header (sent before the query runs); first row = the first batch of rows, in the order an index on (statement, participant name) gives. Memory = peak over the export minus the level just before it, sampled at every chunk, with garbage collection left to Node.",
    "",
    "| Line items | V8 heap limit | File size (MiB) | Total (s) | Rows/s | First byte (ms) | First row (ms) | Peak RSS growth (MiB) | Peak heap growth (MiB) | Export process CPU (µs a row) | Data generation (s) |",
    "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...results.map(
      (r) =>
        `| ${r.rows.toLocaleString("en-GB")} | ${heapLabel(r.heap, r)} | ${mib(r.bytes).toFixed(1)} | ${(r.totalMs / 1000).toFixed(2)} | ${Math.round(r.rowsPerSecond).toLocaleString("en-GB")} | ${r.firstByteMs.toFixed(0)} | ${r.firstRowMs.toFixed(0)} | ${r.peakRssGrowthMiB.toFixed(1)} | ${r.peakHeapGrowthMiB.toFixed(1)} | ${r.processCpuUsPerRow.toFixed(1)} | ${r.generateSeconds.toFixed(1)} |`,
    ),
    "",
    "Memory stays at the same level whatever the number of rows (the file itself is several times larger): the",
    "export holds one batch of 1,000 rows, and the stream pulls the next batch only when the previous one has been read.",
    "What grows is garbage not yet collected: V8 lets the old generation grow to a multiple of the live heap before a",
    "full collection, a multiple that rises with the heap limit. The server runs with the limit in",
    "scripts/server-options.mjs; the default-limit rows show what the same export does in a Node process left to its defaults.",
    "",
  ];
  await mkdir(path.join(root, "bench", "results"), { recursive: true });
  const file = path.join(root, "bench", "results", `csv-${date}.md`);
  await writeFile(file, lines.join("\n"));
  console.log(`Written to ${path.relative(root, file)}.`);
}

// Run as a script (bench/run.ts imports the measurement from here without running this).
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
