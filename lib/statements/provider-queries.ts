// Statements as a lead provider sees them (GET /api/v3/statements and …/{id}): its own output
// statements (the ones declarations attach to), oldest payment date first.
import type { Prisma } from "@/generated/prisma/client";
import type { Queryable, Paging } from "@/lib/db/query";

export interface StatementRecord {
  id: string;
  month: number;
  year: number;
  cohort: number;
  cutOffDate: Date;
  paymentDate: Date;
  paid: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface StatementFilters {
  cohorts: number[] | null;
  updatedSince: Date | null;
}

const select = {
  id: true,
  month: true,
  year: true,
  deadlineDate: true,
  paymentDate: true,
  status: true,
  createdAt: true,
  updatedAt: true,
  cohort: { select: { startYear: true } },
} satisfies Prisma.StatementSelect;

type Row = Prisma.StatementGetPayload<{ select: typeof select }>;

function toRecord(row: Row): StatementRecord {
  return {
    id: row.id,
    month: row.month,
    year: row.year,
    cohort: row.cohort.startYear,
    cutOffDate: row.deadlineDate,
    paymentDate: row.paymentDate,
    paid: row.status === "paid",
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export async function listStatements(db: Queryable, leadProviderId: string, filters: StatementFilters, paging: Paging): Promise<StatementRecord[]> {
  const where: Prisma.StatementWhereInput = { leadProviderId, outputFee: true };
  if (filters.cohorts) where.cohort = { startYear: { in: filters.cohorts } };
  if (filters.updatedSince) where.updatedAt = { gte: filters.updatedSince };
  const rows = await db.statement.findMany({
    where,
    select,
    orderBy: [{ paymentDate: "asc" }, { cohort: { startYear: "asc" } }, { id: "asc" }],
    skip: paging.skip,
    take: paging.take,
  });
  return rows.map(toRecord);
}

export async function findStatement(db: Queryable, leadProviderId: string, id: string): Promise<StatementRecord | null> {
  const row = await db.statement.findFirst({ where: { id, leadProviderId, outputFee: true }, select });
  return row ? toRecord(row) : null;
}
