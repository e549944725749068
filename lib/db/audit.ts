// The append-only audit trail: who did what to which record, when, why, and the before/after.
// Always written inside the same transaction as the change it records.
import { randomUUID } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import { utcTimestamp, type Queryable } from "./query";
import { queryTemplate, type SqlTransaction } from "./sql";

export type Actor =
  | { type: "staff"; id: string; label: string }
  | { type: "api"; id: string; label: string; tokenId: string }
  | { type: "system"; id: string; label: string };

export type AuditEntry = {
  actor: Actor;
  action: string;
  entityType: string;
  entityId: string;
  userId?: string | null;
  reason?: string | null;
  before?: Prisma.InputJsonValue | null;
  after?: Prisma.InputJsonValue | null;
};

/**
 * The audit entry's one INSERT, in raw SQL (it runs inside every money-changing transaction, so it
 * skips the ORM's query building). `occurredAt` is now unless a test fixes it.
 */
function auditInsert(entry: AuditEntry, occurredAt: Date): Prisma.Sql {
  const json = (value: Prisma.InputJsonValue | null | undefined) => (value === null || value === undefined ? null : JSON.stringify(value));
  return Prisma.sql`
    INSERT INTO audit_logs (id, occurred_at, actor_type, actor_id, actor_label, api_token_id, action, entity_type, entity_id, user_id, reason, before, after)
    VALUES (${randomUUID()}::uuid, ${utcTimestamp(occurredAt)}, ${entry.actor.type}, ${entry.actor.id}, ${entry.actor.label},
            ${entry.actor.type === "api" ? entry.actor.tokenId : null}::uuid, ${entry.action}, ${entry.entityType}, ${entry.entityId}::uuid,
            ${entry.userId ?? null}::uuid, ${entry.reason ?? null}, ${json(entry.before)}::jsonb, ${json(entry.after)}::jsonb)`;
}

/** Writes the audit entry in a Prisma transaction. */
export async function writeAudit(tx: Queryable, entry: AuditEntry, occurredAt: Date = new Date()): Promise<void> {
  await tx.$executeRaw(auditInsert(entry, occurredAt));
}

/** Writes the audit entry in a raw-SQL transaction (lib/db/sql.ts). */
export async function writeAuditSql(tx: SqlTransaction, entry: AuditEntry, occurredAt: Date = new Date()): Promise<void> {
  await queryTemplate(tx, auditInsert(entry, occurredAt), { prepare: true });
}

export function staffActor(user: { id: string; email: string }): Actor {
  return { type: "staff", id: user.id, label: user.email };
}

/**
 * An API change: the lead provider (the label is its name, as the finance pages show it) and the
 * id of the token the request came with (audit_logs.api_token_id), so a leaked token's writes can be found.
 */
export function apiActor(leadProvider: { id: string; name: string; tokenId: string }): Actor {
  return { type: "api", id: leadProvider.id, label: leadProvider.name, tokenId: leadProvider.tokenId };
}
