// Loads what the payment engine needs for one lead provider and cohort — the contract, the
// statements oldest first, and each statement's line items counted in the database (GROUP BY,
// not rows pulled into Node) — and runs the engine. Every figure shown on a page, in the CSV or
// by the API comes from here, so there is one calculation.
import { Prisma } from "@/generated/prisma/client";
import { calculateStatements, toDecimal, type CalculationInput, type LineCount, type StatementResult } from "@/lib/engine";
import { MENTOR_COURSE_IDENTIFIER } from "@/lib/domain/courses";
import type { DeclarationState } from "@/lib/domain/declaration-states";
import type { DeclarationType } from "@/lib/domain/declaration-types";
import type { Queryable } from "@/lib/db/query";


const statementSelect = {
  id: true,
  name: true,
  month: true,
  year: true,
  deadlineDate: true,
  paymentDate: true,
  outputFee: true,
  serviceFeeInstalment: true,
  status: true,
  reconcileAmount: true,
  markedAsPaidAt: true,
  markedAsPaidBy: true,
  leadProviderId: true,
  cohortId: true,
  snapshot: true,
  adjustments: { select: { id: true, name: true, amount: true, awaitingApproval: true }, orderBy: { createdAt: "asc" } },
} satisfies Prisma.StatementSelect;

export type StatementRow = Prisma.StatementGetPayload<{ select: typeof statementSelect }>;

export class MissingContractError extends Error {
  constructor(providerName: string, cohortYear: number, what = "call-off contract") {
    super(`${providerName} has no ${what} for the ${cohortYear} cohort, so its statements cannot be calculated.`);
    this.name = "MissingContractError";
  }
}

type CountRow = { statement_id: string; declaration_type: string; mentor: boolean; state: string; uplift: boolean; count: number };

/**
 * Line items per statement, counted by type, participant type, state and uplift.
 *
 * Two queries: the provider and cohort's statement ids first, then one GROUP BY over their line
 * items with the ids as an array parameter. Given the ids, PostgreSQL estimates each statement's
 * line items from its statistics (one backlog statement can hold most of them); joining `statements`
 * in the same query hid that, so it planned for an average statement, probed the declarations'
 * primary key once per line item and sorted on disk (docs/performance.md). Grouping is on the uuid
 * and the enum, cast to text only for the few result rows.
 */
export async function countLineItems(
  db: Queryable,
  leadProviderId: string,
  cohortId: string,
  upToPaymentDate?: Date,
): Promise<Map<string, LineCount[]>> {
  const until = upToPaymentDate ? Prisma.sql`AND s.payment_date <= ${upToPaymentDate}::date` : Prisma.empty;
  const statements = await db.$queryRaw<{ id: string }[]>`
    SELECT s.id::text AS id
      FROM statements s
     WHERE s.lead_provider_id = ${leadProviderId}::uuid
       AND s.cohort_id = ${cohortId}::uuid
       ${until}`;
  if (statements.length === 0) return new Map();
  const ids = statements.map((s) => s.id);
  const rows = await db.$queryRaw<CountRow[]>`
    SELECT g.statement_id::text AS statement_id, g.declaration_type, g.mentor, g.state::text AS state, g.uplift, g.count::int AS count
      FROM (
        SELECT li.statement_id,
               d.declaration_type,
               (d.course_identifier = ${MENTOR_COURSE_IDENTIFIER}) AS mentor,
               li.state,
               (d.sparsity_uplift OR d.pupil_premium_uplift) AS uplift, -- attractsUplift (lib/engine/uplift.ts)
               count(*) AS count
          FROM statement_line_items li
          JOIN participant_declarations d ON d.id = li.participant_declaration_id
         WHERE li.statement_id = ANY(${ids}::uuid[])
         GROUP BY 1, 2, 3, 4, 5
      ) g`;
  const byStatement = new Map<string, LineCount[]>();
  for (const row of rows) {
    const lines = byStatement.get(row.statement_id) ?? [];
    lines.push({
      declarationType: row.declaration_type as DeclarationType,
      participantType: row.mentor ? "mentor" : "ect",
      state: row.state as DeclarationState,
      uplift: row.uplift,
      count: Number(row.count),
    });
    byStatement.set(row.statement_id, lines);
  }
  return byStatement;
}

export type ProviderCohortCalculation = {
  provider: { id: string; name: string; vatChargeable: boolean };
  cohort: { id: string; startYear: number; mentorFunding: boolean; paymentsFrozenAt: Date | null };
  contract: Prisma.CallOffContractGetPayload<{ include: { bands: true } }>;
  mentorContract: { paymentPerParticipant: Prisma.Decimal } | null;
  statements: StatementRow[];
  input: CalculationInput;
};

/** The engine's input for a provider and cohort (statements up to `upToPaymentDate`, oldest first). */
export async function loadCalculation(
  db: Queryable,
  leadProviderId: string,
  cohortId: string,
  upToPaymentDate?: Date,
): Promise<ProviderCohortCalculation> {
  const [provider, cohort, contract, mentorContract, statements, counts] = await Promise.all([
    db.leadProvider.findUniqueOrThrow({ where: { id: leadProviderId }, select: { id: true, name: true, vatChargeable: true } }),
    db.cohort.findUniqueOrThrow({ where: { id: cohortId }, select: { id: true, startYear: true, mentorFunding: true, paymentsFrozenAt: true } }),
    db.callOffContract.findUnique({ where: { leadProviderId_cohortId: { leadProviderId, cohortId } }, include: { bands: true } }),
    db.mentorCallOffContract.findUnique({ where: { leadProviderId_cohortId: { leadProviderId, cohortId } }, select: { paymentPerParticipant: true } }),
    db.statement.findMany({
      where: { leadProviderId, cohortId, ...(upToPaymentDate ? { paymentDate: { lte: upToPaymentDate } } : {}) },
      orderBy: [{ paymentDate: "asc" }, { deadlineDate: "asc" }],
      select: statementSelect,
    }),
    countLineItems(db, leadProviderId, cohortId, upToPaymentDate),
  ]);
  if (!contract) throw new MissingContractError(provider.name, cohort.startYear);
  if (cohort.mentorFunding && !mentorContract) throw new MissingContractError(provider.name, cohort.startYear, "mentor call-off contract");

  const input: CalculationInput = {
    contract: {
      recruitmentTarget: contract.recruitmentTarget,
      setUpFee: toDecimal(contract.setUpFee.toString()),
      monthlyServiceFee: contract.monthlyServiceFee === null ? null : toDecimal(contract.monthlyServiceFee.toString()),
      upliftAmount: contract.upliftAmount === null ? null : toDecimal(contract.upliftAmount.toString()),
      vatChargeable: provider.vatChargeable,
      mentorFunding: cohort.mentorFunding,
      bands: contract.bands.map((band) => ({
        min: band.min,
        max: band.max,
        perParticipant: toDecimal(band.perParticipant.toString()),
        outputPaymentPercentage: toDecimal(band.outputPaymentPercentage),
        serviceFeePercentage: toDecimal(band.serviceFeePercentage),
      })),
    },
    mentorContract: mentorContract ? { paymentPerParticipant: toDecimal(mentorContract.paymentPerParticipant.toString()) } : null,
    statements: statements.map((statement) => ({
      id: statement.id,
      serviceFeeInstalment: statement.serviceFeeInstalment,
      lines: counts.get(statement.id) ?? [],
      // One awaiting an approver's confirmation (above the approval limit) does not count yet.
      adjustments: statement.adjustments.filter((a) => !a.awaitingApproval).map((a) => toDecimal(a.amount.toString())),
      reconcileAmount: toDecimal(statement.reconcileAmount.toString()),
    })),
  };
  return { provider, cohort, contract, mentorContract, statements, input };
}

export type StatementCalculation = ProviderCohortCalculation & { statement: StatementRow; result: StatementResult };

/** A provider's cohort calculated: its input, and the engine's result for each of its statements (same order). */
export type CohortCalculation = ProviderCohortCalculation & { results: StatementResult[] };

/**
 * Every statement of the provider's cohort (up to `upToPaymentDate`) through the engine, once. Each
 * statement's result depends only on the statements before it, so a statement's result is the same
 * whether the later ones are included or not (tests/integration/statements-overview.test.ts).
 */
export async function calculateCohort(db: Queryable, leadProviderId: string, cohortId: string, upToPaymentDate?: Date): Promise<CohortCalculation> {
  const calculation = await loadCalculation(db, leadProviderId, cohortId, upToPaymentDate);
  return { ...calculation, results: calculateStatements(calculation.input) };
}

/** One statement's share of a cohort calculation (null: not one of its statements). */
export function statementOf(cohort: CohortCalculation, statementId: string): StatementCalculation | null {
  const index = cohort.statements.findIndex((s) => s.id === statementId);
  const statement = cohort.statements[index];
  const result = cohort.results[index];
  if (!statement || !result) return null;
  return { ...cohort, statement, result };
}

/** One statement, calculated with everything before it. Null when there is no such statement. */
export async function calculateStatement(db: Queryable, statementId: string): Promise<StatementCalculation | null> {
  const target = await db.statement.findUnique({ where: { id: statementId }, select: { leadProviderId: true, cohortId: true, paymentDate: true } });
  if (!target) return null;
  return statementOf(await calculateCohort(db, target.leadProviderId, target.cohortId, target.paymentDate), statementId);
}

/**
 * What voiding one more paid declaration would claw back on `statementId`: the engine's total for
 * that statement with and without one more refundable line (band clawback plus any uplift
 * clawback), before VAT. Positive: the amount taken back.
 */
export async function previewClawback(
  db: Queryable,
  statementId: string,
  line: Omit<LineCount, "count" | "state">,
): Promise<{ amount: Prisma.Decimal; vatChargeable: boolean }> {
  const calculation = await calculateStatement(db, statementId);
  if (!calculation) throw new Error(`No statement ${statementId}`);
  const withClawback: CalculationInput = {
    ...calculation.input,
    statements: calculation.input.statements.map((s) =>
      s.id === statementId ? { ...s, lines: [...s.lines, { ...line, state: "awaiting_clawback", count: 1 }] } : s,
    ),
  };
  const after = calculateStatements(withClawback).find((r) => r.id === statementId);
  if (!after) throw new Error(`No statement ${statementId}`);
  const amount = calculation.result.total.minus(after.total);
  return { amount: new Prisma.Decimal(amount.toString()), vatChargeable: calculation.provider.vatChargeable };
}
