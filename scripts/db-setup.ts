// `npm run db:setup [-- --today YYYY-MM-DD]`: migrates the database named by DATABASE_URL (or the
// embedded PGlite one) and seeds the demo data when it is empty, built around `--today` (default: the
// current date, UTC).
import { createDb } from "@/lib/db/client";
import { describeDbConfig, migrationDbConfigFromEnv } from "@/lib/db/config";
import { listMigrations, migrate } from "@/lib/db/migrate";
import { SeedUsageError, parseSeedArgs } from "@/prisma/seed/args";
import { freshParticipantLines, seedDemo } from "@/prisma/seed/demo";

const USAGE = "Usage: tsx scripts/db-setup.ts [--today YYYY-MM-DD]   (the date the demo data is built around; default the current date, UTC)";

async function main() {
  const { today } = parseSeedArgs(process.argv.slice(2), { usage: USAGE });
  const config = migrationDbConfigFromEnv(); // MIGRATION_DATABASE_URL when set, else DATABASE_URL
  const started = Date.now();
  const db = await createDb(config, { migrate: false });
  try {
    const applied = await migrate(db.sql);
    const total = (await listMigrations()).length;
    console.log(`Database: ${describeDbConfig(config)}`);
    console.log(`Migrations: ${applied.length} applied, ${total - applied.length} already there.`);
    if ((await db.prisma.staffUser.count()) > 0) {
      console.log("Demo data: already there, nothing seeded.");
    } else {
      const summary = await seedDemo(db, { today });
      const { counts } = summary;
      console.log(
        `Demo data: seeded for ${summary.today}: cohorts ${summary.cohorts[0]}–${summary.cohorts.at(-1)}, ` +
          `${counts.participantDeclarations} declarations of ${counts.participantProfiles} participants on ${counts.statements} statements.`,
      );
      for (const line of freshParticipantLines(summary)) console.log(line);
    }
    console.log(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof SeedUsageError ? error.message : error instanceof Error ? error.message : error);
  process.exit(1);
});
