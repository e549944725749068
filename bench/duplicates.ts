// The duplicate records list (lib/participants/duplicates.ts) at scale: seeds a temporary
// PostgreSQL database with seedScale (default 1,000,000 declarations), or uses BENCH_DATABASE_URL,
// then times listDuplicatePairs and prints the plan (EXPLAIN ANALYZE).
//
//   npx tsx bench/duplicates.ts [declarations]
import { Prisma } from "@/generated/prisma/client";
import { createDb } from "@/lib/db/client";
import { duplicatePairsSql, listDuplicatePairs } from "@/lib/participants/duplicates";
import { seedScale } from "@/prisma/seed/scale";
import { adminQuery, percentile } from "./support";

async function main(): Promise<void> {
  const declarations = Number(process.argv[2] ?? 1_000_000);
  const adminUrl = process.env.DATABASE_URL?.trim() || "postgresql://postgres@127.0.0.1:5432/postgres";
  let url = process.env.BENCH_DATABASE_URL?.trim();
  const temporary = url ? null : `ecf_bench_duplicates_${Date.now()}`;
  if (temporary) {
    await adminQuery(adminUrl, `CREATE DATABASE "${temporary}"`);
    const u = new URL(adminUrl);
    u.pathname = `/${temporary}`;
    url = u.toString();
  }
  const db = await createDb({ kind: "postgres", url: url as string }, { migrate: temporary !== null, poolSize: 4 });
  try {
    if (temporary) {
      await seedScale(db, { declarations, today: new Date(), log: (m) => console.log(`  ${m}`) });
      await db.sql.exec("VACUUM ANALYZE");
    }
    const [counts] = await db.sql.query<{ users: number; declarations: number }>(
      "SELECT (SELECT count(*) FROM users)::int AS users, (SELECT count(*) FROM participant_declarations)::int AS declarations",
    );
    console.log(`Data: ${counts?.users} participants, ${counts?.declarations} declarations.`);
    const times: number[] = [];
    let total = 0;
    for (let i = 0; i < 10; i += 1) {
      const started = performance.now();
      total = (await listDuplicatePairs(db.prisma, { skip: 0, take: 25 })).total;
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    console.log(`listDuplicatePairs (first page of 25; ${total} pairs): p50 ${percentile(times, 50).toFixed(0)} ms, max ${(times.at(-1) ?? 0).toFixed(0)} ms`);
    const plan = await db.prisma.$queryRaw<{ "QUERY PLAN": string }[]>(
      Prisma.sql`EXPLAIN (ANALYZE, BUFFERS) SELECT count(*) FROM (${duplicatePairsSql()}) x`,
    );
    console.log(plan.map((r) => r["QUERY PLAN"]).join("\n"));
  } finally {
    await db.close();
    if (temporary && !process.argv.includes("--keep")) await adminQuery(adminUrl, `DROP DATABASE "${temporary}" WITH (FORCE)`);
    else if (temporary) console.log(`Kept database ${temporary}.`);
  }
}

void main();
