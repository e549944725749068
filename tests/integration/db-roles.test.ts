// The audit log cannot be emptied, and the app can run as a least-privilege role: the TRUNCATE
// trigger (migration 20261206002300_hardening) holds for every role, the owner included; the
// runtime role of scripts/db-roles.sql may INSERT and SELECT audit entries and do the app's work,
// but not UPDATE, DELETE, TRUNCATE, DROP or ALTER.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { POST as postDeclaration } from "@/app/api/v3/participant-declarations/route";
import { PUT as voidDeclaration } from "@/app/api/v3/participant-declarations/[id]/void/route";
import { setApiDepsForTests } from "@/lib/api/context";
import { createDb } from "@/lib/db/client";
import { writeAudit } from "@/lib/db/audit";
import { DEFAULT_DB_TIMEOUTS } from "@/lib/db/timeouts";
import { seedDemo } from "@/prisma/seed/demo";
import { AMBITION, TEST_NOW, apiRequest, call, declarationBody, makeParticipant } from "./api/helpers";
import { availableKinds, pgAdminUrl, withTestDb } from "./db";
import { DEMO_TODAY } from "./demo-today";

const ENTRY = {
  actor: { type: "system", id: "db-roles-test", label: "db-roles-test" },
  action: "test.entry",
  entityType: "test",
  entityId: "00000000-0000-4000-8000-000000000001",
} as const;

describe.each(availableKinds())("the audit log on %s", (kind) => {
  it("refuses TRUNCATE (and still UPDATE and DELETE), even to the tables' owner", async () => {
    await withTestDb(kind, async (db) => {
      await writeAudit(db.prisma, ENTRY);
      await expect(db.sql.exec("TRUNCATE audit_logs")).rejects.toThrow(/audit_logs is append-only/);
      await expect(db.sql.exec("TRUNCATE audit_logs CASCADE")).rejects.toThrow(/audit_logs is append-only/);
      await expect(db.sql.exec("UPDATE audit_logs SET reason = 'x'")).rejects.toThrow(/audit_logs is append-only/);
      await expect(db.sql.exec("DELETE FROM audit_logs")).rejects.toThrow(/audit_logs is append-only/);
      expect(await db.prisma.auditLog.count()).toBe(1);
    });
  });
});

describe.runIf(availableKinds().includes("postgres"))("the runtime role of scripts/db-roles.sql (PostgreSQL)", () => {
  it("may INSERT and SELECT audit entries and do the app's work, but not UPDATE, DELETE, TRUNCATE, DROP or ALTER", { timeout: 120_000 }, async () => {
    const role = `ecf_app_test_${randomBytes(4).toString("hex")}`;
    const script = (await readFile(path.join(process.cwd(), "scripts", "db-roles.sql"), "utf8")).replaceAll("ecf_app", role);
    try {
      await withTestDb("postgres", async (owner) => {
        // Migrated and seeded by the owner (the migration role); then the script, run twice (it is idempotent).
        await seedDemo(owner, { today: DEMO_TODAY });
        await owner.sql.exec(script);
        await owner.sql.exec(script);
        const url = new URL(owner.url!);
        url.username = role;
        url.password = "";
        const app = await createDb({ kind: "postgres", url: url.toString() }, { timeouts: DEFAULT_DB_TIMEOUTS });
        const restore = setApiDepsForTests({ db: async () => app, now: () => TEST_NOW, allowServerDate: () => false });
        try {
          const [who] = await app.sql.query<{ user: string; superuser: string }>(`SELECT current_user AS user, current_setting('is_superuser') AS superuser`);
          expect(who).toEqual({ user: role, superuser: "off" });

          // The audit log: INSERT and SELECT only.
          await writeAudit(app.prisma, ENTRY);
          expect(await app.prisma.auditLog.count({ where: { action: "test.entry" } })).toBe(1);
          await expect(app.sql.exec("UPDATE audit_logs SET reason = 'x'")).rejects.toThrow(/permission denied/);
          await expect(app.sql.exec("DELETE FROM audit_logs")).rejects.toThrow(/permission denied/);
          await expect(app.sql.exec("TRUNCATE audit_logs")).rejects.toThrow(/permission denied/);
          await expect(app.sql.exec("DROP TABLE audit_logs")).rejects.toThrow(/must be owner/);
          await expect(app.sql.exec("ALTER TABLE audit_logs DISABLE TRIGGER audit_logs_no_truncate")).rejects.toThrow(/must be owner/);
          await expect(app.sql.exec("DROP TRIGGER audit_logs_no_update_or_delete ON audit_logs")).rejects.toThrow(/must be owner/);
          // Nor any other table, the migration history or a new object.
          await expect(app.sql.exec("TRUNCATE participant_declarations CASCADE")).rejects.toThrow(/permission denied/);
          await expect(app.sql.exec("DROP TABLE statements CASCADE")).rejects.toThrow(/must be owner/);
          await expect(app.sql.query(`SELECT count(*) FROM "_prisma_migrations"`)).rejects.toThrow(/permission denied/);
          await expect(app.sql.exec("CREATE TABLE runtime_made (id int)")).rejects.toThrow(/permission denied/);

          // The app's own work under it: a declaration submitted and voided through the API's route
          // handlers (row locks, writes to declarations and line items, audit entries).
          const fixture = await makeParticipant(owner.prisma, { provider: AMBITION, cohort: 2025 });
          const submitted = await call(
            postDeclaration,
            apiRequest("POST", "/api/v3/participant-declarations", {
              as: AMBITION,
              body: declarationBody({
                participant_id: fixture.userId,
                declaration_type: "started",
                declaration_date: "2025-10-01T10:00:00.000Z",
                course_identifier: "ecf-induction",
              }),
            }),
          );
          expect(submitted.status).toBe(200);
          const id: string = submitted.body.data.id;
          const voided = await call(voidDeclaration, apiRequest("PUT", `/api/v3/participant-declarations/${id}/void`, { as: AMBITION }), { id });
          expect(voided.status).toBe(200);
          expect(voided.body.data.attributes.state).toBe("voided");
          expect(await owner.prisma.auditLog.count({ where: { entityId: id } })).toBe(2);
        } finally {
          restore();
          await app.close();
        }
      });
    } finally {
      const admin = new pg.Client({ connectionString: pgAdminUrl() });
      await admin.connect();
      await admin.query(`DROP ROLE IF EXISTS "${role}"`).finally(() => admin.end());
    }
  });
});
