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
});
