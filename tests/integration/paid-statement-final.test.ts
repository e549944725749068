// A paid statement stays as it was authorised: voiding an ineligible declaration whose line item is
// on a paid statement leaves that line item, the statement's figures, its CSV and its voided list
// unchanged (lib/declarations/void.ts), and the database refuses any change to a paid statement's
// line items (migration 20261206002300_hardening).
import { describe, expect, it } from "vitest";
import { staffActor } from "@/lib/db/audit";
import { voidDeclaration } from "@/lib/declarations/void";
import { calculateStatement } from "@/lib/statements/calculation";
import { statementDeclarationsCsv } from "@/lib/statements/csv";
import { listStatementDeclarations } from "@/lib/statements/queries";
import { loadStatementView } from "@/lib/statements/view";
import { seedDemo } from "@/prisma/seed/demo";
import { availableKinds, withTestDb, type TestDb } from "./db";
import { DEMO_TODAY } from "./demo-today";

/** An ineligible declaration whose line item is on a paid output statement of a cohort still paying. */
async function ineligibleOnPaidStatement(db: TestDb): Promise<{ declarationId: string; statementId: string }> {
  const [row] = await db.sql.query<{ declaration_id: string; statement_id: string }>(
    `SELECT d.id::text AS declaration_id, s.id::text AS statement_id
       FROM statement_line_items li
       JOIN statements s ON s.id = li.statement_id
       JOIN participant_declarations d ON d.id = li.participant_declaration_id
       JOIN cohorts c ON c.id = d.cohort_id
      WHERE s.status = 'paid' AND li.state = 'ineligible' AND d.state = 'ineligible' AND c.payments_frozen_at IS NULL
      ORDER BY s.payment_date DESC, d.id LIMIT 1`,
  );
  if (!row) throw new Error("The demo data has no ineligible declaration on a paid statement");
  return { declarationId: row.declaration_id, statementId: row.statement_id };
}

/** Everything the statement's pages and download show. */
async function whatItShows(db: TestDb, statementId: string) {
  const lineItems = await db.prisma.statementLineItem.findMany({
    where: { statementId },
    select: { id: true, state: true, participantDeclarationId: true, updatedAt: true },
    orderBy: { id: "asc" },
  });
  const calculation = await calculateStatement(db.prisma, statementId);
  const view = await loadStatementView(db.prisma, statementId, DEMO_TODAY);
  const csv = await new Response(statementDeclarationsCsv(db, statementId)).text();
  const voided = await listStatementDeclarations(db.prisma, statementId, "voided", { type: null, page: 1 });
  return { lineItems, calculated: calculation?.result, view, csv, voided };
}

describe.each(availableKinds())("a paid statement on %s", (kind) => {
  it("is unchanged by voiding an ineligible declaration on it: line items, figures, CSV and voided list", async () => {
    await withTestDb(kind, async (db) => {
      await seedDemo(db, { today: DEMO_TODAY });
      const { declarationId, statementId } = await ineligibleOnPaidStatement(db);
      const before = await whatItShows(db, statementId);
      expect(before.csv).toContain(declarationId);

      const actor = staffActor(await db.prisma.staffUser.findUniqueOrThrow({ where: { email: "finance@example.com" } }));
      const outcome = await voidDeclaration(db.prisma, { declarationId, actor, reason: "Ineligible: withdrawn from the programme" });
      expect(outcome).toMatchObject({ ok: true, kind: "void", from: "ineligible", state: "voided" });
      expect((await db.prisma.participantDeclaration.findUniqueOrThrow({ where: { id: declarationId } })).state).toBe("voided");

      const after = await whatItShows(db, statementId);
      expect(after.lineItems).toEqual(before.lineItems);
      expect(after.calculated).toEqual(before.calculated);
      expect(after.view).toEqual(before.view);
      expect(after.csv).toBe(before.csv);
      expect(after.voided).toEqual(before.voided);
    });
  });

  it("refuses any change to its line items in the database", async () => {
    await withTestDb(kind, async (db) => {
      await seedDemo(db, { today: DEMO_TODAY });
      const { statementId } = await ineligibleOnPaidStatement(db);
      const change = (sql: string) => db.sql.query(sql, [statementId]);
      await expect(change(`UPDATE statement_line_items SET state = 'voided' WHERE statement_id = $1 AND state = 'ineligible'`)).rejects.toThrow(
        /is paid: its line items cannot change/,
      );
      await expect(change(`DELETE FROM statement_line_items WHERE statement_id = $1`)).rejects.toThrow(/is paid: its line items cannot change/);
      // Nor moved onto it from another statement.
      await expect(
        change(
          `UPDATE statement_line_items SET statement_id = $1
            WHERE id = (SELECT li.id FROM statement_line_items li JOIN statements s ON s.id = li.statement_id WHERE s.status = 'open' LIMIT 1)`,
        ),
      ).rejects.toThrow(/is paid: its line items cannot change/);
      // Line items of statements not yet paid change as before.
      await db.sql.query(
        `UPDATE statement_line_items SET updated_at = updated_at
          WHERE statement_id = (SELECT id FROM statements WHERE status = 'open' LIMIT 1)`,
      );
    });
  });
});
