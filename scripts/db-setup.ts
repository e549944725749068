// `npm run db:setup`: migrates the database named by DATABASE_URL (or the embedded PGlite one)
// and seeds the demo data when it is empty.
import { createDb } from "@/lib/db/client";
import { dbConfigFromEnv, describeDbConfig } from "@/lib/db/config";
import { listMigrations, migrate } from "@/lib/db/migrate";
import { seedDemo } from "@/prisma/seed/demo";

async function main() {
  const config = dbConfigFromEnv();
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
      const summary = await seedDemo(db);
      console.log(`Demo data: seeded (${summary.counts.participantDeclarations} declarations on ${summary.counts.statements} statements).`);
    }
    console.log(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
