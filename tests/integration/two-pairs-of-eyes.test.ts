// Two pairs of eyes on the demo data: authorising pays the figures the approver checked (an
// adjustment made between viewing and authorising is refused with the new figures, changing
// nothing); only an approver authorises, and not one who adjusted the statement; an adjustment
// above the approval limit (£100,000 by default) counts only once another approver confirms it.
import { describe, expect, it } from "vitest";
import { staffActor, type Actor } from "@/lib/db/audit";
import { adjustedStatement, changeAdjustment, confirmAdjustment, createAdjustment, findAdjustment, removeAdjustment } from "@/lib/statements/adjustments";
import { authoriseStatement, checkAuthorisation } from "@/lib/statements/authorise";
import { calculateStatement } from "@/lib/statements/calculation";
import { buildStatementView, loadStatementView } from "@/lib/statements/view";
import { toDecimal } from "@/lib/engine";
import { seedDemo } from "@/prisma/seed/demo";
import { authoriseAsApprover, checkedFigures, demoStaffActor } from "./approver";
import { DEMO_TODAY } from "./demo-today";
import { availableKinds, withTestDb, type TestDb } from "./db";

/** Everything authorising could touch: statuses, states, update times, snapshots, adjustments, audit entries. */
async function digest(db: TestDb): Promise<string> {
  const [row] = await db.sql.query<{ d: string }>(`
    SELECT md5(
      (SELECT coalesce(string_agg(concat_ws('|', id, status, updated_at, marked_as_paid_at, marked_as_paid_by, snapshot::text), ',' ORDER BY id), '') FROM statements) ||
      (SELECT coalesce(string_agg(concat_ws('|', id, state, updated_at), ',' ORDER BY id), '') FROM statement_line_items) ||
      (SELECT coalesce(string_agg(concat_ws('|', id, state, updated_at), ',' ORDER BY id), '') FROM participant_declarations) ||
      (SELECT coalesce(string_agg(concat_ws('|', id, amount, name, awaiting_approval, approved_by), ',' ORDER BY id), '') FROM additional_adjustments) ||
      (SELECT count(*)::text FROM audit_logs)
    ) AS d`);
  return row!.d;
}

async function setUp(db: TestDb) {
  await seedDemo(db, { today: DEMO_TODAY });
  const statement = await db.prisma.statement.findFirstOrThrow({
    where: { leadProvider: { name: "Teach First" }, cohort: { startYear: 2024 }, status: "payable", outputFee: true },
    include: { leadProvider: { select: { vatChargeable: true } } },
  });
  return {
    statement,
    finance: await demoStaffActor(db, "finance@example.com"),
    approver: await demoStaffActor(db, "approver@example.com"),
  };
}

/** A second approver (finance and approver roles), as an organisation with two would have. */
async function secondApprover(db: TestDb): Promise<Actor> {
  const user = await db.prisma.staffUser.create({
    data: { email: "second.approver@example.com", name: "Second Approver", passwordHash: "not-for-signing-in", roles: ["finance", "approver"] },
  });
  return staffActor(user);
}

async function figures(db: TestDb, statementId: string) {
  const loaded = await loadStatementView(db.prisma, statementId);
  if (loaded?.kind !== "view") throw new Error("no view");
  return { adjustments: loaded.view.result.ect.additionalAdjustments, total: loaded.view.result.total, totalWithVat: loaded.view.result.totalWithVat };
}

describe.each(availableKinds())("two pairs of eyes on %s", (kind) => {
  it("an adjustment added between viewing and authorising: refused with the message and the new figures, changing nothing", async () => {
    await withTestDb(kind, async (db) => {
      const { statement, finance, approver } = await setUp(db);
      const seen = await checkedFigures(db, statement.id);
      const before = await figures(db, statement.id);

      // Meanwhile a finance user adds £500.
      await createAdjustment(db.prisma, { id: crypto.randomUUID(), statementId: statement.id, name: "Late correction", amount: "500", actor: finance });
      const unchanged = await digest(db);
      const refused = await authoriseStatement(db.prisma, { statementId: statement.id, actor: approver, checked: seen });
      const vat = statement.leadProvider.vatChargeable ? "1.2" : "1";
      const expected = toDecimal(before.totalWithVat).plus(toDecimal("500").times(vat));
      expect(refused).toMatchObject({ ok: false, code: "figures_changed", message: "The statement changed since you checked it" });
      if (refused.ok || !refused.figures) throw new Error("expected the new figures");
      expect(toDecimal(refused.figures.totalWithVat).equals(expected)).toBe(true);
      expect(toDecimal(refused.figures.total).equals(toDecimal(before.total).plus(500))).toBe(true);
      expect(await digest(db)).toBe(unchanged);
      expect((await db.prisma.statement.findUniqueOrThrow({ where: { id: statement.id } })).status).toBe("payable");

      // Figures that add up to the same total but are not the ones checked (+£200 and −£200): still refused.
      const now = await checkedFigures(db, statement.id);
      await createAdjustment(db.prisma, { id: crypto.randomUUID(), statementId: statement.id, name: "Plus", amount: "200", actor: finance });
      await createAdjustment(db.prisma, { id: crypto.randomUUID(), statementId: statement.id, name: "Minus", amount: "-200", actor: finance });
      const sameTotal = await checkedFigures(db, statement.id);
      expect(sameTotal.totalWithVat).toBe(now.totalWithVat);
      expect(await authoriseStatement(db.prisma, { statementId: statement.id, actor: approver, checked: now })).toMatchObject({ ok: false, code: "figures_changed" });

      // Checked again, the new figures are authorised, and they are what is stored as paid.
      const outcome = await authoriseStatement(db.prisma, { statementId: statement.id, actor: approver, checked: sameTotal });
      expect(outcome.ok).toBe(true);
      if (!outcome.ok) return;
      expect(outcome.view.result.totalWithVat).toBe(sameTotal.totalWithVat);
      // The snapshot, made from the calculation under the lock before the line items moved, is what
      // the paid statement works out to afterwards.
      const paid = await calculateStatement(db.prisma, statement.id);
      const recalculated = buildStatementView(paid!, new Date(outcome.view.calculatedAt));
      expect({ ...outcome.view, calculatedAt: null }).toEqual({ ...recalculated, calculatedAt: null });
    });
  });

  it("only an approver authorises: a finance-only user is refused, and so is an approver who added, changed or removed an adjustment on it", async () => {
    await withTestDb(kind, async (db) => {
      const { statement, finance, approver } = await setUp(db);
      const financeUser = await db.prisma.staffUser.findUniqueOrThrow({ where: { email: "finance@example.com" } });
      const start = await digest(db);

      // (c) A finance-only user.
      expect(await checkAuthorisation(db.prisma, statement, financeUser)).toMatchObject({ ok: false, code: "not_approver" });
      expect(await authoriseAsApprover(db, { statementId: statement.id, actor: finance })).toMatchObject({
        ok: false,
        code: "not_approver",
        message: "Only an approver can authorise a statement for payment. Ask an approver to check and authorise it.",
      });
      expect(await digest(db)).toBe(start);

      // (b) The approver adds an adjustment, then removes it: the audit trail still says they adjusted it.
      const id = crypto.randomUUID();
      await createAdjustment(db.prisma, { id, statementId: statement.id, name: "Own work", amount: "75.25", actor: approver });
      await removeAdjustment(db.prisma, { statementId: statement.id, adjustmentId: id, actor: approver });
      expect(await adjustedStatement(db.prisma, statement.id, approver.id)).toBe(true);
      const approverUser = await db.prisma.staffUser.findUniqueOrThrow({ where: { id: approver.id } });
      expect(await checkAuthorisation(db.prisma, statement, approverUser)).toMatchObject({ ok: false, code: "adjusted_this_statement" });
      const adjusted = await digest(db);
      expect(await authoriseAsApprover(db, { statementId: statement.id, actor: approver })).toMatchObject({
        ok: false,
        code: "adjusted_this_statement",
        message:
          "You cannot authorise this statement because you added, changed or removed one of its adjustments. Another approver must check and authorise it.",
      });
      expect(await digest(db)).toBe(adjusted);

      // Another approver, who did not touch it, may.
      const other = await secondApprover(db);
      expect((await authoriseAsApprover(db, { statementId: statement.id, actor: other })).ok).toBe(true);
    });
  });

  it("an adjustment above the limit counts only once an approver who did not make it confirms it; the statement waits for it", async () => {
    await withTestDb(kind, async (db) => {
      const { statement, finance, approver } = await setUp(db);
      const before = await figures(db, statement.id);

      // £100,000.00 exactly is within the limit: it counts at once.
      const atLimit = crypto.randomUUID();
      expect(await createAdjustment(db.prisma, { id: atLimit, statementId: statement.id, name: "At the limit", amount: "100000", actor: finance })).toMatchObject({
        ok: true,
        adjustment: { awaitingApproval: false },
      });
      await removeAdjustment(db.prisma, { statementId: statement.id, adjustmentId: atLimit, actor: finance });

      // £150,000 is above it: saved, but not in the figures.
      const big = crypto.randomUUID();
      expect(await createAdjustment(db.prisma, { id: big, statementId: statement.id, name: "Large correction", amount: "150000", actor: finance })).toMatchObject({
        ok: true,
        adjustment: { awaitingApproval: true },
      });
      expect(await figures(db, statement.id)).toEqual(before);
      const approverUser = await db.prisma.staffUser.findUniqueOrThrow({ where: { id: approver.id } });
      expect(await checkAuthorisation(db.prisma, statement, approverUser)).toMatchObject({
        ok: false,
        code: "adjustments_awaiting_approval",
        message: "This statement cannot be authorised while 1 adjustment awaits an approver's confirmation.",
      });
      expect(await authoriseAsApprover(db, { statementId: statement.id, actor: approver })).toMatchObject({ ok: false, code: "adjustments_awaiting_approval" });

      // The adder cannot confirm it (no approver role), nor can an approver confirm one they added.
      const version = (await findAdjustment(db.prisma, statement.id, big))!.updatedAt;
      const unchanged = await digest(db);
      expect(await confirmAdjustment(db.prisma, { statementId: statement.id, adjustmentId: big, version, actor: finance })).toEqual({ ok: false, code: "not_approver" });
      const other = await secondApprover(db);
      const theirs = crypto.randomUUID();
      await createAdjustment(db.prisma, { id: theirs, statementId: statement.id, name: "Large refund", amount: "-120000.01", actor: other });
      const theirVersion = (await findAdjustment(db.prisma, statement.id, theirs))!.updatedAt;
      const withTheirs = await digest(db);
      expect(await confirmAdjustment(db.prisma, { statementId: statement.id, adjustmentId: theirs, version: theirVersion, actor: other })).toEqual({
        ok: false,
        code: "confirmer_made_it",
      });
      expect(await digest(db)).toBe(withTheirs);
      expect(unchanged).not.toBe(withTheirs);

      // The approver, who made neither, confirms both: now they count (+£150,000 − £120,000.01).
      expect(await confirmAdjustment(db.prisma, { statementId: statement.id, adjustmentId: big, version, actor: approver })).toMatchObject({
        ok: true,
        unchanged: false,
        adjustment: { awaitingApproval: false },
      });
      expect(await confirmAdjustment(db.prisma, { statementId: statement.id, adjustmentId: theirs, version: theirVersion, actor: approver })).toMatchObject({ ok: true });
      const after = await figures(db, statement.id);
      expect(toDecimal(after.adjustments).equals(toDecimal(before.adjustments).plus("29999.99"))).toBe(true);
      const audit = await db.prisma.auditLog.findFirstOrThrow({ where: { entityId: big, action: "adjustment.approve" } });
      expect(audit).toMatchObject({ actorLabel: "approver@example.com", before: { awaitingApproval: true }, after: { awaitingApproval: false, statementId: statement.id } });
      expect(await db.prisma.additionalAdjustment.findUniqueOrThrow({ where: { id: big } })).toMatchObject({ awaitingApproval: false, approvedBy: "approver@example.com" });

      // Changing a confirmed adjustment to another amount above the limit needs a confirmation again.
      const confirmed = (await findAdjustment(db.prisma, statement.id, big))!;
      await changeAdjustment(db.prisma, { statementId: statement.id, adjustmentId: big, name: confirmed.name, amount: "160000", version: confirmed.updatedAt, actor: finance });
      expect(await db.prisma.additionalAdjustment.findUniqueOrThrow({ where: { id: big } })).toMatchObject({ awaitingApproval: true, approvedBy: null });
      expect(await figures(db, statement.id)).toMatchObject({ adjustments: toDecimal("-120000.01").toString() });
    });
  });
});
