// Additional adjustments: add, change and remove on an output statement that is not paid, each
// audited and counted by the engine; idempotent against double submits; refused (changing nothing)
// on paid and service-fee-only statements, for stale or unknown adjustments.
import { describe, expect, it } from "vitest";
import { staffActor } from "@/lib/db/audit";
import { adjustmentRefusalMessage } from "@/app/statements/_components/adjustment-copy";
import { changeAdjustment, createAdjustment, findAdjustment, removeAdjustment } from "@/lib/statements/adjustments";
import { adjustmentRefusal } from "@/lib/statements/rules/adjustment-refusal";
import { loadStatementView } from "@/lib/statements/view";
import { seedDemo } from "@/prisma/seed/demo";
import { DEMO_TODAY } from "./demo-today";
import { availableKinds, withTestDb, type TestDb } from "./db";

async function digest(db: TestDb): Promise<string> {
  const [row] = await db.sql.query<{ d: string }>(`
    SELECT md5((SELECT coalesce(string_agg(concat_ws('|', id, statement_id, name, amount, updated_at), ',' ORDER BY id), '') FROM additional_adjustments)
            || (SELECT count(*)::text FROM audit_logs)) AS d`);
  return row!.d;
}

async function setUp(db: TestDb) {
  await seedDemo(db, { today: DEMO_TODAY });
  const actor = staffActor(await db.prisma.staffUser.findUniqueOrThrow({ where: { email: "finance@example.com" } }));
  const payable = await db.prisma.statement.findFirstOrThrow({
    where: { leadProvider: { name: "Teach First" }, cohort: { startYear: 2024 }, status: "payable", outputFee: true },
  });
  const paid = await db.prisma.statement.findFirstOrThrow({ where: { status: "paid", outputFee: true } });
  const serviceFeeOnly = await db.prisma.statement.findFirstOrThrow({ where: { status: "open", outputFee: false } });
  return { actor, payable, paid, serviceFeeOnly };
}

async function additionalAdjustments(db: TestDb, statementId: string): Promise<string> {
  const loaded = await loadStatementView(db.prisma, statementId);
  if (loaded?.kind !== "view") throw new Error("no view");
  return loaded.view.result.ect.additionalAdjustments;
}

describe.each(availableKinds())("additional adjustments on %s", (kind) => {
  it("add, change and remove: written, audited and in the engine's total", async () => {
    await withTestDb(kind, async (db) => {
      const { actor, payable } = await setUp(db);
      expect(await additionalAdjustments(db, payable.id)).toBe("0");
      const id = crypto.randomUUID();

      const added = await createAdjustment(db.prisma, { id, statementId: payable.id, name: "Mobilisation support", amount: "1250.50", actor });
      expect(added).toEqual({ ok: true, unchanged: false, adjustment: { id, name: "Mobilisation support", amount: "1250.50", awaitingApproval: false } });
      expect(await additionalAdjustments(db, payable.id)).toBe("1250.5");
      // Submitting the same check-your-answers page again adds nothing.
      expect(await createAdjustment(db.prisma, { id, statementId: payable.id, name: "Mobilisation support", amount: "1250.50", actor })).toMatchObject({
        ok: true,
        unchanged: true,
      });
      expect(await db.prisma.additionalAdjustment.count({ where: { statementId: payable.id } })).toBe(1);

      const current = (await findAdjustment(db.prisma, payable.id, id))!;
      const changed = await changeAdjustment(db.prisma, {
        statementId: payable.id,
        adjustmentId: id,
        name: "Mobilisation support (corrected)",
        amount: "-300.00",
        version: current.updatedAt,
        actor,
      });
      expect(changed).toMatchObject({ ok: true, unchanged: false, adjustment: { amount: "-300.00" } });
      expect(await additionalAdjustments(db, payable.id)).toBe("-300");
      // The same change again (double submit, stale version): nothing to do, not an error.
      expect(
        await changeAdjustment(db.prisma, { statementId: payable.id, adjustmentId: id, name: "Mobilisation support (corrected)", amount: "-300", version: current.updatedAt, actor }),
      ).toMatchObject({ ok: true, unchanged: true });
      // A different change from the stale version is refused.
      const before = await digest(db);
      expect(
        await changeAdjustment(db.prisma, { statementId: payable.id, adjustmentId: id, name: "Something else", amount: "10", version: current.updatedAt, actor }),
      ).toMatchObject({ ok: false, code: "adjustment_changed" });
      expect(await digest(db)).toBe(before);

      expect(await removeAdjustment(db.prisma, { statementId: payable.id, adjustmentId: id, actor })).toMatchObject({ ok: true, unchanged: false });
      expect(await additionalAdjustments(db, payable.id)).toBe("0");
      // Removing again (double submit): already removed, says so without an error.
      expect(await removeAdjustment(db.prisma, { statementId: payable.id, adjustmentId: id, actor })).toMatchObject({
        ok: true,
        unchanged: true,
        adjustment: { name: "Mobilisation support (corrected)", amount: "-300.00" },
      });

      const audit = await db.prisma.auditLog.findMany({ where: { entityId: id }, orderBy: { occurredAt: "asc" } });
      expect(audit.map((a) => a.action)).toEqual(["adjustment.create", "adjustment.change", "adjustment.remove"]);
      expect(audit.every((a) => a.actorLabel === "finance@example.com" && a.entityType === "adjustment")).toBe(true);
      expect(audit[1]!.before).toMatchObject({ name: "Mobilisation support", amount: "1250.50", statementId: payable.id });
      expect(audit[1]!.after).toMatchObject({ name: "Mobilisation support (corrected)", amount: "-300.00" });
    });
  });

  it("refused on paid and service-fee-only statements, and for unknown adjustments, changing nothing", async () => {
    await withTestDb(kind, async (db) => {
      const { actor, payable, paid, serviceFeeOnly } = await setUp(db);
      expect(adjustmentRefusal(paid)).toBe("statement_paid");
      expect(adjustmentRefusal(serviceFeeOnly)).toBe("not_output_statement");
      expect(adjustmentRefusal(payable)).toBeNull();
      const existing = await db.prisma.additionalAdjustment.findFirstOrThrow({ where: { statement: { status: "paid" } } });
      const before = await digest(db);

      const late = await createAdjustment(db.prisma, { id: crypto.randomUUID(), statementId: paid.id, name: "Late", amount: "10.00", actor });
      expect(late).toEqual({ ok: false, code: "statement_paid" });
      // The service refuses with a code; the page says it in words.
      expect(late.ok ? null : adjustmentRefusalMessage(late.code, "add")).toBe(
        "This statement has been authorised for payment, so you cannot add an adjustment to it.",
      );
      expect(await createAdjustment(db.prisma, { id: crypto.randomUUID(), statementId: serviceFeeOnly.id, name: "Late", amount: "10.00", actor })).toMatchObject({
        ok: false,
        code: "not_output_statement",
      });
      expect(
        await changeAdjustment(db.prisma, { statementId: existing.statementId, adjustmentId: existing.id, name: "Changed", amount: "1.00", version: existing.updatedAt, actor }),
      ).toMatchObject({ ok: false, code: "statement_paid" });
      expect(await removeAdjustment(db.prisma, { statementId: existing.statementId, adjustmentId: existing.id, actor })).toMatchObject({
        ok: false,
        code: "statement_paid",
      });
      const unknown = crypto.randomUUID();
      expect(await removeAdjustment(db.prisma, { statementId: payable.id, adjustmentId: unknown, actor })).toMatchObject({ ok: false, code: "adjustment_not_found" });
      expect(
        await changeAdjustment(db.prisma, { statementId: payable.id, adjustmentId: unknown, name: "X", amount: "1.00", version: new Date(), actor }),
      ).toMatchObject({ ok: false, code: "adjustment_not_found" });
      // An adjustment on another statement is not this statement's to change.
      expect(await removeAdjustment(db.prisma, { statementId: payable.id, adjustmentId: existing.id, actor })).toMatchObject({ ok: false, code: "adjustment_not_found" });
      expect(await createAdjustment(db.prisma, { id: crypto.randomUUID(), statementId: crypto.randomUUID(), name: "X", amount: "1.00", actor })).toMatchObject({
        ok: false,
        code: "statement_not_found",
      });
      expect(await digest(db)).toBe(before);
    });
  });
});
