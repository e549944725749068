// The statement page's view model: everything the page shows, as plain JSON (money as unrounded
// decimal strings, dates as ISO strings). Built from the engine's result for one statement
// (calculation.ts), so no figure is worked out in a page; stored as it is in `statements.snapshot`
// when the statement is authorised (authorise.ts), so a paid statement renders exactly what was
// paid. `loadStatementView` is what the page loads: the snapshot, or the figures calculated now.
import { DECLARATION_TYPES, DECLARATION_TYPE_LABELS, type DeclarationType } from "@/lib/domain/declaration-types";
import { isBillable, isRefundable } from "@/lib/domain/declaration-states";
import type { ParticipantType } from "@/lib/domain/participant-types";
import type { StatementStatus } from "@/lib/domain/statement-statuses";
import {
  orderBands,
  serializeStatementResults,
  toDecimal,
  toMoneyString,
  type Decimal,
  type LineCount,
  type StatementJson,
  type StatementResult,
} from "@/lib/engine";
import type { Queryable } from "@/lib/db/query";
import { calculateStatement, MissingContractError, type StatementCalculation } from "./calculation";
import { findStatementHeader, type StatementHeader } from "./queries";
import { clawbackAmounts, type ClawbackAmount } from "./rules/clawback-rows";
import { revisedRecruitmentTarget } from "./rules/revised-recruitment-target";

/** 2: the ECT result says which service-fee instalment the statement pays (serviceFeeInstalment). */
export const STATEMENT_VIEW_VERSION = 2;

export type PerParticipantType = { ect: number; mentor: number };

export type DeclarationsSummary = {
  /** Billable line items (eligible, payable, paid) on this statement, per declaration type. */
  byType: Record<DeclarationType, PerParticipantType>;
  /** Refundable line items (awaiting clawback, clawed back) on this statement. */
  clawedBack: PerParticipantType;
  /** Voided line items on this statement. */
  voided: PerParticipantType;
};

/** A row of the clawbacks table: the rule's figures (rules/clawback-rows.ts) and the row's label. */
export type ClawbackRow = ClawbackAmount & { label: string };

export type ContractBandView = {
  letter: string;
  min: number | null;
  max: number | null;
  perParticipant: string;
  outputPaymentPercentage: string;
  serviceFeePercentage: string;
};

export type StatementView = {
  version: typeof STATEMENT_VIEW_VERSION;
  /** When these figures were calculated (for a snapshot: when the statement was authorised). */
  calculatedAt: string;
  statement: {
    id: string;
    name: string;
    month: number;
    year: number;
    /** YYYY-MM-DD */
    deadlineDate: string;
    /** YYYY-MM-DD */
    paymentDate: string;
    outputFee: boolean;
    status: StatementStatus;
    markedAsPaidAt: string | null;
    markedAsPaidBy: string | null;
  };
  provider: { id: string; name: string; vatChargeable: boolean };
  cohort: { id: string; startYear: number; mentorFunding: boolean };
  contract: {
    recruitmentTarget: number;
    /**
     * The contract's revised recruitment target, or 150% of the recruitment target rounded down
     * (rules/revised-recruitment-target.ts). Snapshots from before it was shown lack it:
     * parseStatementView fills in the default.
     */
    revisedRecruitmentTarget: number;
    setUpFee: string;
    monthlyServiceFee: string | null;
    upliftAmount: string | null;
    bands: ContractBandView[];
  };
  mentorContract: { paymentPerParticipant: string } | null;
  /** All of them; `awaitingApproval` ones are not in `result` until an approver confirms them. Absent in older snapshots: false. */
  adjustments: { id: string; name: string; amount: string; awaitingApproval?: boolean }[];
  declarations: DeclarationsSummary;
  clawbacks: { rows: ClawbackRow[]; total: string };
  /** The engine's result for this statement, serialised (lib/engine/serialize.ts). */
  result: StatementJson;
};

function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function money(value: { toString(): string }): string {
  return toMoneyString(toDecimal(value.toString()));
}

function zeroes(): PerParticipantType {
  return { ect: 0, mentor: 0 };
}

/** Counts a statement's line items for the declarations summary (no money: that is the engine's). */
export function summariseDeclarations(lines: readonly LineCount[]): DeclarationsSummary {
  const byType = Object.fromEntries(DECLARATION_TYPES.map((type) => [type, zeroes()])) as Record<DeclarationType, PerParticipantType>;
  const clawedBack = zeroes();
  const voided = zeroes();
  for (const line of lines) {
    const who: ParticipantType = line.participantType;
    if (isBillable(line.state)) byType[line.declarationType][who] += line.count;
    else if (isRefundable(line.state)) clawedBack[who] += line.count;
    else if (line.state === "voided") voided[who] += line.count;
  }
  return { byType, clawedBack, voided };
}

const CLAWBACK_LABELS: Readonly<Record<ClawbackAmount["kind"], (row: ClawbackAmount, pooledWithMentors: boolean) => string>> = {
  output: (row, pooled) => `${pooled ? "Clawback" : "ECT clawback"} for ${DECLARATION_TYPE_LABELS[row.declarationType]} (Band: ${row.band})`,
  mentor: (row) => `Mentor clawback for ${DECLARATION_TYPE_LABELS[row.declarationType]}`,
  uplift: () => "Uplift clawback",
};

/** The clawbacks table: the rule's rows (rules/clawback-rows.ts), each with its label. */
function clawbackTable(result: StatementResult, upliftAmount: Decimal | null, pooledWithMentors: boolean): { rows: ClawbackRow[]; total: string } {
  const { rows, total } = clawbackAmounts(result, upliftAmount);
  return {
    rows: rows.map((row) => ({
      kind: row.kind,
      declarationType: row.declarationType,
      band: row.band,
      label: CLAWBACK_LABELS[row.kind](row, pooledWithMentors),
      count: row.count,
      fee: row.fee,
      amount: row.amount,
    })),
    total,
  };
}

export function buildStatementView(calculation: StatementCalculation, now: Date): StatementView {
  const { statement, provider, cohort, contract, mentorContract, result, input } = calculation;
  const lines = input.statements.find((s) => s.id === statement.id)?.lines ?? [];
  const upliftAmount = contract.upliftAmount === null ? null : toDecimal(contract.upliftAmount.toString());
  const [json] = serializeStatementResults([result]).statements;
  if (!json) throw new Error(`No result for statement ${statement.id}`);
  const bands = orderBands(input.contract.bands);
  return {
    version: STATEMENT_VIEW_VERSION,
    calculatedAt: now.toISOString(),
    statement: {
      id: statement.id,
      name: statement.name,
      month: statement.month,
      year: statement.year,
      deadlineDate: day(statement.deadlineDate),
      paymentDate: day(statement.paymentDate),
      outputFee: statement.outputFee,
      status: statement.status,
      markedAsPaidAt: statement.markedAsPaidAt?.toISOString() ?? null,
      markedAsPaidBy: statement.markedAsPaidBy,
    },
    provider: { id: provider.id, name: provider.name, vatChargeable: provider.vatChargeable },
    cohort: { id: cohort.id, startYear: cohort.startYear, mentorFunding: cohort.mentorFunding },
    contract: {
      recruitmentTarget: contract.recruitmentTarget,
      revisedRecruitmentTarget: revisedRecruitmentTarget(contract.recruitmentTarget, contract.revisedRecruitmentTarget),
      setUpFee: money(contract.setUpFee),
      monthlyServiceFee: contract.monthlyServiceFee === null ? null : money(contract.monthlyServiceFee),
      upliftAmount: upliftAmount === null ? null : toMoneyString(upliftAmount),
      bands: bands.map((band) => ({
        letter: band.letter,
        min: band.min,
        max: band.max,
        perParticipant: toMoneyString(band.perParticipant),
        outputPaymentPercentage: toMoneyString(band.outputPaymentPercentage),
        serviceFeePercentage: toMoneyString(band.serviceFeePercentage),
      })),
    },
    mentorContract: cohort.mentorFunding && mentorContract ? { paymentPerParticipant: money(mentorContract.paymentPerParticipant) } : null,
    adjustments: statement.adjustments.map((a) => ({ id: a.id, name: a.name, amount: money(a.amount), awaitingApproval: a.awaitingApproval })),
    declarations: summariseDeclarations(lines),
    clawbacks: clawbackTable(result, upliftAmount, !cohort.mentorFunding),
    result: json,
  };
}

/** A stored snapshot, if it is one this code wrote (anything else is ignored and recalculated). */
export function parseStatementView(value: unknown): StatementView | null {
  if (typeof value !== "object" || value === null) return null;
  const view = value as Partial<StatementView>;
  if (view.version !== STATEMENT_VIEW_VERSION || !view.result || !view.statement || !view.declarations || !view.clawbacks || !view.contract) return null;
  if (view.contract.revisedRecruitmentTarget === undefined) {
    // Stored before the revised target was shown: the contract had no column for it, so the default.
    return { ...view, contract: { ...view.contract, revisedRecruitmentTarget: revisedRecruitmentTarget(view.contract.recruitmentTarget, null) } } as StatementView;
  }
  return view as StatementView;
}

export type LoadedStatement =
  | { kind: "view"; view: StatementView; source: "live" | "snapshot" }
  | { kind: "missing_contract"; header: StatementHeader; message: string };

/**
 * What the statement page shows. A paid statement shows the snapshot stored when it was
 * authorised; every other statement (and a paid one from before snapshots) is calculated now, by
 * `calculate` (default: `calculateStatement`; the statement page passes its share of the cohort
 * calculation it draws the payments picture from, lib/statements/overview.ts `loadStatementPage`).
 */
export async function loadStatementView(
  db: Queryable,
  statementId: string,
  now = new Date(),
  calculate: (db: Queryable, statementId: string) => Promise<StatementCalculation | null> = calculateStatement,
): Promise<LoadedStatement | null> {
  const row = await db.statement.findUnique({ where: { id: statementId }, select: { status: true, snapshot: true } });
  if (!row) return null;
  if (row.status === "paid") {
    const view = parseStatementView(row.snapshot);
    if (view) return { kind: "view", view, source: "snapshot" };
  }
  try {
    const calculation = await calculate(db, statementId);
    if (!calculation) return null;
    return { kind: "view", view: buildStatementView(calculation, now), source: "live" };
  } catch (error) {
    if (!(error instanceof MissingContractError)) throw error;
    const header = await findStatementHeader(db, statementId);
    if (!header) return null;
    return { kind: "missing_contract", header, message: error.message };
  }
}
