// Additional adjustments on a statement: add, change, remove. Each is one transaction that locks
// the statement row (so it cannot be authorised half-way through), re-checks that the statement can
// still be adjusted, writes the change and its audit entry. Refusals are results, never exceptions.
import type { PrismaClient } from "@/generated/prisma/client";
import { Prisma } from "@/generated/prisma/client";
import { writeAudit, type Actor } from "@/lib/db/audit";
import { moneyEvent } from "@/lib/log";
import type { Refusal } from "@/lib/declarations/rules/lifecycle";
import type { StatementStatus } from "@/lib/domain/statement-statuses";
import type { Queryable } from "@/lib/db/query";

const TRANSACTION = { maxWait: 10_000, timeout: 20_000 } as const;

export type AdjustmentAction = "add" | "change" | "remove";

export type AdjustmentRefusalCode =
  | "statement_not_found"
  | "statement_paid"
  | "not_output_statement"
  | "adjustment_not_found"
  | "adjustment_changed";

const VERB: Readonly<Record<AdjustmentAction, string>> = {
  add: "add an adjustment to it",
  change: "change its adjustments",
  remove: "remove its adjustments",
};

/**
 * Whether a statement's adjustments can be added to, changed or removed: only on output
 * statements that have not been paid. The pages use it to hide the links; the writes re-check it.
 */
export function adjustmentRefusal(
  statement: { status: StatementStatus; outputFee: boolean },
  action: AdjustmentAction,
): Refusal<"statement_paid" | "not_output_statement"> | null {
  if (statement.status === "paid") {
    return { ok: false, code: "statement_paid", message: `This statement has been authorised for payment, so you cannot ${VERB[action]}.` };
  }
  if (!statement.outputFee) {
    return {
      ok: false,
      code: "not_output_statement",
      message: `This statement pays the service fee only, so you cannot ${VERB[action]}. Adjustments go on output statements.`,
    };
  }
  return null;
}

export type AdjustmentRecord = { id: string; statementId: string; name: string; amount: Prisma.Decimal; updatedAt: Date };

export type AdjustmentOutcome =
  | { ok: true; adjustment: { id: string; name: string; amount: string }; unchanged: boolean }
  | Refusal<AdjustmentRefusalCode>;

const STATEMENT_NOT_FOUND: Refusal<"statement_not_found"> = { ok: false, code: "statement_not_found", message: "There is no statement with this ID." };
const ADJUSTMENT_NOT_FOUND: Refusal<"adjustment_not_found"> = {
  ok: false,
  code: "adjustment_not_found",
  message: "This adjustment is not on this statement. It may have been removed.",
};

export async function findAdjustment(db: Queryable, statementId: string, adjustmentId: string): Promise<AdjustmentRecord | null> {
  return db.additionalAdjustment.findFirst({
    where: { id: adjustmentId, statementId },
    select: { id: true, statementId: true, name: true, amount: true, updatedAt: true },
  });
}

async function lockAdjustableStatement(tx: Prisma.TransactionClient, statementId: string, action: AdjustmentAction) {
  const rows = await tx.$queryRaw<{ status: StatementStatus; output_fee: boolean }[]>`
    SELECT status::text AS status, output_fee FROM statements WHERE id = ${statementId}::uuid FOR UPDATE`;
  const statement = rows[0];
  if (!statement) return STATEMENT_NOT_FOUND;
  return adjustmentRefusal({ status: statement.status, outputFee: statement.output_fee }, action) ?? ({ ok: true } as const);
}

function plain(adjustment: { id: string; name: string; amount: Prisma.Decimal }) {
  return { id: adjustment.id, name: adjustment.name, amount: adjustment.amount.toFixed(2) };
}

/**
 * Adds an adjustment. `id` is the idempotency key from the check-your-answers page: submitting
 * the same page twice adds it once (the second time reports it as already added).
 */
export async function createAdjustment(
  prisma: PrismaClient,
  request: { id: string; statementId: string; name: string; amount: string; actor: Actor },
): Promise<AdjustmentOutcome> {
  return prisma.$transaction(async (tx): Promise<AdjustmentOutcome> => {
    const check = await lockAdjustableStatement(tx, request.statementId, "add");
    if (!check.ok) return check;
    const existing = await tx.additionalAdjustment.findUnique({ where: { id: request.id } });
    if (existing) {
      if (existing.statementId !== request.statementId) return ADJUSTMENT_NOT_FOUND;
      return { ok: true, adjustment: plain(existing), unchanged: true };
    }
    const created = await tx.additionalAdjustment.create({
      data: { id: request.id, statementId: request.statementId, name: request.name, amount: new Prisma.Decimal(request.amount) },
    });
    await writeAudit(tx, {
      actor: request.actor,
      action: "adjustment.create",
      entityType: "adjustment",
      entityId: created.id,
      after: { statementId: request.statementId, ...plain(created) },
    });
    return { ok: true, adjustment: plain(created), unchanged: false };
  }, TRANSACTION).then((outcome) => {
    // After the commit: the log never reports a change that rolled back.
    if (outcome.ok && !outcome.unchanged) {
      moneyEvent("adjustment.create", request.actor, { adjustmentId: outcome.adjustment.id, statementId: request.statementId, amount: outcome.adjustment.amount });
    }
    return outcome;
  });
}

/**
 * Changes an adjustment's name and amount. `version` is the adjustment's last update time the user
 * saw: if someone else changed it since, the change is refused (unless it already says this).
 */
export async function changeAdjustment(
  prisma: PrismaClient,
  request: { statementId: string; adjustmentId: string; name: string; amount: string; version: Date; actor: Actor },
): Promise<AdjustmentOutcome> {
  return prisma.$transaction(async (tx): Promise<AdjustmentOutcome> => {
    const check = await lockAdjustableStatement(tx, request.statementId, "change");
    if (!check.ok) return check;
    const current = await findAdjustment(tx, request.statementId, request.adjustmentId);
    if (!current) return ADJUSTMENT_NOT_FOUND;
    const amount = new Prisma.Decimal(request.amount);
    // Submitted twice, or someone made the same change: nothing to do.
    if (current.name === request.name && current.amount.equals(amount)) return { ok: true, adjustment: plain(current), unchanged: true };
    if (current.updatedAt.getTime() !== request.version.getTime()) {
      return {
        ok: false,
        code: "adjustment_changed",
        message: "This adjustment has been changed since you opened this page. Go back to the statement, check it and try again.",
      };
    }
    const updated = await tx.additionalAdjustment.update({ where: { id: current.id }, data: { name: request.name, amount } });
    await writeAudit(tx, {
      actor: request.actor,
      action: "adjustment.change",
      entityType: "adjustment",
      entityId: current.id,
      before: { statementId: request.statementId, ...plain(current) },
      after: { statementId: request.statementId, ...plain(updated) },
    });
    return { ok: true, adjustment: plain(updated), unchanged: false };
  }, TRANSACTION).then((outcome) => {
    if (outcome.ok && !outcome.unchanged) {
      moneyEvent("adjustment.change", request.actor, { adjustmentId: outcome.adjustment.id, statementId: request.statementId, amount: outcome.adjustment.amount });
    }
    return outcome;
  });
}

/** Removes an adjustment. Removing one that this statement's audit trail shows as removed already is not an error. */
export async function removeAdjustment(
  prisma: PrismaClient,
  request: { statementId: string; adjustmentId: string; actor: Actor },
): Promise<AdjustmentOutcome> {
  return prisma.$transaction(async (tx): Promise<AdjustmentOutcome> => {
    const check = await lockAdjustableStatement(tx, request.statementId, "remove");
    if (!check.ok) return check;
    const current = await findAdjustment(tx, request.statementId, request.adjustmentId);
    if (!current) {
      const removed = await tx.auditLog.findFirst({
        where: { entityType: "adjustment", entityId: request.adjustmentId, action: "adjustment.remove" },
        select: { before: true },
      });
      const before = removed?.before as { statementId?: string; id?: string; name?: string; amount?: string } | null | undefined;
      if (before?.statementId === request.statementId && before.id && before.name && before.amount) {
        return { ok: true, adjustment: { id: before.id, name: before.name, amount: before.amount }, unchanged: true };
      }
      return ADJUSTMENT_NOT_FOUND;
    }
    await tx.additionalAdjustment.delete({ where: { id: current.id } });
    await writeAudit(tx, {
      actor: request.actor,
      action: "adjustment.remove",
      entityType: "adjustment",
      entityId: current.id,
      before: { statementId: request.statementId, ...plain(current) },
    });
    return { ok: true, adjustment: plain(current), unchanged: false };
  }, TRANSACTION).then((outcome) => {
    if (outcome.ok && !outcome.unchanged) {
      moneyEvent("adjustment.remove", request.actor, { adjustmentId: outcome.adjustment.id, statementId: request.statementId, amount: outcome.adjustment.amount });
    }
    return outcome;
  });
}
