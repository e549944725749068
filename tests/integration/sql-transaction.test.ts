// lib/db/transaction.ts inSqlTransaction: the raw-SQL form of the one way to change money or people
// (the API's declaration submission uses it). Its writes and its audit entry commit together or
// not at all, and its log lines run only after the commit. And lib/db/sql.ts's prepared statements,
// which that submission's statements are.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { apiActor } from "@/lib/db/audit";
import { preparedStatementName } from "@/lib/db/sql";
import { inSqlTransaction } from "@/lib/db/transaction";
import { availableKinds, withTestDb } from "./db";

const ACTOR = apiActor({ id: randomUUID(), name: "Test Provider", tokenId: randomUUID() });

async function auditRows(db: { sql: { query<T>(sql: string, params?: unknown[]): Promise<T[]> } }, entityId: string) {
  return db.sql.query<{ action: string; actor_label: string; api_token_id: string; after: unknown }>(
    "SELECT action, actor_label, api_token_id::text, after FROM audit_logs WHERE entity_id = $1::uuid",
    [entityId],
  );
}

describe.each(availableKinds())("inSqlTransaction on %s", (kind) => {
  it("commits the writes with their audit entry, then runs the after-commit effects", async () => {
    await withTestDb(kind, async (db) => {
      const entityId = randomUUID();
      const seen: string[] = [];
      const result = await inSqlTransaction(db.sql, async (tx, change) => {
        await tx.query("INSERT INTO lead_providers (id, name, created_at, updated_at) VALUES ($1::uuid, $2, now(), now())", [entityId, "Written Provider"]);
        await change.audit({ actor: ACTOR, action: "test.write", entityType: "lead_provider", entityId, after: { name: "Written Provider" } });
        change.afterCommit(() => seen.push("logged"));
        // Not yet: the transaction has not committed.
        expect(seen).toEqual([]);
        return "done";
      });
      expect(result).toBe("done");
      expect(seen).toEqual(["logged"]);
      const [provider] = await db.sql.query<{ name: string }>("SELECT name FROM lead_providers WHERE id = $1::uuid", [entityId]);
      expect(provider?.name).toBe("Written Provider");
      expect(await auditRows(db, entityId)).toEqual([
        { action: "test.write", actor_label: "Test Provider", api_token_id: ACTOR.type === "api" ? ACTOR.tokenId : null, after: { name: "Written Provider" } },
      ]);
    });
  });

  it("a failure rolls back the writes and the audit entry, and runs no effect", async () => {
    await withTestDb(kind, async (db) => {
      const entityId = randomUUID();
      const seen: string[] = [];
      await expect(
        inSqlTransaction(db.sql, async (tx, change) => {
          await tx.query("INSERT INTO lead_providers (id, name, created_at, updated_at) VALUES ($1::uuid, $2, now(), now())", [entityId, "Rolled Back"]);
          await change.audit({ actor: ACTOR, action: "test.write", entityType: "lead_provider", entityId });
          change.afterCommit(() => seen.push("logged"));
          throw new Error("refused after the writes");
        }),
      ).rejects.toThrow("refused after the writes");
      expect(seen).toEqual([]);
      expect(await db.sql.query("SELECT 1 FROM lead_providers WHERE id = $1::uuid", [entityId])).toEqual([]);
      expect(await auditRows(db, entityId)).toEqual([]);
    });
  });
});

describe.each(availableKinds())("prepared statements on %s", (kind) => {
  const TEXT = "SELECT $1::int + 1 AS n";

  it("are named from their text: one name per text, never one name for two", () => {
    expect(preparedStatementName(TEXT)).toBe(preparedStatementName(TEXT));
    expect(preparedStatementName(TEXT)).toMatch(/^ecf_[0-9a-f]{32}$/);
    expect(preparedStatementName("SELECT $1::int + 2 AS n")).not.toBe(preparedStatementName(TEXT));
  });

  it("give the same answers, and on PostgreSQL are prepared once on the connection and reused", async () => {
    await withTestDb(kind, async (db) => {
      const prepared = await db.sql.transaction(async (tx) => {
        expect(await tx.query<{ n: number }>(TEXT, [1], { prepare: true })).toEqual([{ n: 2 }]);
        expect(await tx.query<{ n: number }>(TEXT, [41], { prepare: true })).toEqual([{ n: 42 }]);
        return tx.query<{ name: string }>("SELECT name FROM pg_prepared_statements WHERE name LIKE 'ecf_%'");
      });
      expect(prepared).toEqual(kind === "postgres" ? [{ name: preparedStatementName(TEXT) }] : []);
    });
  });
});
