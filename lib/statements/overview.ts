// "Statements at a glance": each lead provider's current statement (the earliest, over all its
// cohorts, whose cut-off date has not passed) with its total as the statement page shows it
// (loadStatementView: one statement — one provider+cohort calculation — per provider); and the
// payments picture of a provider's cohort: every statement's figures from ONE engine calculation
// of the cohort (calculation.ts), a paid statement's from the snapshot its page shows; and the
// statement page's data (loadStatementPage): its view and that picture from the same calculation.
import { serializeStatementResults, type StatementJson } from "@/lib/engine";
import type { StatementStatus } from "@/lib/domain/statement-statuses";
import type { Queryable } from "@/lib/db/query";
import { calculateCohort, MissingContractError, statementOf, type CohortCalculation } from "./calculation";
import { paymentParts, type PaymentParts } from "./rules/payments-picture";
import { loadStatementView, parseStatementView, type LoadedStatement } from "./view";

function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export type CurrentStatement = {
  provider: { id: string; name: string };
  statement: {
    id: string;
    name: string;
    cohortYear: number;
    deadlineDate: Date;
    status: StatementStatus;
    outputFee: boolean;
    /** Excluding and with VAT, as the statement page shows them; null when the cohort has no contract. */
    total: string | null;
    totalWithVat: string | null;
  } | null;
};

type CurrentRow = { lead_provider_id: string; statement_id: string | null };

/** Every lead provider (by name) with its current statement on `today` (a calendar day). */
export async function listCurrentStatements(db: Queryable, today: Date): Promise<CurrentStatement[]> {
  const providers = await db.leadProvider.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } });
  const rows = await db.$queryRaw<CurrentRow[]>`
    SELECT DISTINCT ON (s.lead_provider_id) s.lead_provider_id::text AS lead_provider_id, s.id::text AS statement_id
      FROM statements s
     WHERE s.deadline_date >= ${day(today)}::date
     ORDER BY s.lead_provider_id, s.deadline_date, s.payment_date, s.id`;
  const current = new Map(rows.map((row) => [row.lead_provider_id, row.statement_id]));
  // One provider at a time: each is one cohort's calculation, and they share the connection pool.
  const out: CurrentStatement[] = [];
  for (const provider of providers) {
    const statementId = current.get(provider.id);
    if (!statementId) {
      out.push({ provider, statement: null });
      continue;
    }
    const loaded = await loadStatementView(db, statementId);
    if (!loaded) {
      out.push({ provider, statement: null });
    } else if (loaded.kind === "view") {
      const { view } = loaded;
      out.push({
        provider,
        statement: {
          id: view.statement.id,
          name: view.statement.name,
          cohortYear: view.cohort.startYear,
          deadlineDate: new Date(view.statement.deadlineDate),
          status: view.statement.status,
          outputFee: view.statement.outputFee,
          total: view.result.total,
          totalWithVat: view.result.totalWithVat,
        },
      });
    } else {
      const { header } = loaded;
      out.push({
        provider,
        statement: {
          id: header.id,
          name: header.name,
          cohortYear: header.cohort.startYear,
          deadlineDate: header.deadlineDate,
          status: header.status,
          outputFee: header.outputFee,
          total: null,
          totalWithVat: null,
        },
      });
    }
  }
  return out;
}

export type PictureStatement = {
  id: string;
  name: string;
  month: number;
  year: number;
  deadlineDate: Date;
  paymentDate: Date;
  status: StatementStatus;
  parts: PaymentParts;
  totalWithVat: string;
};

export type PaymentsPicture = {
  statements: PictureStatement[];
  /** The earliest statement whose cut-off has not passed (null: all have). */
  currentId: string | null;
};

/** Every statement of a provider's cohort, oldest first, with its five parts; null without a contract. */
export async function loadPaymentsPicture(db: Queryable, leadProviderId: string, cohortId: string, today: Date): Promise<PaymentsPicture | null> {
  const cohort = await calculateCohortOrMissingContract(db, leadProviderId, cohortId);
  return cohort instanceof MissingContractError ? null : paymentsPicture(cohort, today);
}

/** The provider's cohort calculated, or the refusal saying which contract it lacks (any other failure is thrown). */
async function calculateCohortOrMissingContract(db: Queryable, leadProviderId: string, cohortId: string): Promise<CohortCalculation | MissingContractError> {
  try {
    return await calculateCohort(db, leadProviderId, cohortId);
  } catch (error) {
    if (error instanceof MissingContractError) return error;
    throw error;
  }
}

/** What the statement page shows: the statement, and its cohort's payments picture. */
export type StatementPage = { loaded: LoadedStatement; picture: PaymentsPicture | null };

/**
 * The statement page's data from ONE calculation of the provider's cohort: the statement's view
 * (loadStatementView, given its share of that calculation) and the payments picture. Null when
 * there is no such statement.
 */
export async function loadStatementPage(db: Queryable, statementId: string, now: Date): Promise<StatementPage | null> {
  const target = await db.statement.findUnique({ where: { id: statementId }, select: { leadProviderId: true, cohortId: true } });
  if (!target) return null;
  const cohort = await calculateCohortOrMissingContract(db, target.leadProviderId, target.cohortId);
  const loaded = await loadStatementView(db, statementId, now, async () => {
    if (cohort instanceof MissingContractError) throw cohort;
    return statementOf(cohort, statementId);
  });
  if (!loaded) return null;
  return { loaded, picture: cohort instanceof MissingContractError ? null : paymentsPicture(cohort, now) };
}

function paymentsPicture(calculation: CohortCalculation, today: Date): PaymentsPicture {
  const results = serializeStatementResults(calculation.results).statements;
  const byId = new Map<string, StatementJson>(results.map((result) => [result.id, result]));
  const todayText = day(today);
  const statements = calculation.statements.map((statement): PictureStatement => {
    // A paid statement's page shows what was paid (its snapshot); so does the picture.
    const snapshot = statement.status === "paid" ? parseStatementView(statement.snapshot) : null;
    const result = snapshot?.result ?? byId.get(statement.id);
    if (!result) throw new Error(`No result for statement ${statement.id}`);
    return {
      id: statement.id,
      name: statement.name,
      month: statement.month,
      year: statement.year,
      deadlineDate: statement.deadlineDate,
      paymentDate: statement.paymentDate,
      status: statement.status,
      parts: paymentParts(result),
      totalWithVat: result.totalWithVat,
    };
  });
  const current = [...statements].filter((s) => day(s.deadlineDate) >= todayText).sort((a, b) => a.deadlineDate.getTime() - b.deadlineDate.getTime())[0];
  return { statements, currentId: current?.id ?? null };
}
