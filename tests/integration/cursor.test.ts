// lib/db/cursor.ts: a query read in batches from a server-side cursor, with a smaller first batch,
// set-up statements in its transaction, and each batch expanded by a query in that same transaction
// (the statement CSV reads its order this way, then each batch's rows).
import { describe, expect, it } from "vitest";
import { cursorBatches } from "@/lib/db/cursor";
import { availableKinds, withTestDb } from "./db";

describe.each(availableKinds())("cursor batches on %s", (kind) => {
  it("yields every row in order, the first batch as small as asked, then full batches", async () => {
    await withTestDb(kind, async (db) => {
      const batches: number[][] = [];
      for await (const rows of cursorBatches<{ n: number }>(db.sql, "SELECT g AS n FROM generate_series(1, $1::int) g ORDER BY g DESC", [25], {
        batchSize: 10,
        firstBatchSize: 3,
      })) {
        batches.push(rows.map((r) => Number(r.n)));
      }
      expect(batches.map((b) => b.length)).toEqual([3, 10, 10, 2]);
      expect(batches.flat()).toEqual(Array.from({ length: 25 }, (_, i) => 25 - i));
    });
  });

  it("runs the set-up statements and each batch's expansion inside the cursor's one transaction", async () => {
    await withTestDb(kind, async (db) => {
      const seen: { n: number; label: string; work_mem: string; txid: string }[] = [];
      for await (const rows of cursorBatches<{ n: number }, { n: number; label: string; work_mem: string; txid: string }>(
        db.sql,
        "SELECT g AS n FROM generate_series(1, 7) g ORDER BY g",
        [],
        {
          batchSize: 4,
          firstBatchSize: 2,
          setup: ["SET LOCAL work_mem = '8MB'"],
          expand: (tx, keys) =>
            tx.query(
              `SELECT k AS n, 'row ' || k AS label, current_setting('work_mem') AS work_mem, txid_current()::text AS txid
                 FROM unnest($1::int[]) k ORDER BY k`,
              [keys.map((k) => Number(k.n))],
            ),
        },
      )) {
        seen.push(...rows);
      }
      expect(seen.map((r) => [Number(r.n), r.label])).toEqual(Array.from({ length: 7 }, (_, i) => [i + 1, `row ${i + 1}`]));
      expect(new Set(seen.map((r) => r.work_mem))).toEqual(new Set(["8MB"]));
      expect(new Set(seen.map((r) => r.txid)).size).toBe(1);
      // The setting was local to the cursor's transaction.
      const [after] = await db.sql.query<{ work_mem: string }>("SELECT current_setting('work_mem') AS work_mem");
      expect(after?.work_mem).not.toBe("8MB");
    });
  });

  it("reads one batch ahead while the caller works, and no further", async () => {
    await withTestDb(kind, async (db) => {
      const expanded: number[] = [];
      const batches = cursorBatches<{ n: number }>(db.sql, "SELECT g AS n FROM generate_series(1, 40) g ORDER BY g", [], {
        batchSize: 10,
        expand: async (_tx, rows) => {
          expanded.push(Number(rows[0]?.n));
          return rows;
        },
      });
      const first = await batches.next();
      expect(first.done).toBe(false);
      // The caller holds the first batch and has not asked again: the second is fetched meanwhile, the third is not.
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(expanded).toEqual([1, 11]);
      const second = await batches.next();
      expect(second.value?.map((r) => Number(r.n))).toEqual(Array.from({ length: 10 }, (_, i) => 11 + i));
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(expanded).toEqual([1, 11, 21]);
      await batches.return(undefined);
    });
  });

  it("stopping early with a batch read ahead ends the cursor's transaction", async () => {
    await withTestDb(kind, async (db) => {
      for await (const rows of cursorBatches<{ n: number }>(db.sql, "SELECT g AS n FROM generate_series(1, 100) g ORDER BY g", [], { batchSize: 10 })) {
        expect(rows).toHaveLength(10);
        await new Promise((resolve) => setTimeout(resolve, 50));
        break;
      }
      if (kind === "postgres") {
        const [open] = await db.sql.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'`,
        );
        expect(open!.n).toBe(0);
      }
      // PGlite has one connection: were the cursor's transaction still open, its cursor would be
      // listed here (a cursor lives only as long as its transaction).
      const [open] = await db.sql.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_cursors WHERE name = 'batch_cursor'");
      expect(open!.n).toBe(0);
    });
  });
});
