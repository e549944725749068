// The statement page's view model: everything the page shows, as plain JSON (money as unrounded
// decimal strings, dates as ISO strings). Built from the engine's result for one statement, so no
// figure is worked out in a page; stored as it is in `statements.snapshot` when the statement is
// authorised, so a paid statement renders exactly what was paid.
import { DECLARATION_TYPES, DECLARATION_TYPE_LABELS, type DeclarationType } from "@/lib/domain/declaration-types";
import { isBillable, isRefundable } from "@/lib/domain/declaration-states";
import type { ParticipantType } from "@/lib/domain/participant-types";
import type { StatementStatus } from "@/lib/domain/statement-statuses";
import {
  orderBands,
  serializeStatementResults,
  sumMoney,
  toDecimal,
  toMoneyString,
  type Decimal,
  type LineCount,
  type StatementJson,
  type StatementResult,
} from "@/lib/engine";
import type { StatementCalculation } from "@/lib/statements/calculation";

export const STATEMENT_VIEW_VERSION = 1;

export type PerParticipantType = { ect: number; mentor: number };

export type DeclarationsSummary = {
  /** Billable line items (eligible, payable, paid) on this statement, per declaration type. */
  byType: Record<DeclarationType, PerParticipantType>;
  /** Refundable line items (awaiting clawback, clawed back) on this statement. */
  clawedBack: PerParticipantType;
  /** Voided line items on this statement. */
  voided: PerParticipantType;
};

export type ClawbackRow = {
  kind: "output" | "mentor" | "uplift";
  declarationType: DeclarationType;
  /** Band letter for banded (ECT or pooled) clawbacks. */
  band: string | null;
  label: string;
  count: number;
  /** Negative: the fee taken back per declaration. */
  fee: string;
  /** Negative: count × fee. */
  amount: string;
};

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
    setUpFee: string;
    monthlyServiceFee: string | null;
    upliftAmount: string | null;
    bands: ContractBandView[];
  };
  mentorContract: { paymentPerParticipant: string } | null;
  adjustments: { id: string; name: string; amount: string }[];
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

/**
 * The clawbacks table: one row per declaration type and band with something clawed back, using the
 * engine's subtractions and fee for that band; then mentor clawbacks (mentor-funded cohorts) and
 * uplift clawbacks. The total is the engine's clawback figures added up.
 */
export function clawbackRows(result: StatementResult, upliftAmount: Decimal | null, pooledWithMentors: boolean): { rows: ClawbackRow[]; total: string } {
  const rows: ClawbackRow[] = [];
  for (const type of DECLARATION_TYPES) {
    for (const band of result.ect.outputs[type].bands) {
      if (band.subtractions === 0) continue;
      rows.push({
        kind: "output",
        declarationType: type,
        band: band.letter,
        label: `${pooledWithMentors ? "Clawback" : "ECT clawback"} for ${DECLARATION_TYPE_LABELS[type]} (Band: ${band.letter})`,
        count: band.subtractions,
        fee: toMoneyString(band.feePerDeclaration.neg()),
        amount: toMoneyString(band.feePerDeclaration.times(band.subtractions).neg()),
      });
    }
  }
  if (result.mentor) {
    for (const type of DECLARATION_TYPES) {
      const output = result.mentor.outputs[type];
      if (output.subtractions === 0) continue;
      rows.push({
        kind: "mentor",
        declarationType: type,
        band: null,
        label: `Mentor clawback for ${DECLARATION_TYPE_LABELS[type]}`,
        count: output.subtractions,
        fee: toMoneyString(output.feePerDeclaration.neg()),
        amount: toMoneyString(output.clawbacks),
      });
    }
  }
  if (result.ect.upliftClawbackCount > 0 && upliftAmount !== null) {
    rows.push({
      kind: "uplift",
      declarationType: "started",
      band: null,
      label: "Uplift clawback",
      count: result.ect.upliftClawbackCount,
      fee: toMoneyString(upliftAmount.neg()),
      amount: toMoneyString(result.ect.upliftClawbacks),
    });
  }
  const total = sumMoney([result.ect.clawbacks, result.ect.upliftClawbacks, ...(result.mentor ? [result.mentor.clawbacks] : [])]);
  return { rows, total: toMoneyString(total) };
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
    adjustments: statement.adjustments.map((a) => ({ id: a.id, name: a.name, amount: money(a.amount) })),
    declarations: summariseDeclarations(lines),
    clawbacks: clawbackRows(result, upliftAmount, !cohort.mentorFunding),
    result: json,
  };
}

/** A stored snapshot, if it is one this code wrote (anything else is ignored and recalculated). */
export function parseStatementView(value: unknown): StatementView | null {
  if (typeof value !== "object" || value === null) return null;
  const view = value as Partial<StatementView>;
  if (view.version !== STATEMENT_VIEW_VERSION || !view.result || !view.statement || !view.declarations || !view.clawbacks) return null;
  return view as StatementView;
}
