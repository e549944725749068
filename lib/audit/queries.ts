// The audit log page and its CSV: every audit entry, newest first, filtered by who, what and when.
// Both read the same `where` (auditWhere). The page is OFFSET-paged (capped, like the search); the
// CSV walks the whole filtered list newest first by keyset (occurred_at, id), a batch at a time,
// so neither the export's memory nor its queries grow with the list. Ordering by occurred_at is
// served by the audit_logs indexes (docs/performance.md, "The audit log").
import type { Prisma } from "@/generated/prisma/client";
import type { Queryable } from "@/lib/db/query";
import { actionsOf, AUDIT_ACTOR_TYPES, type AuditActorType } from "./rules/categories";
import { auditTarget, type AuditTarget } from "./rules/links";

export const AUDIT_PAGE_SIZE = 50;

export type AuditQuery = {
  who: { type: AuditActorType; id: string | null } | null;
  what: Parameters<typeof actionsOf>[0];
  from: Date | null;
  until: Date | null;
};

export type AuditRow = {
  id: string;
  occurredAt: Date;
  actorType: AuditActorType;
  actorLabel: string;
  /** An API change: the id of the token the request came with. */
  apiTokenId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  userId: string | null;
  reason: string | null;
  target: AuditTarget;
};

export type AuditPage = { items: AuditRow[]; total: number; page: number; pages: number };

export function auditWhere(query: AuditQuery): Prisma.AuditLogWhereInput {
  const actions = actionsOf(query.what);
  return {
    ...(query.who ? { actorType: query.who.type, ...(query.who.id ? { actorId: query.who.id } : {}) } : {}),
    ...(actions ? { action: { in: actions } } : {}),
    ...(query.from || query.until
      ? { occurredAt: { ...(query.from ? { gte: query.from } : {}), ...(query.until ? { lt: query.until } : {}) } }
      : {}),
  };
}

const select = {
  id: true,
  occurredAt: true,
  actorType: true,
  actorLabel: true,
  apiTokenId: true,
  action: true,
  entityType: true,
  entityId: true,
  userId: true,
  reason: true,
  before: true,
  after: true,
} satisfies Prisma.AuditLogSelect;

type Selected = Prisma.AuditLogGetPayload<{ select: typeof select }>;

function toRow(entry: Selected): AuditRow {
  return {
    id: entry.id,
    occurredAt: entry.occurredAt,
    actorType: (AUDIT_ACTOR_TYPES as readonly string[]).includes(entry.actorType) ? (entry.actorType as AuditActorType) : "system",
    actorLabel: entry.actorLabel,
    apiTokenId: entry.apiTokenId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    userId: entry.userId,
    reason: entry.reason,
    target: auditTarget(entry),
  };
}

const ORDER = [{ occurredAt: "desc" }, { id: "desc" }] satisfies Prisma.AuditLogOrderByWithRelationInput[];

/** One page of the filtered log, newest first. A page past the end is the last page. */
export async function listAuditEntries(db: Queryable, query: AuditQuery, page: number): Promise<AuditPage> {
  const where = auditWhere(query);
  const total = await db.auditLog.count({ where });
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pages);
  const entries = await db.auditLog.findMany({ where, orderBy: ORDER, skip: (current - 1) * AUDIT_PAGE_SIZE, take: AUDIT_PAGE_SIZE, select });
  return { items: entries.map(toRow), total, page: current, pages };
}

/** The whole filtered log, newest first, in batches (keyset on occurred_at, id). */
export async function* auditEntryBatches(db: Queryable, query: AuditQuery, batchSize = 1000): AsyncGenerator<AuditRow[], void, undefined> {
  const where = auditWhere(query);
  let after: { occurredAt: Date; id: string } | null = null;
  for (;;) {
    const page: Selected[] = await db.auditLog.findMany({
      where: after
        ? {
            AND: [
              where,
              { OR: [{ occurredAt: { lt: after.occurredAt } }, { occurredAt: after.occurredAt, id: { lt: after.id } }] },
            ],
          }
        : where,
      orderBy: ORDER,
      take: batchSize,
      select,
    });
    if (page.length === 0) return;
    yield page.map(toRow);
    if (page.length < batchSize) return;
    const last = page[page.length - 1]!;
    after = { occurredAt: last.occurredAt, id: last.id };
  }
}

export type AuditActorOption = { type: "staff" | "api"; id: string; label: string };

/** The people and providers the "Who" filter offers: finance users by email, lead providers by name. */
export async function listAuditActors(db: Queryable): Promise<AuditActorOption[]> {
  const [staff, providers] = await Promise.all([
    db.staffUser.findMany({ select: { id: true, email: true }, orderBy: { email: "asc" } }),
    db.leadProvider.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  return [
    ...staff.map((s) => ({ type: "staff" as const, id: s.id, label: s.email })),
    ...providers.map((p) => ({ type: "api" as const, id: p.id, label: p.name })),
  ];
}
