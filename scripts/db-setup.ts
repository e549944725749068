// `npm run db:setup`: migrates the database named by DATABASE_URL (or the embedded PGlite one). It
// creates no user and no token: a real deployment adds its first user with `npm run staff:add`.
//
// `npm run db:setup -- --demo [--today YYYY-MM-DD]` also seeds the demo data (known passwords and
// API tokens: see the README) into an empty database, built around `--today` (default: the current
// date, UTC). It refuses when NODE_ENV=production; `npm run demo` and the end-to-end server give
// this step a NODE_ENV of its own.
import { createDb } from "@/lib/db/client";
import { describeDbConfig, migrationDbConfigFromEnv } from "@/lib/db/config";
import { listMigrations, migrate } from "@/lib/db/migrate";
import { isProduction } from "@/lib/environment";
import { SeedUsageError, parseSetupArgs } from "@/prisma/seed/args";
import { freshParticipantLines, seedDemo } from "@/prisma/seed/demo";

const USAGE =
  "Usage: npm run db:setup [-- --demo [--today YYYY-MM-DD]]   (--demo: add the demo data, with its known passwords and tokens, to an empty database; never in production)";

async function main() {
  const { demo, today } = parseSetupArgs(process.argv.slice(2), { usage: USAGE });
  if (demo && isProduction()) {
    throw new SeedUsageError(
      "db:setup --demo refuses to run with NODE_ENV=production: the demo data has known passwords and API tokens. Nothing changed.",
    );
  }
  const config = migrationDbConfigFromEnv(); // MIGRATION_DATABASE_URL when set, else DATABASE_URL
  const started = Date.now();
  const db = await createDb(config, { migrate: false });
  try {
    const applied = await migrate(db.sql);
    const total = (await listMigrations()).length;
    console.log(`Database: ${describeDbConfig(config)}`);
    console.log(`Migrations: ${applied.length} applied, ${total - applied.length} already there.`);
    if (demo) {
      if ((await db.prisma.staffUser.count()) > 0) {
        console.log("Demo data: the database already has staff users, nothing seeded.");
      } else {
        const summary = await seedDemo(db, { today });
        const { counts } = summary;
        console.log(
          `Demo data: seeded for ${summary.today}: cohorts ${summary.cohorts[0]}–${summary.cohorts.at(-1)}, ` +
            `${counts.participantDeclarations} declarations of ${counts.participantProfiles} participants on ${counts.statements} statements.`,
        );
        for (const line of freshParticipantLines(summary)) console.log(line);
      }
    } else if ((await db.prisma.staffUser.count()) === 0) {
      console.log('No staff users yet: add the first with npm run staff:add -- --email <email> --name "<name>" --role finance');
    }
    console.log(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(error instanceof SeedUsageError ? 2 : 1);
});
