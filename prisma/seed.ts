// Seeds the database: `tsx prisma/seed.ts` loads the demo data into an empty database;
// `tsx prisma/seed.ts --scale N` also adds N generated declarations (with their participants,
// providers and statements) for performance work. `--today YYYY-MM-DD` builds the data as it stands
// on that date (default: today, UTC). Database from DATABASE_URL or PGLITE_DATA_DIR. It refuses
// when NODE_ENV=production: the demo data has known passwords and API tokens.
import { createDb, type Db } from "@/lib/db/client";
import { NO_DB_TIMEOUTS } from "@/lib/db/timeouts";
import { describeDbConfig, migrationDbConfigFromEnv } from "@/lib/db/config";
import { isProduction } from "@/lib/environment";
import { SeedUsageError, parseSeedArgs } from "./seed/args";
import { freshParticipantLines, seedDemo, type SeedSummary } from "./seed/demo";
import { seedScale, type ScaleSummary } from "./seed/scale";

const USAGE =
  "Usage: tsx prisma/seed.ts [--today YYYY-MM-DD] [--scale N]   (N = number of declarations to generate, e.g. --scale 200000; today: default the current date, UTC)";
const MAX_SCALE = 20_000_000;

async function isEmpty(db: Db): Promise<boolean> {
  const [row] = await db.sql.query<{ n: number }>(
    `SELECT ((SELECT count(*) FROM staff_users) + (SELECT count(*) FROM lead_providers) + (SELECT count(*) FROM cohorts))::int AS n`,
  );
  return (row?.n ?? 0) === 0;
}

function formatCounts(counts: Record<string, number>): string {
  return Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([table, n]) => `${table} ${n.toLocaleString("en-GB")}`)
    .join(", ");
}

function seconds(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(1)}s`;
}

function printDemo(summary: SeedSummary, started: number): void {
  console.log(`Demo data for ${summary.today} (cohorts ${summary.cohorts[0]}–${summary.cohorts.at(-1)}) seeded in ${seconds(started)}: ${formatCounts(summary.counts)}.`);
  console.log("Staff sign-in: finance@example.com / approver@example.com / viewer@example.com, password demo-password-123.");
  console.log("Demo API tokens:");
  for (const [provider, token] of Object.entries(summary.tokens)) console.log(`  ${provider}: ${token}`);
  for (const line of freshParticipantLines(summary)) console.log(line);
}

function printScale(summary: ScaleSummary): void {
  console.log(`Scale data seeded in ${summary.seconds.toFixed(1)}s: ${formatCounts(summary.counts)}.`);
  if (summary.largestStatement) {
    const s = summary.largestStatement;
    console.log(`Largest statement: ${s.leadProviderName}, ${s.name} (cohort ${s.cohort}), ${s.lineItems.toLocaleString("en-GB")} line items, id ${s.id}.`);
  }
}

async function main(): Promise<void> {
  const { today, scale } = parseSeedArgs(process.argv.slice(2), { usage: USAGE, scale: { max: MAX_SCALE } });
  if (isProduction()) {
    throw new SeedUsageError("db:seed refuses to run with NODE_ENV=production: it adds the demo data, with known passwords and API tokens. Nothing changed.");
  }
  const config = migrationDbConfigFromEnv(); // MIGRATION_DATABASE_URL when set, else DATABASE_URL
  console.log(`Seeding the ${describeDbConfig(config)}.`);
  // Bulk inserts of a million rows may take minutes: no statement timeouts here.
  const db = await createDb(config, { migrate: true, timeouts: NO_DB_TIMEOUTS });
  try {
    const empty = await isEmpty(db);
    if (empty) {
      const started = performance.now();
      printDemo(await seedDemo(db, { today }), started);
    } else if (scale === null) {
      console.log("Database already has data; nothing seeded.");
    } else {
      console.log("Database already has data; adding the scale data only.");
    }
    if (scale !== null) {
      // A database that was empty is this command's alone: its indexes are built after the load.
      // One with data may be in use: its indexes and keys are kept up as the rows arrive.
      printScale(await seedScale(db, { declarations: scale, today, bulk: empty, log: (message) => console.log(message) }));
    }
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(error instanceof SeedUsageError ? message : `Seeding failed: ${message.split("\n")[0]}`);
  process.exit(1);
});
