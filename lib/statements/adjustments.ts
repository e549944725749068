// Additional adjustments on a statement: add, change, remove. Each is one transaction that locks
// the statement row (so it cannot be authorised half-way through), re-checks that the statement can
// still be adjusted (rules/adjustment-refusal.ts), writes the change and its audit entry, and logs it
// once committed. Refusals are codes, never exceptions or sentences: the pages say them in words.
import type { PrismaClient } from "@/generated/prisma/client";
import { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/lib/db/audit";
import type { Queryable } from "@/lib/db/query";
import { inTransaction } from "@/lib/db/transaction";
import { moneyEvent } from "@/lib/log";
import type { StatementStatus } from "@/lib/domain/statement-statuses";
import { adjustmentRefusal, type AdjustableStatementRefusal } from "./rules/adjustment-refusal";

export type AdjustmentRefusalCode = "statement_not_found" | AdjustableStatementRefusal | "adjustment_not_found" | "adjustment_changed";

export type AdjustmentRefusal = { ok: false; code: AdjustmentRefusalCode };

export type AdjustmentRecord = { id: string; statementId: string; name: string; amount: Prisma.Decimal; updatedAt: Date };

type PlainAdjustment = { id: string; name: string; amount: string };

export type AdjustmentOutcome = { ok: true; adjustment: PlainAdjustment; unchanged: boolean } | AdjustmentRefusal;

const refused = (code: AdjustmentRefusalCode): AdjustmentRefusal => ({ ok: false, code });

export async function findAdjustment(db: Queryable, statementId: string, adjustmentId: string): Promise<AdjustmentRecord | null> {
  return db.additionalAdjustment.findFirst({
    where: { id: adjustmentId, statementId },
    select: { id: true, statementId: true, name: true, amount: true, updatedAt: true },
  });
}

function plain(adjustment: { id: string; name: string; amount: Prisma.Decimal }): PlainAdjustment {
  return { id: adjustment.id, name: adjustment.name, amount: adjustment.amount.toFixed(2) };
}

/** What one write did: refused, nothing to do (a double submit), or a change to audit and log. */
type Step =
  | AdjustmentRefusal
  | { ok: true; unchanged: true; adjustment: PlainAdjustment }
  | { ok: true; unchanged: false; adjustment: PlainAdjustment; before?: PlainAdjustment; after?: PlainAdjustment };

type AdjustmentEvent = "adjustment.create" | "adjustment.change" | "adjustment.remove";

/**
 * The skeleton every adjustment write shares: lock the statement and re-check it can be adjusted,
 * do `write`, then audit the change (before/after with the statement id) and log it after commit.
 */
async function writeAdjustment(
  prisma: PrismaClient,
  event: AdjustmentEvent,
  request: { statementId: string; actor: Actor },
  write: (tx: Prisma.TransactionClient) => Promise<Step>,
): Promise<AdjustmentOutcome> {
  return inTransaction(prisma, async (tx, change): Promise<AdjustmentOutcome> => {
    const rows = await tx.$queryRaw<{ status: StatementStatus; output_fee: boolean }[]>`
      SELECT status::text AS status, output_fee FROM statements WHERE id = ${request.statementId}::uuid FOR UPDATE`;
    const statement = rows[0];
    if (!statement) return refused("statement_not_found");
    const refusal = adjustmentRefusal({ status: statement.status, outputFee: statement.output_fee });
    if (refusal) return refused(refusal);

    const step = await write(tx);
    if (!step.ok || step.unchanged) return step;
    const { adjustment, before, after } = step;
    await change.audit({
      actor: request.actor,
      action: event,
      entityType: "adjustment",
      entityId: adjustment.id,
      ...(before ? { before: { statementId: request.statementId, ...before } } : {}),
      ...(after ? { after: { statementId: request.statementId, ...after } } : {}),
    });
    change.afterCommit(() => moneyEvent(event, request.actor, { adjustmentId: adjustment.id, statementId: request.statementId, amount: adjustment.amount }));
    return { ok: true, adjustment, unchanged: false };
  });
}

/**
 * Adds an adjustment. `id` is the idempotency key from the check-your-answers page: submitting
 * the same page twice adds it once (the second time reports it as already added).
 */
export async function createAdjustment(
  prisma: PrismaClient,
  request: { id: string; statementId: string; name: string; amount: string; actor: Actor },
): Promise<AdjustmentOutcome> {
  return writeAdjustment(prisma, "adjustment.create", request, async (tx) => {
    const existing = await tx.additionalAdjustment.findUnique({ where: { id: request.id } });
    if (existing) {
      if (existing.statementId !== request.statementId) return refused("adjustment_not_found");
      return { ok: true, adjustment: plain(existing), unchanged: true };
    }
    const created = plain(
      await tx.additionalAdjustment.create({
        data: { id: request.id, statementId: request.statementId, name: request.name, amount: new Prisma.Decimal(request.amount) },
      }),
    );
    return { ok: true, adjustment: created, unchanged: false, after: created };
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
  return writeAdjustment(prisma, "adjustment.change", request, async (tx) => {
    const current = await findAdjustment(tx, request.statementId, request.adjustmentId);
    if (!current) return refused("adjustment_not_found");
    const amount = new Prisma.Decimal(request.amount);
    // Submitted twice, or someone made the same change: nothing to do.
    if (current.name === request.name && current.amount.equals(amount)) return { ok: true, adjustment: plain(current), unchanged: true };
    if (current.updatedAt.getTime() !== request.version.getTime()) return refused("adjustment_changed");
    const updated = plain(await tx.additionalAdjustment.update({ where: { id: current.id }, data: { name: request.name, amount } }));
    return { ok: true, adjustment: updated, unchanged: false, before: plain(current), after: updated };
  });
}

/** Removes an adjustment. Removing one that this statement's audit trail shows as removed already is not an error. */
export async function removeAdjustment(
  prisma: PrismaClient,
  request: { statementId: string; adjustmentId: string; actor: Actor },
): Promise<AdjustmentOutcome> {
  return writeAdjustment(prisma, "adjustment.remove", request, async (tx) => {
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
      return refused("adjustment_not_found");
    }
    await tx.additionalAdjustment.delete({ where: { id: current.id } });
    const removed = plain(current);
    return { ok: true, adjustment: removed, unchanged: false, before: removed };
  });
}
