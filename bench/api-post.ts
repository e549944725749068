// POST /api/v3/participant-declarations under load: requests per second and latency (p50, p95,
// p99) for a mix of new declarations and duplicates, at a fixed concurrency, against an app that
// is already running on this machine. Bounded: at most --requests requests and --seconds seconds,
// only to 127.0.0.1/localhost. Writes bench/results/api-post-<date>.md.
//
//   BENCH_URL=http://127.0.0.1:3213 DATABASE_URL=postgresql://postgres@127.0.0.1:5432/ecf_bench_api \
//     npx tsx bench/api-post.ts [--requests 2000] [--concurrency 20] [--seconds 60] [--duplicates 0.25]
//
// DATABASE_URL must be the database the app under test uses, and its name must contain "bench":
// the script adds its own participants (eligible ECTs of one provider) and an API token there.
// Without BENCH_URL it prints how to start the built app, and does nothing else.
import { cpus, loadavg, totalmem } from "node:os";
import { appendFile, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { randomUUID } from "node:crypto";
import { Pool } from "undici";
import { createDb } from "@/lib/db/client";
import { createApiToken, hashApiToken } from "@/lib/auth/api-tokens";
import { runFloor } from "./api-post-floor";
import { percentile, runAtConcurrency } from "./support";

const HOW_TO_START = `BENCH_URL is not set. Start the built app on a local port with its own database first, e.g.:

  createdb -h 127.0.0.1 -U postgres ecf_bench_api
  export DATABASE_URL=postgresql://postgres@127.0.0.1:5432/ecf_bench_api
  npm run db:setup -- --demo                         # migrate + demo seed
  NEXT_DIST_DIR=.next-bench npx next build           # once
  NODE_ENV=production AUTH_SECRET=bench-only-secret-0123456789abcdef NEXT_DIST_DIR=.next-bench \\
    API_RATE_LIMIT_PER_MINUTE=1000000 npx next start -p 3213 -H 127.0.0.1 &   # no 429s under load

then run:

  BENCH_URL=http://127.0.0.1:3213 npx tsx bench/api-post.ts --requests 2000 --concurrency 20
`;

const LIMITS = { requests: 20_000, concurrency: 200, seconds: 60 };

interface Options {
  url: URL;
  databaseUrl: string;
  requests: number;
  concurrency: number;
  seconds: number;
  duplicates: number;
  provider: string;
  /** Run the floor after the API (bench/api-post-floor.ts); off for bench/profile-post.ts. */
  floor: boolean;
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

function options(): Options {
  const { values } = parseArgs({
    options: {
      requests: { type: "string", default: "2000" },
      concurrency: { type: "string", default: "20" },
      seconds: { type: "string", default: "60" },
      duplicates: { type: "string", default: "0.25" },
      provider: { type: "string", default: "Ambition Institute" },
      "no-floor": { type: "boolean", default: false },
    },
  });
  const benchUrl = process.env.BENCH_URL?.trim();
  if (!benchUrl) {
    console.log(HOW_TO_START);
    process.exit(2);
  }
  const url = new URL(benchUrl);
  if (!["127.0.0.1", "localhost", "[::1]"].includes(url.hostname)) fail(`BENCH_URL must be on this machine (127.0.0.1 or localhost), not ${url.hostname}.`);
  const databaseUrl = process.env.DATABASE_URL?.trim();
  if (!databaseUrl) fail("DATABASE_URL must name the PostgreSQL database the app under test uses.");
  const dbName = new URL(databaseUrl).pathname.slice(1);
  if (!dbName.includes("bench")) fail(`The database "${dbName}" does not look like a bench database (its name must contain "bench"); the script adds participants to it.`);
  const number = (name: string, text: string, min: number, max: number) => {
    const n = Number(text);
    if (!Number.isFinite(n) || n < min || n > max) fail(`--${name} must be a number from ${min} to ${max}.`);
    return n;
  };
  return {
    url,
    databaseUrl,
    requests: Math.floor(number("requests", values.requests, 1, LIMITS.requests)),
    concurrency: Math.floor(number("concurrency", values.concurrency, 1, LIMITS.concurrency)),
    seconds: number("seconds", values.seconds, 1, LIMITS.seconds),
    duplicates: number("duplicates", values.duplicates, 0, 0.9),
    provider: values.provider,
    floor: !values["no-floor"],
  };
}

/** Deterministic pseudo-random numbers (mulberry32), so runs send the same mix. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Adds `count` eligible, active ECTs of the provider in the 2025 cohort; returns their user ids. */
async function createParticipants(prisma: Awaited<ReturnType<typeof createDb>>["prisma"], provider: string, count: number): Promise<string[]> {
  const place = await prisma.partnership.findFirst({
    where: { leadProvider: { name: provider }, cohort: { startYear: 2025 }, status: "active" },
    include: { cohort: { include: { schedules: { where: { identifier: "ecf-standard-september" } } } } },
    orderBy: { id: "asc" },
  });
  const schedule = place?.cohort.schedules[0];
  if (!place || !schedule) fail(`${provider} has no active partnership and standard September schedule in the 2025 cohort: run npm run db:setup -- --demo first.`);
  const run = randomUUID().slice(0, 8);
  const people = Array.from({ length: count }, (_, i) => ({ userId: randomUUID(), identityId: randomUUID(), profileId: randomUUID(), i }));
  for (let start = 0; start < people.length; start += 1000) {
    const batch = people.slice(start, start + 1000);
    await prisma.$transaction([
      prisma.user.createMany({ data: batch.map((p) => ({ id: p.userId, fullName: `Bench Participant ${run}-${p.i}`, email: `bench.${run}.${p.i}@example.com` })) }),
      prisma.participantIdentity.createMany({ data: batch.map((p) => ({ id: p.identityId, userId: p.userId, externalIdentifier: p.userId, email: `bench.${run}.${p.i}@school.example.org` })) }),
      prisma.participantProfile.createMany({ data: batch.map((p) => ({ id: p.profileId, participantIdentityId: p.identityId, type: "ect" as const, eligibleForFunding: true, trnValidated: true })) }),
      prisma.inductionRecord.createMany({
        data: batch.map((p) => ({
          participantProfileId: p.profileId,
          leadProviderId: place.leadProviderId,
          schoolId: place.schoolId,
          deliveryPartnerId: place.deliveryPartnerId,
          partnershipId: place.id,
          scheduleId: schedule.id,
          startDate: new Date("2025-09-01"),
        })),
      }),
    ]);
  }
  // Statistics as autovacuum would keep them: on the small demo database these rows multiply the
  // tables, and with the old estimates the participant look-up's plan scanned every induction record
  // of the provider (10 ms instead of 0.05 ms), which measured the statistics, not the code.
  await prisma.$executeRawUnsafe("ANALYZE users, participant_identities, participant_profiles, induction_records");
  return people.map((p) => p.userId);
}

/** The plan: each new participant once; duplicates re-send one already planned. */
function planOf(participants: readonly string[], requests: number, duplicates: number, rng: () => number): string[] {
  const plan: string[] = [];
  let next = 0;
  for (let i = 0; i < requests; i += 1) {
    if (next < participants.length && (plan.length === 0 || rng() >= duplicates)) plan.push(participants[next++] as string);
    else plan.push(plan[Math.floor(rng() * plan.length)] as string);
  }
  return plan;
}

function body(participantId: string): string {
  return JSON.stringify({
    data: {
      type: "participant-declaration",
      attributes: { participant_id: participantId, declaration_type: "started", declaration_date: "2025-10-01T10:00:00.000Z", course_identifier: "ecf-induction" },
    },
  });
}

async function main() {
  const o = options();
  const db = await createDb({ kind: "postgres", url: o.databaseUrl });
  try {
    const rng = random(20261125);
    const newCount = Math.max(1, Math.round(o.requests * (1 - o.duplicates)));
    console.log(`Preparing ${newCount} participants and a token for ${o.provider}…`);
    const participants = await createParticipants(db.prisma, o.provider, newCount);
    const token = (await createApiToken(db.prisma, o.provider, { description: "bench/api-post.ts", expiresAt: new Date(Date.now() + 24 * 3_600_000) })).token;

    const plan = planOf(participants, o.requests, o.duplicates, rng);
    const headers = { Authorization: `Bearer ${token}`, "Content-Type": "application/json" };
    // undici's own request API on a keep-alive pool, one connection per worker: the library under
    // fetch without fetch's web streams, which cost this process 1.1-1.2 ms of the shared cores per
    // request against undici's 0.4-0.6 (docs/performance.md).
    const pool = new Pool(o.url.origin, { connections: o.concurrency, pipelining: 1 });
    const send = async (participantId: string) => {
      const response = await pool.request({ path: "/api/v3/participant-declarations", method: "POST", headers, body: body(participantId) });
      await response.body.dump({ limit: 1 << 20 });
      return response.statusCode;
    };

    // Warm up (not counted): a few requests that are refused without writing anything.
    for (let i = 0; i < 10; i += 1) await send(randomUUID());

    const loadBefore = loadavg()[0] ?? 0;
    const cpuBefore = process.cpuUsage();
    const run = await runAtConcurrency(plan, o, send);
    // This process's CPU (user + system) while sending: the load generator's own share of the cores.
    const clientCpu = process.cpuUsage(cpuBefore);
    await pool.close();
    const { latencies, seconds } = run;
    const statuses = new Map([...run.outcomes].filter((entry): entry is [number, number] => typeof entry[0] === "number"));
    const errors = run.outcomes.get("error") ?? 0;
    const loadAfter = loadavg()[0] ?? 0;

    // Check: exactly one started declaration per participant that got a 200.
    const created = await db.prisma.participantDeclaration.count({ where: { userId: { in: participants } } });
    const doubles = await db.prisma.participantDeclaration.groupBy({
      by: ["participantProfileId"],
      where: { userId: { in: participants }, declarationType: "started", state: { not: "voided" } },
      _count: { _all: true },
      having: { participantProfileId: { _count: { gt: 1 } } },
    });

    // The floor, in the same run: the same reads, locks and writes with a bare pg client, at the same
    // concurrency, on participants of its own (the same mix of new and duplicate).
    const floor = o.floor
      ? await (async () => {
          console.log("Running the floor (bench/api-post-floor.ts)…");
          const floorParticipants = await createParticipants(db.prisma, o.provider, newCount);
          const floorCpuBefore = process.cpuUsage();
          const outcome = await runFloor({
            databaseUrl: o.databaseUrl,
            tokenHash: hashApiToken(token),
            plan: planOf(floorParticipants, o.requests, o.duplicates, random(20261125)),
            concurrency: o.concurrency,
            seconds: o.seconds,
          });
          const cpu = process.cpuUsage(floorCpuBefore);
          return { ...outcome, clientCpuMsPerRequest: (cpu.user + cpu.system) / 1000 / Math.max(1, outcome.sent) };
        })()
      : { sent: 0, seconds: 0, rps: Number.NaN, latencies: [], created: 0, duplicates: 0, errors: 0, roundTripsNew: 0, roundTripsDuplicate: 0, clientCpuMsPerRequest: Number.NaN };

    const sent = latencies.length;
    const result = {
      sent,
      seconds,
      rps: sent / seconds,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
      max: latencies.at(-1) ?? Number.NaN,
      ok: statuses.get(200) ?? 0,
      duplicates: statuses.get(422) ?? 0,
      other: [...statuses.entries()].filter(([s]) => s !== 200 && s !== 422),
      errors,
      created,
      doubles: doubles.length,
      /** CPU this process (the HTTP load generator) spent per request while sending, on the cores the server shares. */
      clientCpuMsPerRequest: (clientCpu.user + clientCpu.system) / 1000 / Math.max(1, latencies.length),
      floor: {
        sent: floor.sent,
        seconds: floor.seconds,
        rps: floor.rps,
        p50: percentile(floor.latencies, 50),
        p99: percentile(floor.latencies, 99),
        created: floor.created,
        duplicates: floor.duplicates,
        errors: floor.errors,
        roundTripsNew: floor.roundTripsNew,
        roundTripsDuplicate: floor.roundTripsDuplicate,
        /** CPU the floor's own client (this process, bare pg) spent per request. */
        clientCpuMsPerRequest: floor.clientCpuMsPerRequest,
      },
    };
    /** How many times the floor's throughput is the API's (target ≤ 2), and the API's p50 over the floor's. */
    const ratio = { throughput: result.floor.rps / result.rps, p50: result.p50 / result.floor.p50 };
    const cpu = cpus();
    const date = new Date().toISOString().slice(0, 10);
    const ms = (n: number) => `${n.toFixed(1)} ms`;
    const floorRows = o.floor
      ? `| **Floor** (bare \`pg\`, the same ${result.floor.roundTripsNew} round trips, ${result.floor.roundTripsDuplicate} for a duplicate) | ${result.floor.rps.toFixed(1)} requests/s, p50 ${ms(result.floor.p50)}, p99 ${ms(result.floor.p99)} (${result.floor.created} created, ${result.floor.duplicates} duplicates, ${result.floor.errors} errors) |
| **Floor ÷ API**, throughput (target ≤ 2) | **${ratio.throughput.toFixed(2)}×** |
| API ÷ floor, p50 latency | ${ratio.p50.toFixed(2)}× |
| Floor client's CPU per request (bare \`pg\`, this process) | ${result.floor.clientCpuMsPerRequest.toFixed(2)} ms |
`
      : "";
    const time = new Date().toISOString().slice(11, 16);
    const report = `## ${date} ${time} UTC — concurrency ${o.concurrency}, ${o.requests} requests

Machine: ${cpu.length} CPU cores (${cpu[0]?.model.trim() ?? "unknown"}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}; 1-minute load average ${loadBefore.toFixed(1)} before the run, ${loadAfter.toFixed(1)} after (the app, PostgreSQL, this client and anything else running share the cores).
App: ${process.env.BENCH_SERVER === "process" ? "the API process (\`npm run start:api\`)" : "\`next start\` (production build)"} at ${o.url.origin}, PostgreSQL database \`${new URL(o.databaseUrl).pathname.slice(1)}\` on the same machine (demo seed + ${participants.length} bench participants).
Load: ${o.requests} requests planned (${participants.length} new declarations, the rest duplicates of them), concurrency ${o.concurrency}, at most ${o.seconds} s; undici's Pool.request, keep-alive, one connection per worker.

| Measure | Value |
|---|---|
| Requests sent | ${result.sent} in ${result.seconds.toFixed(2)} s |
| Throughput | **${result.rps.toFixed(1)} requests/s** |
| Latency p50 | ${ms(result.p50)} |
| Latency p95 | ${ms(result.p95)} |
| Latency p99 | **${ms(result.p99)}** |
| Latency max | ${ms(result.max)} |
| 200 (created) | ${result.ok} |
| 422 (duplicate) | ${result.duplicates} |
| Other statuses | ${result.other.length === 0 ? "none" : result.other.map(([s, n]) => `${s}: ${n}`).join(", ")} |
| Network errors | ${result.errors} |
| Declarations in the database | ${result.created} (equals the 200s: ${result.created === result.ok ? "yes" : "NO"}) |
| Participants with two live started declarations | ${result.doubles} |
| Load generator's CPU per request (undici, this process, on the cores the server shares) | ${result.clientCpuMsPerRequest.toFixed(2)} ms |
${floorRows}
Every request is a full submission: token check, participant lookup, a transaction that locks the
participant profile row, the duplicate check, statement selection, the insert of the declaration,
its statement line item and the audit entry; the response is built from what was written.
`;
    // Called by bench/run.ts: the figures as JSON for its combined report, instead of this file's own.
    const jsonOut = process.env.BENCH_JSON_OUT?.trim();
    if (jsonOut) {
      await writeFile(jsonOut, JSON.stringify({ ...result, ratio, requests: o.requests, concurrency: o.concurrency, maxSeconds: o.seconds, participants: participants.length }, null, 2));
      console.log(report);
      if (result.created !== result.ok || result.doubles > 0 || result.other.length > 0 || result.errors > 0 || floor.errors > 0) process.exitCode = 1;
      return;
    }
    const dir = path.join(import.meta.dirname, "results");
    await mkdir(dir, { recursive: true });
    // One file per day; each run is appended as a section.
    const file = path.join(dir, `api-post-${date}.md`);
    const existing = await readFile(file, "utf8").catch(() => "");
    const title = existing ? "" : `# POST /api/v3/participant-declarations — ${date}\n\nProduced by \`bench/api-post.ts\`; see docs/api.md ("Performance").\n\n`;
    await appendFile(file, `${title}${existing ? "\n" : ""}${report}`);
    console.log(report);
    console.log(`Appended to ${path.relative(process.cwd(), file)}`);
    if (result.created !== result.ok || result.doubles > 0 || result.other.length > 0 || result.errors > 0 || floor.errors > 0) process.exitCode = 1;
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
