// Participant search benchmark: latency of the search data functions (lib/participants/search.ts)
// for name, email, TRN and id queries over the seed's --scale data, with EXPLAIN (ANALYZE) plans.
//
//   npx tsx bench/search.ts [--declarations N] [--runs N]
//
// With BENCH_DATABASE_URL it measures that PostgreSQL database as it is (seed it first with
// `npm run db:seed -- --scale N`). Without it, it creates a temporary database on the local server
// (DATABASE_URL's server, else 127.0.0.1:5432), seeds it with seedScale (default 1,000,000
// declarations, about 200,000 participants), measures, and drops it. Results go to the console and
// to bench/results/search-<date>.md (or, with BENCH_JSON_OUT=<file>, as JSON to that file: bench/run.ts
// uses that). Performance is measured here, never asserted in tests.
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Prisma } from "@/generated/prisma/client";
import { createDb, type Db } from "@/lib/db/client";
import { declarationOwnerSql, findParticipantById, runSearchQuery, searchParticipants, searchSql } from "@/lib/participants/search";
import { PINNED_DEMO_TODAY } from "@/prisma/seed/dates";
import { seedScale } from "@/prisma/seed/scale";
import { adminQuery, percentile } from "./support";

type Args = { declarations: number; runs: number };

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { declarations: 1_000_000, runs: 50 };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    const [name, inline] = arg.split("=", 2);
    const value = inline ?? argv[++i];
    const number = Number((value ?? "").replace(/[_,]/g, ""));
    if (!Number.isInteger(number) || number < 1) throw new Error(`${name} needs a whole number, got "${value ?? ""}".`);
    if (name === "--declarations") args.declarations = number;
    else if (name === "--runs") args.runs = number;
    else throw new Error(`Unknown argument "${arg}". Usage: tsx bench/search.ts [--declarations N] [--runs N]`);
  }
  if (args.runs < 50) throw new Error("--runs must be at least 50: fewer runs give no useful p95.");
  return args;
}

/** A deterministic shuffle-free sample: every k-th row, so runs are repeatable. */
async function sample<T>(db: Db, sql: string, n: number): Promise<T[]> {
  return db.sql.query<T>(sql, [n]);
}

type Case = { kind: string; description: string; queries: string[]; run: (q: string) => Promise<number> };
type Timing = { kind: string; description: string; runs: number; p50: number; p95: number; max: number; meanResults: number };

async function measure(c: Case, runs: number): Promise<Timing> {
  // Warm up once per case (plan cache, buffers), then time `runs` queries cycling through the samples.
  await c.run(c.queries[0] as string);
  const times: number[] = [];
  let results = 0;
  for (let i = 0; i < runs; i += 1) {
    const q = c.queries[i % c.queries.length] as string;
    const started = performance.now();
    results += await c.run(q);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { kind: c.kind, description: c.description, runs, p50: percentile(times, 50), p95: percentile(times, 95), max: times.at(-1) as number, meanResults: results / runs };
}

/** The plan of a query run as the app runs it: the search for a text through runSearchQuery, an id look-up (no text) as it is. */
async function explain(db: Db, query: Prisma.Sql, text?: string): Promise<string> {
  const sql = Prisma.sql`EXPLAIN (ANALYZE, BUFFERS) ${query}`;
  const rows = text === undefined ? await db.prisma.$queryRaw<{ "QUERY PLAN": string }[]>(sql) : await runSearchQuery<{ "QUERY PLAN": string }>(db.prisma, text, sql);
  return rows.map((r) => r["QUERY PLAN"]).join("\n");
}

/** The plan of the search for `text`, page 1. */
const explainSearch = (db: Db, text: string) => explain(db, searchSql(text, 1), text);

const INDEXES = [
  "users_full_name_trgm_idx",
  "users_email_trgm_idx",
  "participant_profiles_trn_trgm_idx",
  "users_full_name_prefix_idx",
  "users_surname_prefix_idx",
  "users_email_prefix_idx",
  "participant_profiles_trn_prefix_idx",
  "users_pkey", "participant_identities_external_identifier_key", "participant_declarations_pkey"];

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const loadAtStart = os.loadavg().map((l) => l.toFixed(1)).join(" / ");
  const given = process.env.BENCH_DATABASE_URL?.trim();
  const adminUrl = process.env.DATABASE_URL?.trim() || "postgresql://postgres@127.0.0.1:5432/postgres";
  let url = given;
  let temporary: string | null = null;
  if (!url) {
    temporary = `ecf_bench_search_${Date.now()}`;
    await adminQuery(adminUrl, `CREATE DATABASE "${temporary}"`);
    const u = new URL(adminUrl);
    u.pathname = `/${temporary}`;
    url = u.toString();
    console.log(`Created temporary database ${temporary}.`);
  }

  const db = await createDb({ kind: "postgres", url }, { migrate: temporary !== null, poolSize: 4 });
  let seedSeconds: number | null = null;
  try {
    if (temporary) {
      console.log(`Seeding ${args.declarations.toLocaleString("en-GB")} declarations with seedScale…`);
      const summary = await seedScale(db, { declarations: args.declarations, today: PINNED_DEMO_TODAY, log: (m) => console.log(`  ${m}`) });
      seedSeconds = summary.seconds;
      await db.sql.exec("ANALYZE");
    }
    const [counts] = await db.sql.query<{ users: number; profiles: number; declarations: number }>(
      `SELECT (SELECT count(*) FROM users)::int AS users, (SELECT count(*) FROM participant_profiles)::int AS profiles,
              (SELECT count(*) FROM participant_declarations)::int AS declarations`,
    );
    const [version] = await db.sql.query<{ v: string }>("SELECT current_setting('server_version') AS v");
    console.log(`Data: ${counts?.users.toLocaleString("en-GB")} participants, ${counts?.profiles.toLocaleString("en-GB")} profiles, ${counts?.declarations.toLocaleString("en-GB")} declarations.`);

    const n = args.runs;
    const people = await sample<{ user_id: string; full_name: string; email: string; trn: string | null; external_identifier: string }>(
      db,
      `SELECT u.id::text AS user_id, u.full_name, u.email, p.trn, pi.external_identifier::text
         FROM users u JOIN participant_identities pi ON pi.user_id = u.id JOIN participant_profiles p ON p.participant_identity_id = pi.id
        WHERE p.trn IS NOT NULL
        ORDER BY md5(u.id::text) LIMIT $1`,
      n,
    );
    const declarations = await sample<{ id: string }>(db, "SELECT id::text FROM participant_declarations ORDER BY md5(id::text) LIMIT $1", n);
    if (people.length === 0 || declarations.length === 0) throw new Error("The database has no participants to search: seed it first.");
    const surname = (name: string) => name.split(" ").at(-1) as string;
    // Rows on page 1; a search with more than SEARCH_MATCH_LIMIT matches shows none ("refine your search").
    const textRun = async (q: string) => (await searchParticipants(db.prisma, q, 1)).rows.length;
    const idRun = async (q: string) => ((await findParticipantById(db.prisma, q)) ? 1 : 0);

    const cases: Case[] = [
      { kind: "name", description: "full name, exact", queries: people.map((p) => p.full_name), run: textRun },
      { kind: "name", description: "surname, whole word", queries: people.map((p) => surname(p.full_name)), run: textRun },
      { kind: "name", description: "first 4 letters of the surname", queries: people.map((p) => surname(p.full_name).slice(0, 4).toLowerCase()), run: textRun },
      { kind: "email", description: "whole email, upper case", queries: people.map((p) => p.email.toUpperCase()), run: textRun },
      { kind: "email", description: "part of the local part", queries: people.map((p) => p.email.split("@")[0]!.slice(1, 8)), run: textRun },
      { kind: "trn", description: "whole TRN", queries: people.map((p) => p.trn as string), run: textRun },
      { kind: "trn", description: "4 digits of a TRN", queries: people.map((p) => (p.trn as string).slice(2, 6)), run: textRun },
      { kind: "id", description: "participant id", queries: people.map((p) => p.user_id), run: idRun },
      { kind: "id", description: "external identifier", queries: people.map((p) => p.external_identifier), run: idRun },
      { kind: "id", description: "declaration id", queries: declarations.map((d) => d.id), run: idRun },
      { kind: "id", description: "unknown id", queries: people.map((_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`), run: idRun },
      { kind: "name", description: "one letter (short: the start of a name, email or TRN)", queries: ["a", "e", "j", "s", "m", "7"], run: textRun },
      { kind: "name", description: "two letters (short)", queries: people.map((p) => surname(p.full_name).slice(0, 2).toLowerCase()), run: textRun },
    ];

    const timings: Timing[] = [];
    for (const c of cases) {
      const t = await measure(c, n);
      timings.push(t);
      console.log(`${t.kind.padEnd(6)} ${t.description.padEnd(44)} p50 ${t.p50.toFixed(1).padStart(7)} ms  p95 ${t.p95.toFixed(1).padStart(7)} ms  max ${t.max.toFixed(1).padStart(7)} ms  rows ${t.meanResults.toFixed(1)}`);
    }

    const first = people[0]!;
    const plans: { title: string; plan: string }[] = [
      { title: `Name: "${surname(first.full_name)}"`, plan: await explainSearch(db, surname(first.full_name)) },
      { title: `Email part: "${first.email.split("@")[0]!.slice(1, 8)}"`, plan: await explainSearch(db, first.email.split("@")[0]!.slice(1, 8)) },
      { title: `TRN: "${first.trn}"`, plan: await explainSearch(db, first.trn as string) },
      { title: "Declaration id", plan: await explain(db, declarationOwnerSql(declarations[0]!.id)) },
      { title: 'One letter: "s"', plan: await explainSearch(db, "s") },
      { title: `Two letters: "${surname(first.full_name).slice(0, 2).toLowerCase()}"`, plan: await explainSearch(db, surname(first.full_name).slice(0, 2).toLowerCase()) },
    ];
    for (const p of plans) {
      const used = INDEXES.filter((index) => p.plan.includes(index));
      console.log(`\n${p.title} — indexes used: ${used.join(", ") || "none"}\n${p.plan}`);
    }

    // Called by bench/run.ts: the figures as JSON for its combined report, instead of this file's own.
    const jsonOut = process.env.BENCH_JSON_OUT?.trim();
    if (jsonOut) {
      const json = { counts, timings, plans: plans.map((p) => ({ ...p, indexes: INDEXES.filter((i) => p.plan.includes(i)) })) };
      await writeFile(jsonOut, JSON.stringify(json, null, 2));
      return;
    }

    const date = new Date().toISOString().slice(0, 10);
    const cpus = os.cpus();
    const report = [
      `# Participant search benchmark, ${date}`,
      "",
      `- Machine: ${cpus.length} cores (${cpus[0]?.model.trim() ?? "unknown CPU"}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB memory, ${os.platform()} ${os.release()}; load average at the start ${loadAtStart}, at the end ${os.loadavg().map((l) => l.toFixed(1)).join(" / ")} (other work on the machine slows the figures)`,
      `- PostgreSQL ${version?.v ?? "?"}; database ${temporary ? `created and seeded by this run (seedScale, ${args.declarations.toLocaleString("en-GB")} declarations, ${seedSeconds?.toFixed(0)} s)` : "given by BENCH_DATABASE_URL"}`,
      `- Data: ${counts?.users.toLocaleString("en-GB")} participants (users), ${counts?.profiles.toLocaleString("en-GB")} participant profiles, ${counts?.declarations.toLocaleString("en-GB")} declarations`,
      `- ${n} timed runs per case, cycling through ${n} sampled participants, after one warm-up run; times are the whole data function (query + mapping), page 1 of 25 rows`,
      "",
      "| Query | Case | p50 (ms) | p95 (ms) | max (ms) | rows returned (mean) |",
      "|---|---|---:|---:|---:|---:|",
      ...timings.map((t) => `| ${t.kind} | ${t.description} | ${t.p50.toFixed(1)} | ${t.p95.toFixed(1)} | ${t.max.toFixed(1)} | ${t.meanResults.toFixed(1)} |`),
      "",
      "## Plans (EXPLAIN ANALYZE, BUFFERS)",
      "",
      ...plans.flatMap((p) => [`### ${p.title}`, "", `Indexes used: ${INDEXES.filter((i) => p.plan.includes(i)).join(", ") || "none"}`, "", "```", p.plan, "```", ""]),
    ].join("\n");
    const dir = path.join(process.cwd(), "bench", "results");
    await mkdir(dir, { recursive: true });
    const file = path.join(dir, `search-${date}.md`);
    await writeFile(file, report);
    console.log(`\nWrote ${path.relative(process.cwd(), file)}.`);
  } finally {
    await db.close();
    if (temporary) {
      await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${temporary}" WITH (FORCE)`);
      console.log(`Dropped temporary database ${temporary}.`);
    }
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
