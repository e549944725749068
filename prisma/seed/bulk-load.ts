// A bulk load into a database that is the seeder's alone (one it has just created, or found empty):
// the loaded tables' plain indexes and foreign keys are set aside while the rows go in, then the
// indexes are built once, by sorting, and the foreign keys put back and checked against every row.
//
// Kept row by row, the indexes and keys cost more than the rows: each random UUID lands on its own
// index page (and the indexes outgrow PostgreSQL's shared buffers), and each foreign key is a
// look-up and a row lock per row. Measured on 1,000,000 declarations: 145 s as rows arrive, against
// about 75 s of load, 13 s of index builds and 3 s of key checks (docs/performance.md).
//
// What stays in place during the load, so that no rule is weakened while rows arrive: primary keys,
// unique indexes, exclusion constraints, checks and triggers. What is set aside comes back exactly as
// the catalogue held it (pg_get_indexdef, pg_get_constraintdef), under its own name; a foreign key
// that a row breaks fails the command, naming the key. Never for a database others are using: they
// would read without the indexes and could write what the keys forbid.
import type { Db } from "@/lib/db/client";

interface SetAside {
  indexes: { name: string; definition: string }[];
  foreignKeys: { table: string; name: string; definition: string }[];
}

async function setAside(db: Db, tables: readonly string[]): Promise<SetAside> {
  const indexes = await db.sql.query<{ name: string; definition: string }>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
       FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
      WHERE t.relnamespace = current_schema()::regnamespace AND t.relname = ANY($1)
        AND NOT i.indisunique AND NOT i.indisexclusion
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
      ORDER BY t.relname, name`,
    [tables],
  );
  const foreignKeys = await db.sql.query<{ table: string; name: string; definition: string }>(
    `SELECT c.conrelid::regclass::text AS "table", quote_ident(c.conname) AS name, pg_get_constraintdef(c.oid) AS definition
       FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
      WHERE c.contype = 'f' AND t.relnamespace = current_schema()::regnamespace AND t.relname = ANY($1)
      ORDER BY t.relname, c.conname`,
    [tables],
  );
  await db.sql.transaction(async (tx) => {
    for (const key of foreignKeys) await tx.exec(`ALTER TABLE ${key.table} DROP CONSTRAINT ${key.name}`);
    for (const index of indexes) await tx.exec(`DROP INDEX ${index.name}`);
  });
  return { indexes, foreignKeys };
}

async function putBack(db: Db, aside: SetAside): Promise<void> {
  // Two index builds at a time on PostgreSQL (one per core here; each sorts its own table's rows).
  const queue = [...aside.indexes];
  const builders = db.config.kind === "postgres" ? 2 : 1;
  // Both builders finish (a failed build empties the queue) before a failure is reported, so no build
  // is still running when the caller hears of it.
  const results = await Promise.allSettled(
    Array.from({ length: builders }, async () => {
      for (let index = queue.shift(); index; index = queue.shift()) {
        try {
          await db.sql.exec(index.definition);
        } catch (error) {
          queue.length = 0;
          throw error;
        }
      }
    }),
  );
  const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failed) throw failed.reason;
  // NOT VALID then VALIDATE: the check of every row is one join per key, not a look-up per row.
  for (const key of aside.foreignKeys) await db.sql.exec(`ALTER TABLE ${key.table} ADD CONSTRAINT ${key.name} ${key.definition} NOT VALID`);
  for (const key of aside.foreignKeys) {
    try {
      await db.sql.exec(`ALTER TABLE ${key.table} VALIDATE CONSTRAINT ${key.name}`);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(`The bulk load left rows that break the foreign key ${key.name} on ${key.table}: ${message}`);
    }
  }
}

/**
 * Runs `load` with the plain indexes and foreign keys of `tables` set aside, then builds and checks
 * them. They are put back whether the load succeeds or fails.
 */
export async function withIndexesBuiltAfter<T>(db: Db, tables: readonly string[], load: () => Promise<T>, log: (message: string) => void): Promise<T> {
  const aside = await setAside(db, tables);
  log(
    `Bulk load: ${aside.indexes.length} indexes and ${aside.foreignKeys.length} foreign keys set aside until the rows are in ` +
      "(a seed stopped before they are back leaves the database without them: seed a new one).",
  );
  let result: T;
  try {
    result = await load();
  } catch (error) {
    try {
      await putBack(db, aside);
    } catch (putBackError) {
      const reason = (e: unknown) => (e instanceof Error ? e.message : String(e));
      throw new Error(`${reason(error)} Putting the indexes and foreign keys back failed too: ${reason(putBackError)}`, { cause: error });
    }
    throw error;
  }
  const started = performance.now();
  await putBack(db, aside);
  log(`Bulk load: indexes built and foreign keys checked in ${((performance.now() - started) / 1000).toFixed(1)}s.`);
  return result;
}
