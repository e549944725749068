// Schools for one cohort (GET /api/v3/schools/ecf and …/{id}): only schools eligible for funded
// training in that cohort. in_partnership: the school has an active partnership in the cohort
// (with any lead provider), so a provider can see a school is taken before it tries to partner.
import type { Prisma } from "@/generated/prisma/client";
import type { Queryable, Paging } from "@/lib/db/query";
import { latest } from "@/lib/domain/dates";

export interface SchoolRecord {
  id: string;
  name: string;
  urn: string;
  cohort: number;
  inPartnership: boolean;
  inductionProgrammeChoice: string;
  createdAt: Date;
  updatedAt: Date;
}

const include = { school: true, cohort: { select: { startYear: true } } } satisfies Prisma.SchoolCohortInclude;
type Row = Prisma.SchoolCohortGetPayload<{ include: typeof include }>;

async function toRecords(db: Queryable, rows: Row[]): Promise<SchoolRecord[]> {
  if (rows.length === 0) return [];
  const partnered = await db.partnership.findMany({
    where: { status: "active", OR: rows.map((r) => ({ schoolId: r.schoolId, cohortId: r.cohortId })) },
    select: { schoolId: true, cohortId: true },
  });
  const key = (schoolId: string, cohortId: string) => `${schoolId}:${cohortId}`;
  const inPartnership = new Set(partnered.map((p) => key(p.schoolId, p.cohortId)));
  return rows.map((row) => ({
    id: row.school.id,
    name: row.school.name,
    urn: row.school.urn,
    cohort: row.cohort.startYear,
    inPartnership: inPartnership.has(key(row.schoolId, row.cohortId)),
    inductionProgrammeChoice: row.inductionProgrammeChoice,
    createdAt: row.school.createdAt,
    updatedAt: latest(row.school.updatedAt, row.updatedAt),
  }));
}

export async function listSchools(db: Queryable, filters: { cohort: number; urn: string | null }, paging: Paging): Promise<SchoolRecord[]> {
  const rows = await db.schoolCohort.findMany({
    where: { cohort: { startYear: filters.cohort }, fundingEligible: true, ...(filters.urn ? { school: { urn: filters.urn } } : {}) },
    include,
    orderBy: [{ school: { createdAt: "asc" } }, { schoolId: "asc" }],
    skip: paging.skip,
    take: paging.take,
  });
  return toRecords(db, rows);
}

export async function findSchool(db: Queryable, id: string, cohort: number): Promise<SchoolRecord | null> {
  const row = await db.schoolCohort.findFirst({ where: { schoolId: id, cohort: { startYear: cohort }, fundingEligible: true }, include });
  return row ? ((await toRecords(db, [row]))[0] ?? null) : null;
}
