// Reading statements for the finance pages: the chooser (providers, cohorts, statement lists), the
// header every statement sub-page shows, and the voided and clawed-back declarations of a statement.
// The statement's figures are in view.ts; its transitions in mark-payable.ts and authorise.ts.
import { Prisma } from "@/generated/prisma/client";
import { MENTOR_COURSE_IDENTIFIER } from "@/lib/domain/courses";
import { REFUNDABLE_STATES, type DeclarationState } from "@/lib/domain/declaration-states";
import type { DeclarationType } from "@/lib/domain/declaration-types";
import type { ParticipantType } from "@/lib/domain/participant-types";
import type { StatementStatus } from "@/lib/domain/statement-statuses";
import type { Queryable } from "@/lib/db/query";

// ---------------------------------------------------------------------------
// Choosing a statement
// ---------------------------------------------------------------------------

export type ChooserProvider = { id: string; name: string };
export type ChooserCohort = { id: string; startYear: number };
export type StatementListItem = {
  id: string;
  name: string;
  cohortYear: number;
  deadlineDate: Date;
  paymentDate: Date;
  outputFee: boolean;
  status: StatementStatus;
};

export const STATEMENT_LIST_PAGE_SIZE = 24;

/** Lead providers that have statements, by name. */
export async function listStatementProviders(db: Queryable): Promise<ChooserProvider[]> {
  return db.leadProvider.findMany({ where: { statements: { some: {} } }, orderBy: { name: "asc" }, select: { id: true, name: true } });
}

/** Cohorts in which the provider has statements, oldest first. */
export async function listStatementCohorts(db: Queryable, leadProviderId: string): Promise<ChooserCohort[]> {
  return db.cohort.findMany({
    where: { statements: { some: { leadProviderId } } },
    orderBy: { startYear: "asc" },
    select: { id: true, startYear: true },
  });
}

const listSelect = {
  id: true,
  name: true,
  deadlineDate: true,
  paymentDate: true,
  outputFee: true,
  status: true,
  cohort: { select: { startYear: true } },
} satisfies Prisma.StatementSelect;

function toListItem(row: Prisma.StatementGetPayload<{ select: typeof listSelect }>): StatementListItem {
  return {
    id: row.id,
    name: row.name,
    cohortYear: row.cohort.startYear,
    deadlineDate: row.deadlineDate,
    paymentDate: row.paymentDate,
    outputFee: row.outputFee,
    status: row.status,
  };
}

/** Every statement of a provider in one cohort, by payment date (for the statement select). */
export async function listCohortStatements(db: Queryable, leadProviderId: string, cohortId: string): Promise<StatementListItem[]> {
  const rows = await db.statement.findMany({
    where: { leadProviderId, cohortId },
    orderBy: [{ paymentDate: "asc" }, { deadlineDate: "asc" }],
    select: listSelect,
  });
  return rows.map(toListItem);
}

/**
 * One page of a provider's statements (optionally one cohort), by payment date then cohort. With no
 * page asked for, the page where the statements not yet paid begin (what finance looks at now).
 */
export async function listProviderStatements(
  db: Queryable,
  leadProviderId: string,
  cohortId: string | null,
  page: number | null,
): Promise<{ items: StatementListItem[]; total: number; page: number; pages: number }> {
  const where: Prisma.StatementWhereInput = { leadProviderId, ...(cohortId ? { cohortId } : {}) };
  const [total, paid] = await Promise.all([db.statement.count({ where }), db.statement.count({ where: { ...where, status: "paid" } })]);
  const pages = Math.max(1, Math.ceil(total / STATEMENT_LIST_PAGE_SIZE));
  const wanted = page ?? Math.floor(Math.min(paid, total - 1) / STATEMENT_LIST_PAGE_SIZE) + 1;
  const current = Math.min(Math.max(1, wanted), pages);
  const rows = await db.statement.findMany({
    where,
    orderBy: [{ paymentDate: "asc" }, { cohort: { startYear: "asc" } }],
    skip: (current - 1) * STATEMENT_LIST_PAGE_SIZE,
    take: STATEMENT_LIST_PAGE_SIZE,
    select: listSelect,
  });
  return { items: rows.map(toListItem), total, page: current, pages };
}

/** The statement to offer first: the payable one, else the next open one, else the latest. */
export function defaultStatement<T extends { status: StatementStatus }>(statements: readonly T[]): T | undefined {
  return statements.find((s) => s.status === "payable") ?? statements.find((s) => s.status === "open") ?? statements.at(-1);
}

// ---------------------------------------------------------------------------
// One statement
// ---------------------------------------------------------------------------

export type StatementHeader = {
  id: string;
  name: string;
  status: StatementStatus;
  outputFee: boolean;
  deadlineDate: Date;
  paymentDate: Date;
  leadProvider: { id: string; name: string };
  cohort: { id: string; startYear: number; mentorFunding: boolean };
};

/** The few facts every statement sub-page needs (heading, status). Null when there is none. */
export async function findStatementHeader(db: Queryable, statementId: string): Promise<StatementHeader | null> {
  return db.statement.findUnique({
    where: { id: statementId },
    select: {
      id: true,
      name: true,
      status: true,
      outputFee: true,
      deadlineDate: true,
      paymentDate: true,
      leadProvider: { select: { id: true, name: true } },
      cohort: { select: { id: true, startYear: true, mentorFunding: true } },
    },
  });
}

// ---------------------------------------------------------------------------
// Voided and clawed-back declarations on a statement
// ---------------------------------------------------------------------------

export type StatementDeclarationList = "voided" | "clawbacks";

export const DECLARATION_LIST_PAGE_SIZE = 25;

const LIST_STATES: Readonly<Record<StatementDeclarationList, readonly DeclarationState[]>> = {
  voided: ["voided"],
  clawbacks: REFUNDABLE_STATES,
};

export type StatementDeclarationRow = {
  lineItemId: string;
  declarationId: string;
  userId: string;
  participantName: string | null;
  participantType: ParticipantType;
  declarationType: DeclarationType;
  declarationDate: Date;
  courseIdentifier: string;
  state: DeclarationState;
};

export type StatementDeclarationPage = {
  rows: StatementDeclarationRow[];
  counts: { all: number; ect: number; mentor: number };
  /** Rows matching the filter. */
  total: number;
  page: number;
  pages: number;
};

export async function listStatementDeclarations(
  db: Queryable,
  statementId: string,
  list: StatementDeclarationList,
  query: { type: ParticipantType | null; page: number },
): Promise<StatementDeclarationPage> {
  const states = Prisma.join(LIST_STATES[list].map((state) => Prisma.sql`${state}::"DeclarationState"`));
  const [countRow] = await db.$queryRaw<{ ect: number; mentor: number }[]>`
    SELECT count(*) FILTER (WHERE d.course_identifier <> ${MENTOR_COURSE_IDENTIFIER})::int AS ect,
           count(*) FILTER (WHERE d.course_identifier = ${MENTOR_COURSE_IDENTIFIER})::int AS mentor
      FROM statement_line_items li
      JOIN participant_declarations d ON d.id = li.participant_declaration_id
     WHERE li.statement_id = ${statementId}::uuid AND li.state IN (${states})`;
  const counts = { ect: Number(countRow?.ect ?? 0), mentor: Number(countRow?.mentor ?? 0), all: 0 };
  counts.all = counts.ect + counts.mentor;
  const total = query.type === null ? counts.all : counts[query.type];
  const pages = Math.max(1, Math.ceil(total / DECLARATION_LIST_PAGE_SIZE));
  const page = Math.min(Math.max(1, query.page), pages);
  const typeFilter =
    query.type === null
      ? Prisma.empty
      : query.type === "mentor"
        ? Prisma.sql`AND d.course_identifier = ${MENTOR_COURSE_IDENTIFIER}`
        : Prisma.sql`AND d.course_identifier <> ${MENTOR_COURSE_IDENTIFIER}`;
  const rows = await db.$queryRaw<
    {
      line_item_id: string;
      declaration_id: string;
      user_id: string;
      full_name: string | null;
      declaration_type: string;
      declaration_date: Date;
      course_identifier: string;
      state: string;
    }[]
  >`
    SELECT li.id::text AS line_item_id, d.id::text AS declaration_id, d.user_id::text AS user_id, u.full_name,
           d.declaration_type, d.declaration_date, d.course_identifier, li.state::text AS state
      FROM statement_line_items li
      JOIN participant_declarations d ON d.id = li.participant_declaration_id
      LEFT JOIN users u ON u.id = d.user_id
     WHERE li.statement_id = ${statementId}::uuid AND li.state IN (${states}) ${typeFilter}
     ORDER BY u.full_name, d.user_id, d.declaration_date, li.id
     LIMIT ${DECLARATION_LIST_PAGE_SIZE} OFFSET ${(page - 1) * DECLARATION_LIST_PAGE_SIZE}`;
  return {
    rows: rows.map((row) => ({
      lineItemId: row.line_item_id,
      declarationId: row.declaration_id,
      userId: row.user_id,
      participantName: row.full_name,
      participantType: row.course_identifier === MENTOR_COURSE_IDENTIFIER ? "mentor" : "ect",
      declarationType: row.declaration_type as DeclarationType,
      declarationDate: new Date(row.declaration_date),
      courseIdentifier: row.course_identifier,
      state: row.state as DeclarationState,
    })),
    counts,
    total,
    page,
    pages,
  };
}
