// Data access for the finance statement pages: the chooser, a statement's view (live from the
// engine, or the snapshot stored when it was authorised), its voided and clawed-back declarations,
// and the two statement transitions — open → payable (the daily script) and payable → paid
// (authorise) — each one transaction with a row lock, set-based line item updates and an audit entry.
import type { PrismaClient } from "@/generated/prisma/client";
import { Prisma } from "@/generated/prisma/client";
import { writeAudit, type Actor } from "@/lib/db/audit";
import { moneyEvent } from "@/lib/log";
import { calculateStatement, MissingContractError } from "@/lib/statements/calculation";
import {
  authoriseStatementPayment,
  lineItemStateWhenStatementPaid,
  lineItemStateWhenStatementPayable,
  markStatementPayable,
  type Refusal,
} from "@/lib/declarations/rules/lifecycle";
import { DECLARATION_STATES, REFUNDABLE_STATES, type DeclarationState } from "@/lib/domain/declaration-states";
import type { DeclarationType } from "@/lib/domain/declaration-types";
import type { ParticipantType } from "@/lib/domain/participant-types";
import type { StatementStatus } from "@/lib/domain/statement-statuses";
import { buildStatementView, parseStatementView, type StatementView } from "./view";
import type { Queryable } from "@/lib/db/query";

export { buildStatementView, parseStatementView, type StatementView } from "./view";
export type { ClawbackRow, DeclarationsSummary, PerParticipantType } from "./view";


/** Long enough for a statement with hundreds of thousands of line items. */
const TRANSACTION = { maxWait: 10_000, timeout: 120_000 } as const;

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

export type LoadedStatement =
  | { kind: "view"; view: StatementView; source: "live" | "snapshot" }
  | { kind: "missing_contract"; header: StatementHeader; message: string };

/**
 * What the statement page shows. A paid statement shows the snapshot stored when it was
 * authorised; every other statement (and a paid one from before snapshots) is calculated now.
 */
export async function loadStatementView(db: Queryable, statementId: string, now = new Date()): Promise<LoadedStatement | null> {
  const row = await db.statement.findUnique({ where: { id: statementId }, select: { status: true, snapshot: true } });
  if (!row) return null;
  if (row.status === "paid") {
    const view = parseStatementView(row.snapshot);
    if (view) return { kind: "view", view, source: "snapshot" };
  }
  try {
    const calculation = await calculateStatement(db, statementId);
    if (!calculation) return null;
    return { kind: "view", view: buildStatementView(calculation, now), source: "live" };
  } catch (error) {
    if (!(error instanceof MissingContractError)) throw error;
    const header = await findStatementHeader(db, statementId);
    if (!header) return null;
    return { kind: "missing_contract", header, message: error.message };
  }
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

const MENTOR_COURSE = "ecf-mentor";

export async function listStatementDeclarations(
  db: Queryable,
  statementId: string,
  list: StatementDeclarationList,
  query: { type: ParticipantType | null; page: number },
): Promise<StatementDeclarationPage> {
  const states = Prisma.join(LIST_STATES[list].map((state) => Prisma.sql`${state}::"DeclarationState"`));
  const [countRow] = await db.$queryRaw<{ ect: number; mentor: number }[]>`
    SELECT count(*) FILTER (WHERE d.course_identifier <> ${MENTOR_COURSE})::int AS ect,
           count(*) FILTER (WHERE d.course_identifier = ${MENTOR_COURSE})::int AS mentor
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
        ? Prisma.sql`AND d.course_identifier = ${MENTOR_COURSE}`
        : Prisma.sql`AND d.course_identifier <> ${MENTOR_COURSE}`;
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
      participantType: row.course_identifier === MENTOR_COURSE ? "mentor" : "ect",
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

// ---------------------------------------------------------------------------
// Transitions
// ---------------------------------------------------------------------------

type StateMove = { from: DeclarationState; to: DeclarationState };

/** The lifecycle's rule, as the set of line item states that move: e.g. payable → paid. */
function stateMoves(rule: (state: DeclarationState) => DeclarationState): StateMove[] {
  return DECLARATION_STATES.map((from) => ({ from, to: rule(from) })).filter((move) => move.from !== move.to);
}

/**
 * Applies the moves to every line item of the statement in that state, and to their
 * declarations (whose state follows the line item), set-based: one UPDATE per move, not per row.
 * Returns the number of line items moved per `from` state.
 */
async function moveLineItems(
  tx: Prisma.TransactionClient,
  statementId: string,
  moves: readonly StateMove[],
  now: Date,
): Promise<Partial<Record<DeclarationState, number>>> {
  const moved: Partial<Record<DeclarationState, number>> = {};
  for (const { from, to } of moves) {
    await tx.$executeRaw`
      UPDATE participant_declarations d
         SET state = ${to}::"DeclarationState", updated_at = ${now}
        FROM statement_line_items li
       WHERE li.participant_declaration_id = d.id
         AND li.statement_id = ${statementId}::uuid
         AND li.state = ${from}::"DeclarationState"
         AND d.state = ${from}::"DeclarationState"`;
    moved[from] = await tx.$executeRaw`
      UPDATE statement_line_items
         SET state = ${to}::"DeclarationState", updated_at = ${now}
       WHERE statement_id = ${statementId}::uuid AND state = ${from}::"DeclarationState"`;
  }
  return moved;
}

async function lockStatement(tx: Prisma.TransactionClient, statementId: string) {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id::text FROM statements WHERE id = ${statementId}::uuid FOR UPDATE`;
  if (locked.length === 0) return null;
  return tx.statement.findUniqueOrThrow({
    where: { id: statementId },
    select: {
      id: true,
      name: true,
      status: true,
      deadlineDate: true,
      leadProvider: { select: { name: true } },
      cohort: { select: { startYear: true } },
    },
  });
}

export const MARK_PAYABLE_ACTOR: Actor = { type: "system", id: "statements:mark-payable", label: "statements:mark-payable" };

export type MarkedPayable = {
  statementId: string;
  name: string;
  leadProviderName: string;
  cohortYear: number;
  lineItemsMadePayable: number;
};

/**
 * Every open statement whose cut-off date has passed becomes payable, with its eligible line items
 * (and their declarations). One transaction per statement. Idempotent: a second run finds nothing.
 */
export async function markStatementsPayable(
  prisma: PrismaClient,
  options: { today: Date; actor?: Actor },
): Promise<MarkedPayable[]> {
  const actor = options.actor ?? MARK_PAYABLE_ACTOR;
  const today = options.today;
  const startOfToday = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()));
  const candidates = await prisma.statement.findMany({
    where: { status: "open", deadlineDate: { lt: startOfToday } },
    orderBy: [{ deadlineDate: "asc" }, { id: "asc" }],
    select: { id: true },
  });
  const moves = stateMoves(lineItemStateWhenStatementPayable);
  const marked: MarkedPayable[] = [];
  for (const { id } of candidates) {
    const outcome = await prisma.$transaction(async (tx) => {
      const statement = await lockStatement(tx, id);
      if (!statement) return null;
      const plan = markStatementPayable({ id, status: statement.status, deadlineDate: statement.deadlineDate }, today);
      // Someone else got there first (or the date moved): nothing to do.
      if (!plan.ok) return null;
      const now = new Date();
      const moved = await moveLineItems(tx, id, moves, now);
      await tx.statement.update({ where: { id }, data: { status: plan.to } });
      const lineItemsMadePayable = Object.values(moved).reduce((n, count) => n + (count ?? 0), 0);
      await writeAudit(tx, {
        actor,
        action: "statement.mark_payable",
        entityType: "statement",
        entityId: id,
        before: { status: plan.from },
        after: { status: plan.to, lineItemsMadePayable },
      });
      return {
        statementId: id,
        name: statement.name,
        leadProviderName: statement.leadProvider.name,
        cohortYear: statement.cohort.startYear,
        lineItemsMadePayable,
      };
    }, TRANSACTION);
    if (outcome) marked.push(outcome);
    if (outcome) moneyEvent("statement.mark_payable", actor, { statementId: outcome.statementId, state: "payable", lineItems: outcome.lineItemsMadePayable });
  }
  return marked;
}

export type AuthoriseRefusalCode = "not_found" | "statement_not_payable" | "statement_already_paid" | "missing_contract";

export type AuthoriseOutcome =
  | { ok: true; statementId: string; lineItemsPaid: number; lineItemsClawedBack: number; view: StatementView }
  | Refusal<AuthoriseRefusalCode>;

/**
 * Authorises a payable statement for payment, in one transaction: payable line items (and their
 * declarations) → paid, awaiting_clawback → clawed_back, the statement → paid with the time and
 * the user, the calculated statement stored as its snapshot, and an audit entry.
 */
export async function authoriseStatement(
  prisma: PrismaClient,
  request: { statementId: string; actor: Actor; now?: Date },
): Promise<AuthoriseOutcome> {
  const now = request.now ?? new Date();
  const moves = stateMoves(lineItemStateWhenStatementPaid);
  try {
    return await prisma.$transaction(async (tx): Promise<AuthoriseOutcome> => {
      const statement = await lockStatement(tx, request.statementId);
      if (!statement) return { ok: false, code: "not_found", message: "There is no statement with this ID." };
      const plan = authoriseStatementPayment({ id: statement.id, status: statement.status, deadlineDate: statement.deadlineDate });
      if (!plan.ok) return plan;

      const moved = await moveLineItems(tx, statement.id, moves, now);
      await tx.statement.update({
        where: { id: statement.id },
        data: { status: plan.to, markedAsPaidAt: now, markedAsPaidBy: request.actor.label },
      });
      const calculation = await calculateStatement(tx, statement.id);
      if (!calculation) throw new Error(`Statement ${statement.id} disappeared while it was being authorised`);
      const view = buildStatementView(calculation, now);
      await tx.statement.update({ where: { id: statement.id }, data: { snapshot: view as unknown as Prisma.InputJsonValue } });
      const lineItemsPaid = moved.payable ?? 0;
      const lineItemsClawedBack = moved.awaiting_clawback ?? 0;
      await writeAudit(tx, {
        actor: request.actor,
        action: "statement.authorise",
        entityType: "statement",
        entityId: statement.id,
        before: { status: plan.from },
        after: {
          status: plan.to,
          lineItemsPaid,
          lineItemsClawedBack,
          total: view.result.total,
          vat: view.result.vat,
          totalWithVat: view.result.totalWithVat,
        },
      });
      return { ok: true, statementId: statement.id, lineItemsPaid, lineItemsClawedBack, view };
    }, TRANSACTION).then((outcome) => {
      // After the commit: the log never reports an authorisation that rolled back.
      if (outcome.ok) {
        moneyEvent("statement.authorise", request.actor, {
          statementId: outcome.statementId,
          state: "paid",
          lineItemsPaid: outcome.lineItemsPaid,
          lineItemsClawedBack: outcome.lineItemsClawedBack,
          total: outcome.view.result.total,
          vat: outcome.view.result.vat,
          totalWithVat: outcome.view.result.totalWithVat,
        });
      }
      return outcome;
    });
  } catch (error) {
    if (error instanceof MissingContractError) return { ok: false, code: "missing_contract", message: error.message };
    throw error;
  }
}
