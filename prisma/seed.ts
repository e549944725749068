// Seeds the database: `tsx prisma/seed.ts` loads the demo data into an empty database;
// `tsx prisma/seed.ts --scale N` also adds N generated declarations (with their participants,
// providers and statements) for performance work. Database from DATABASE_URL or PGLITE_DATA_DIR.
import { createDb, type Db } from "@/lib/db/client";
import { dbConfigFromEnv, describeDbConfig } from "@/lib/db/config";
import { seedDemo, type SeedSummary } from "./seed/demo";
import { seedScale, type ScaleSummary } from "./seed/scale";

const USAGE = "Usage: tsx prisma/seed.ts [--scale N]   (N = number of declarations to generate, e.g. --scale 200000)";
const MAX_SCALE = 20_000_000;

function parseArgs(argv: readonly string[]): { scale: number | null } {
  let scale: number | null = null;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    let value: string | undefined;
    if (arg === "--scale") {
      value = argv[i + 1];
      i += 1;
    } else if (arg.startsWith("--scale=")) {
      value = arg.slice("--scale=".length);
    } else if (arg === "--help" || arg === "-h") {
      throw new UsageError(USAGE);
    } else {
      throw new UsageError(`Unknown argument "${arg}". ${USAGE}`);
    }
    const text = (value ?? "").replace(/[_,]/g, "");
    if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > MAX_SCALE) {
      throw new UsageError(
        `--scale needs a whole number of declarations from 1 to ${MAX_SCALE.toLocaleString("en-GB")}, got "${value ?? ""}".`,
      );
    }
    scale = Number(text);
  }
  return { scale };
}

class UsageError extends Error {}

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
  console.log(`Demo data seeded in ${seconds(started)}: ${formatCounts(summary.counts)}.`);
  console.log("Staff sign-in: finance@example.com / viewer@example.com, password demo-password-123.");
  console.log("Demo API tokens:");
  for (const [provider, token] of Object.entries(summary.tokens)) console.log(`  ${provider}: ${token}`);
}

function printScale(summary: ScaleSummary): void {
  console.log(`Scale data seeded in ${summary.seconds.toFixed(1)}s: ${formatCounts(summary.counts)}.`);
  if (summary.largestStatement) {
    const s = summary.largestStatement;
    console.log(`Largest statement: ${s.leadProviderName}, ${s.name} (cohort ${s.cohort}), ${s.lineItems.toLocaleString("en-GB")} line items, id ${s.id}.`);
  }
}

async function main(): Promise<void> {
  const { scale } = parseArgs(process.argv.slice(2));
  const config = dbConfigFromEnv();
  console.log(`Seeding the ${describeDbConfig(config)}.`);
  const db = await createDb(config, { migrate: true });
  try {
    const empty = await isEmpty(db);
    if (empty) {
      const started = performance.now();
      printDemo(await seedDemo(db), started);
    } else if (scale === null) {
      console.log("Database already has data; nothing seeded.");
    } else {
      console.log("Database already has data; adding the scale data only.");
    }
    if (scale !== null) {
      printScale(await seedScale(db, { declarations: scale, log: (message) => console.log(message) }));
    }
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(error instanceof UsageError ? message : `Seeding failed: ${message.split("\n")[0]}`);
  process.exit(1);
});
