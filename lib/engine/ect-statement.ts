/**
 * The ECT side of one statement: banded output payments, clawbacks, service fee,
 * uplift, adjustments, reconcile amount, totals and VAT.
 *
 * Source: payment-engine.md. In cohorts without mentor funding, mentor line items
 * are pooled with ECT line items here (same bands, same uplift); in cohorts with
 * mentor funding only ECT line items are counted here and mentors are calculated
 * separately (mentor-statement.ts). Additional adjustments and the reconcile amount
 * always belong to this side.
 */
import { DECLARATION_TYPES, type DeclarationType } from "@/lib/domain/declaration-types";
import { allocateToBands, type BandCount } from "./band-allocation";
import type { OrderedBand } from "./bands";
import { countBillable, countRefundable, type LineCount, type LineFilter } from "./line-counts";
import { Decimal, sumMoney } from "./money";
import { outputFeePerDeclaration } from "./output-fees";
import { serviceFeeInstalment, type ServiceFee, type ServiceFeeBreakdown } from "./service-fee";
import { statementTotal, withVat, type Totals } from "./totals";
import { calculateUplift } from "./uplift";

export interface BandOutput extends BandCount {
  letter: string;
  feePerDeclaration: Decimal;
}

export interface BandedOutput {
  declarationType: DeclarationType;
  bands: BandOutput[];
  unpaid: number;
  unmatchedRefundables: number;
  /** Σ additions × fee */
  payment: Decimal;
  /** −Σ subtractions × fee (≤ 0) */
  clawbacks: Decimal;
}

export interface EctStatementResult extends Totals {
  outputs: Record<DeclarationType, BandedOutput>;
  outputPayment: Decimal;
  /** This statement's service-fee instalment (0 when it pays none). */
  serviceFee: Decimal;
  /** Which instalment (1–29) this statement pays, or null. */
  serviceFeeInstalment: number | null;
  serviceFeeBreakdown: ServiceFeeBreakdown;
  upliftCount: number;
  upliftClawbackCount: number;
  upliftFees: Decimal;
  upliftClawbacks: Decimal;
  /** Band clawbacks only (uplift clawbacks are separate); ≤ 0. */
  clawbacks: Decimal;
  additionalAdjustments: Decimal;
  reconcileAmount: Decimal;
}

/** Billable and refundable line items on earlier statements, per declaration type. */
export type PreviousCounts = Record<DeclarationType, { billable: number; refundable: number }>;

export interface EctStatementInput {
  bands: readonly OrderedBand[];
  serviceFee: ServiceFee;
  /** Which service-fee instalment (1–29) this statement pays, or null for none. */
  serviceFeeInstalment: number | null;
  upliftAmount: Decimal | null;
  /** Whether the cohort funds mentors separately (then mentors earn no uplift). */
  mentorFunding: boolean;
  vatChargeable: boolean;
  lines: readonly LineCount[];
  /** Which line items belong to this side. */
  filter: LineFilter;
  previous: PreviousCounts;
  adjustments: readonly Decimal[];
  reconcileAmount: Decimal;
}

function bandedOutput(
  declarationType: DeclarationType,
  input: EctStatementInput,
): BandedOutput {
  const ofType: LineFilter = (line) => line.declarationType === declarationType && input.filter(line);
  const allocation = allocateToBands({
    capacities: input.bands.map((band) => band.capacity),
    previousBillable: input.previous[declarationType].billable,
    previousRefundable: input.previous[declarationType].refundable,
    billable: countBillable(input.lines, ofType),
    refundable: countRefundable(input.lines, ofType),
  });
  const bands = input.bands.map((band, i): BandOutput => {
    const counts = allocation.bands[i] ?? { previous: 0, additions: 0, subtractions: 0, count: 0 };
    return { letter: band.letter, ...counts, feePerDeclaration: outputFeePerDeclaration(declarationType, band) };
  });
  return {
    declarationType,
    bands,
    unpaid: allocation.unpaid,
    unmatchedRefundables: allocation.unmatchedRefundables,
    payment: sumMoney(bands.map((band) => band.feePerDeclaration.times(band.additions))),
    clawbacks: sumMoney(bands.map((band) => band.feePerDeclaration.times(band.subtractions))).neg(),
  };
}

export function calculateEctStatement(input: EctStatementInput): EctStatementResult {
  const outputs = Object.fromEntries(
    DECLARATION_TYPES.map((type) => [type, bandedOutput(type, input)]),
  ) as Record<DeclarationType, BandedOutput>;
  const outputList = DECLARATION_TYPES.map((type) => outputs[type]);

  const outputPayment = sumMoney(outputList.map((output) => output.payment));
  const clawbacks = sumMoney(outputList.map((output) => output.clawbacks));
  const uplift = calculateUplift(input, input.lines, input.filter);
  const additionalAdjustments = sumMoney(input.adjustments);
  const { reconcileAmount } = input;
  const serviceFee = serviceFeeInstalment(input.serviceFee, input.serviceFeeInstalment);

  const total = statementTotal({
    serviceFee,
    outputPayment,
    upliftFees: uplift.upliftFees,
    clawbacks,
    upliftClawbacks: uplift.upliftClawbacks,
    additionalAdjustments,
    reconcileAmount,
  });

  return {
    outputs,
    outputPayment,
    serviceFee,
    serviceFeeInstalment: input.serviceFeeInstalment,
    serviceFeeBreakdown: input.serviceFee.breakdown,
    ...uplift,
    clawbacks,
    additionalAdjustments,
    reconcileAmount,
    ...withVat(total, input.vatChargeable),
  };
}
