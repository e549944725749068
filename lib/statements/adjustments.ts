// Additional adjustments on a statement: add, change, remove. Each is one transaction that locks
// the statement row (so it cannot be authorised half-way through), re-checks that the statement can
// still be adjusted (rules/adjustment-refusal.ts), writes the change and its audit entry, and logs it
// once committed. Refusals are codes, never exceptions or sentences: the pages say them in words.
// An adjustment above the approval limit is saved awaiting approval and counts only once another
// approver confirms it (confirmAdjustment; rules/adjustment-approval.ts).
import type { PrismaClient } from "@/generated/prisma/client";
import { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/lib/db/audit";
import type { Queryable } from "@/lib/db/query";
import { inTransaction } from "@/lib/db/transaction";
import { moneyEvent } from "@/lib/log";
import type { StatementStatus } from "@/lib/domain/statement-statuses";
import { adjustmentApprovalLimit } from "./approval-limit";
import { confirmAdjustmentRefusal, needsApproval, type ConfirmAdjustmentRefusal } from "./rules/adjustment-approval";
import { adjustmentRefusal, type AdjustableStatementRefusal } from "./rules/adjustment-refusal";

export type AdjustmentRefusalCode =
  | "statement_not_found"
  | AdjustableStatementRefusal
  | "adjustment_not_found"
  | "adjustment_changed"
  | ConfirmAdjustmentRefusal;

export type AdjustmentRefusal = { ok: false; code: AdjustmentRefusalCode };

export type AdjustmentRecord = {
  id: string;
  statementId: string;
  name: string;
  amount: Prisma.Decimal;
  awaitingApproval: boolean;
  approvedAt: Date | null;
  approvedBy: string | null;
  createdAt: Date;
  updatedAt: Date;
};

type PlainAdjustment = { id: string; name: string; amount: string; awaitingApproval: boolean };

export type AdjustmentOutcome = { ok: true; adjustment: PlainAdjustment; unchanged: boolean } | AdjustmentRefusal;

const refused = (code: AdjustmentRefusalCode): AdjustmentRefusal => ({ ok: false, code });

export async function findAdjustment(db: Queryable, statementId: string, adjustmentId: string): Promise<AdjustmentRecord | null> {
  return db.additionalAdjustment.findFirst({
    where: { id: adjustmentId, statementId },
    select: { id: true, statementId: true, name: true, amount: true, awaitingApproval: true, approvedAt: true, approvedBy: true, createdAt: true, updatedAt: true },
  });
}

function plain(adjustment: { id: string; name: string; amount: Prisma.Decimal; awaitingApproval: boolean }): PlainAdjustment {
  return { id: adjustment.id, name: adjustment.name, amount: adjustment.amount.toFixed(2), awaitingApproval: adjustment.awaitingApproval };
}

const MADE_ACTIONS = ["adjustment.create", "adjustment.change"];

export type AdjustmentMaker = { userId: string; label: string; action: string; at: Date };

/** Who added or changed this adjustment, oldest first, from the audit trail (they may not confirm it). */
export async function adjustmentMadeBy(db: Queryable, adjustmentId: string): Promise<AdjustmentMaker[]> {
  const rows = await db.auditLog.findMany({
    where: { entityType: "adjustment", entityId: adjustmentId, action: { in: MADE_ACTIONS }, actorType: "staff" },
    select: { actorId: true, actorLabel: true, action: true, occurredAt: true },
    orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
  });
  return rows.map((row) => ({ userId: row.actorId, label: row.actorLabel, action: row.action, at: row.occurredAt }));
}

/**
 * Whether this staff user added, changed or removed an adjustment on this statement, from the audit
 * trail (so a removed adjustment counts too): such a user may not authorise it.
 */
export async function adjustedStatement(db: Queryable, statementId: string, userId: string): Promise<boolean> {
  const rows = await db.$queryRaw<{ found: number }[]>`
    SELECT 1 AS found FROM audit_logs
     WHERE entity_type = 'adjustment'
       AND action IN ('adjustment.create', 'adjustment.change', 'adjustment.remove')
       AND actor_type = 'staff' AND actor_id = ${userId}
       AND COALESCE(after ->> 'statementId', before ->> 'statementId') = ${statementId}
     LIMIT 1`;
  return rows.length > 0;
}

/** How many of the statement's adjustments await an approver's confirmation. */
export async function adjustmentsAwaitingApproval(db: Queryable, statementId: string): Promise<number> {
  return db.additionalAdjustment.count({ where: { statementId, awaitingApproval: true } });
}

/** What one write did: refused, nothing to do (a double submit), or a change to audit and log. */
type Step =
  | AdjustmentRefusal
  | { ok: true; unchanged: true; adjustment: PlainAdjustment }
  | { ok: true; unchanged: false; adjustment: PlainAdjustment; before?: PlainAdjustment; after?: PlainAdjustment };

type AdjustmentEvent = "adjustment.create" | "adjustment.change" | "adjustment.remove" | "adjustment.approve";

/**
 * The skeleton every adjustment write shares: lock the statement and re-check it can be adjusted,
 * do `write`, then audit the change (before/after with the statement id) and log it after commit.
 */
async function writeAdjustment(
  prisma: PrismaClient,
  event: AdjustmentEvent,
  request: { statementId: string; actor: Actor },
  write: (tx: Prisma.TransactionClient, now: Date) => Promise<Step>,
): Promise<AdjustmentOutcome> {
  return inTransaction(prisma, async (tx, change): Promise<AdjustmentOutcome> => {
    const rows = await tx.$queryRaw<{ status: StatementStatus; output_fee: boolean }[]>`
      SELECT status::text AS status, output_fee FROM statements WHERE id = ${request.statementId}::uuid FOR UPDATE`;
    const statement = rows[0];
    if (!statement) return refused("statement_not_found");
    const refusal = adjustmentRefusal({ status: statement.status, outputFee: statement.output_fee });
    if (refusal) return refused(refusal);

    const step = await write(tx, new Date());
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
    const amount = new Prisma.Decimal(request.amount);
    const created = plain(
      await tx.additionalAdjustment.create({
        data: {
          id: request.id,
          statementId: request.statementId,
          name: request.name,
          amount,
          awaitingApproval: needsApproval(amount.toString(), adjustmentApprovalLimit()),
        },
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
    // A changed amount is checked against the limit afresh: a confirmation was for the old one.
    const updated = plain(
      await tx.additionalAdjustment.update({
        where: { id: current.id },
        data: { name: request.name, amount, awaitingApproval: needsApproval(amount.toString(), adjustmentApprovalLimit()), approvedAt: null, approvedBy: null },
      }),
    );
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
      const before = removed?.before as { statementId?: string; id?: string; name?: string; amount?: string; awaitingApproval?: boolean } | null | undefined;
      if (before?.statementId === request.statementId && before.id && before.name && before.amount) {
        return { ok: true, adjustment: { id: before.id, name: before.name, amount: before.amount, awaitingApproval: before.awaitingApproval ?? false }, unchanged: true };
      }
      return refused("adjustment_not_found");
    }
    await tx.additionalAdjustment.delete({ where: { id: current.id } });
    const removed = plain(current);
    return { ok: true, adjustment: removed, unchanged: false, before: removed };
  });
}

/**
 * An approver confirms an adjustment above the approval limit, so that it counts in the statement's
 * figures. Only an approver (roles read in the transaction), only while it awaits approval, never
 * one who added or changed it (the audit trail), and only as the approver saw it (`version`, its
 * last update time). Confirming twice is not an error.
 */
export async function confirmAdjustment(
  prisma: PrismaClient,
  request: { statementId: string; adjustmentId: string; version: Date; actor: Actor },
): Promise<AdjustmentOutcome> {
  return writeAdjustment(prisma, "adjustment.approve", request, async (tx, now) => {
    const current = await tx.$queryRaw<{ id: string }[]>`
      SELECT id::text FROM additional_adjustments WHERE id = ${request.adjustmentId}::uuid AND statement_id = ${request.statementId}::uuid FOR UPDATE`;
    const adjustment = current.length > 0 ? await findAdjustment(tx, request.statementId, request.adjustmentId) : null;
    if (!adjustment) return refused("adjustment_not_found");
    if (!adjustment.awaitingApproval && adjustment.approvedBy === request.actor.label) return { ok: true, adjustment: plain(adjustment), unchanged: true };
    if (adjustment.updatedAt.getTime() !== request.version.getTime()) return refused("adjustment_changed");
    const user = await tx.staffUser.findUnique({ where: { id: request.actor.id }, select: { roles: true } });
    const refusal = confirmAdjustmentRefusal({
      isApprover: request.actor.type === "staff" && (user?.roles.includes("approver") ?? false),
      awaitingApproval: adjustment.awaitingApproval,
      userId: request.actor.id,
      madeBy: (await adjustmentMadeBy(tx, adjustment.id)).map((maker) => maker.userId),
    });
    if (refusal) return refused(refusal);
    const confirmed = plain(
      await tx.additionalAdjustment.update({ where: { id: adjustment.id }, data: { awaitingApproval: false, approvedAt: now, approvedBy: request.actor.label } }),
    );
    return { ok: true, adjustment: confirmed, unchanged: false, before: plain(adjustment), after: confirmed };
  });
}
