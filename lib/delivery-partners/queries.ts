// Delivery partners a lead provider works with (GET /api/v3/delivery-partners and …/{id}), from
// its provider relationships. `cohort` lists the cohorts in which it works with that provider.
import type { Prisma } from "@/generated/prisma/client";
import type { Queryable, Paging } from "@/lib/db/query";

export interface DeliveryPartnerRecord {
  id: string;
  name: string;
  cohorts: number[];
  createdAt: Date;
  updatedAt: Date;
}

function include(leadProviderId: string) {
  return {
    providerRelationships: { where: { leadProviderId }, select: { cohort: { select: { startYear: true } } } },
  } satisfies Prisma.DeliveryPartnerInclude;
}

type Row = Prisma.DeliveryPartnerGetPayload<{ include: ReturnType<typeof include> }>;

function toRecord(row: Row): DeliveryPartnerRecord {
  return {
    id: row.id,
    name: row.name,
    cohorts: [...new Set(row.providerRelationships.map((r) => r.cohort.startYear))].sort((a, b) => a - b),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export async function listDeliveryPartners(db: Queryable, leadProviderId: string, cohorts: number[] | null, paging: Paging): Promise<DeliveryPartnerRecord[]> {
  const rows = await db.deliveryPartner.findMany({
    where: { providerRelationships: { some: { leadProviderId, ...(cohorts ? { cohort: { startYear: { in: cohorts } } } : {}) } } },
    include: include(leadProviderId),
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    skip: paging.skip,
    take: paging.take,
  });
  return rows.map(toRecord);
}

export async function findDeliveryPartner(db: Queryable, leadProviderId: string, id: string): Promise<DeliveryPartnerRecord | null> {
  const row = await db.deliveryPartner.findFirst({ where: { id, providerRelationships: { some: { leadProviderId } } }, include: include(leadProviderId) });
  return row ? toRecord(row) : null;
}
