// A lead provider's partnerships (GET /api/v3/partnerships/ecf and …/{id}).
import type { Prisma } from "@/generated/prisma/client";
import type { Queryable, Paging } from "@/lib/db/query";

export interface PartnershipRecord {
  id: string;
  cohort: number;
  urn: string;
  schoolId: string;
  deliveryPartnerId: string;
  deliveryPartnerName: string;
  status: "active" | "challenged";
  challengedReason: string | null;
  challengedAt: Date | null;
  inductionTutorName: string | null;
  inductionTutorEmail: string | null;
  createdAt: Date;
  updatedAt: Date;
}

const include = {
  cohort: { select: { startYear: true } },
  school: { select: { urn: true } },
  deliveryPartner: { select: { name: true } },
} satisfies Prisma.PartnershipInclude;

type Row = Prisma.PartnershipGetPayload<{ include: typeof include }>;

function toRecord(row: Row): PartnershipRecord {
  return {
    id: row.id,
    cohort: row.cohort.startYear,
    urn: row.school.urn,
    schoolId: row.schoolId,
    deliveryPartnerId: row.deliveryPartnerId,
    deliveryPartnerName: row.deliveryPartner.name,
    status: row.status,
    challengedReason: row.challengedReason,
    challengedAt: row.challengedAt,
    inductionTutorName: row.inductionTutorName,
    inductionTutorEmail: row.inductionTutorEmail,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export async function listPartnerships(db: Queryable, leadProviderId: string, cohorts: number[] | null, paging: Paging): Promise<PartnershipRecord[]> {
  const rows = await db.partnership.findMany({
    where: { leadProviderId, ...(cohorts ? { cohort: { startYear: { in: cohorts } } } : {}) },
    include,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    skip: paging.skip,
    take: paging.take,
  });
  return rows.map(toRecord);
}

export async function findPartnership(db: Queryable, leadProviderId: string, id: string): Promise<PartnershipRecord | null> {
  const row = await db.partnership.findFirst({ where: { id, leadProviderId }, include });
  return row ? toRecord(row) : null;
}
