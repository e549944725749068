import { describe, expect, it } from "vitest";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createDb } from "@/lib/db/client";
import { listMigrations, migrate } from "@/lib/db/migrate";
import { DataDirLockedError } from "@/lib/db/lock";
import { availableKinds, withTestDb } from "./db";

describe.each(availableKinds())("migrations on %s", (kind) => {
  it("migrate an empty database to the full schema, once", async () => {
    await withTestDb(
      kind,
      async (db) => {
        const applied = await migrate(db.sql);
        expect(applied).toEqual((await listMigrations()).map((m) => m.name));
        expect(await migrate(db.sql)).toEqual([]);
        const tables = await db.sql.query<{ table_name: string }>(
          "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
        );
        expect(tables.map((t) => t.table_name)).toEqual(
          expect.arrayContaining(["participant_declarations", "statements", "statement_line_items", "audit_logs", "_prisma_migrations"]),
        );
        // Prisma reads and writes through the adapter, Decimal round-trips exactly.
        const provider = await db.prisma.leadProvider.create({ data: { name: "Test Provider" } });
        const cohort = await db.prisma.cohort.create({ data: { startYear: 2030 } });
        const statement = await db.prisma.statement.create({
          data: {
            leadProviderId: provider.id, cohortId: cohort.id, name: "January 2031", month: 1, year: 2031,
            deadlineDate: new Date("2030-12-31"), paymentDate: new Date("2031-01-25"), reconcileAmount: "1234.56",
          },
        });
        const read = await db.prisma.statement.findUniqueOrThrow({ where: { id: statement.id } });
        expect(read.reconcileAmount.plus("0.01").toFixed(2)).toBe("1234.57");
      },
      { migrate: false },
    );
  });

  it("refuses to change or delete audit entries", async () => {
    await withTestDb(kind, async (db) => {
      const entry = await db.prisma.auditLog.create({
        data: { actorType: "system", actorId: "test", actorLabel: "test", action: "test", entityType: "test", entityId: crypto.randomUUID() },
      });
      await expect(db.prisma.auditLog.update({ where: { id: entry.id }, data: { action: "changed" } })).rejects.toThrow(/append-only/);
      await expect(db.prisma.auditLog.delete({ where: { id: entry.id } })).rejects.toThrow(/append-only/);
      expect(await db.prisma.auditLog.count()).toBe(1);
    });
  });

  it("has the trigram extension the search indexes need", async () => {
    await withTestDb(kind, async (db) => {
      const rows = await db.sql.query<{ s: number }>("SELECT similarity('Jane Smith', 'jane smyth') AS s");
      expect(Number(rows[0]?.s)).toBeGreaterThan(0.3);
    });
  });
});

describe("the embedded database", () => {
  it("lets one process at a time open a data folder, and says who holds it", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "ecf-lock-"));
    const dataDir = path.join(dir, "pglite");
    const first = await createDb({ kind: "pglite", dataDir });
    try {
      const second = createDb({ kind: "pglite", dataDir });
      await expect(second).rejects.toBeInstanceOf(DataDirLockedError);
      await expect(second).rejects.toThrow(new RegExp(`process ${process.pid}`));
    } finally {
      await first.close();
    }
    // Released on close: it opens again, with the data kept.
    const again = await createDb({ kind: "pglite", dataDir });
    expect(await again.prisma.cohort.count()).toBe(0);
    await again.close();
    await rm(dir, { recursive: true, force: true });
  });
});
