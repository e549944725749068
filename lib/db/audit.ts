// The append-only audit trail: who did what to which record, when, why, and the before/after.
// Always written inside the same transaction as the change it records.
import type { Prisma } from "@/generated/prisma/client";

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

type AuditWriter = { auditLog: { create(args: { data: Prisma.AuditLogUncheckedCreateInput }): Promise<unknown> } };

export async function writeAudit(tx: AuditWriter, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorType: entry.actor.type,
      actorId: entry.actor.id,
      actorLabel: entry.actor.label,
      apiTokenId: entry.actor.type === "api" ? entry.actor.tokenId : null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      userId: entry.userId ?? null,
      reason: entry.reason ?? null,
      before: entry.before ?? undefined,
      after: entry.after ?? undefined,
    },
  });
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
