/**
 * The statement calculator: all statements of one lead provider and cohort.
 *
 * Source: payment-engine.md. Statements are given oldest first (by payment date);
 * "previous" for a statement means every earlier statement in the list. Each
 * statement gets an ECT side (banded; in cohorts without mentor funding it also
 * counts mentors) and, in cohorts with mentor funding, a mentor side. The statement
 * total, VAT and total with VAT are the sums of the two sides.
 */
import { DECLARATION_TYPES } from "@/lib/domain/declaration-types";
import { isBillable, isRefundable } from "@/lib/domain/declaration-states";
import { orderBands, type ContractBand } from "./bands";
import { calculateEctStatement, type EctStatementResult, type PreviousCounts } from "./ect-statement";
import type { LineCount, LineFilter } from "./line-counts";
import { calculateMentorStatement, type MentorStatementResult } from "./mentor-statement";
import { toDecimal, type Decimal } from "./money";
import { calculateServiceFee, type ServiceFeeContract } from "./service-fee";
import { combineTotals, type Totals } from "./totals";

export interface Contract extends ServiceFeeContract {
  /** Paid per billable `started` line item with the uplift; null = no uplift. */
  upliftAmount: Decimal | null;
  /** Whether the lead provider is charged VAT (20%). */
  vatChargeable: boolean;
  /** Whether the cohort funds mentors separately (then a mentor contract is needed). */
  mentorFunding: boolean;
}

export interface MentorContract {
  paymentPerParticipant: Decimal;
}

export interface StatementInput {
  id: string;
  /** Which of the 29 service-fee instalments this statement pays (1–29), or null for none. */
  serviceFeeInstalment: number | null;
  lines: readonly LineCount[];
  /** Additional adjustments, signed. */
  adjustments: readonly Decimal[];
  /** Reconcile amount, signed. */
  reconcileAmount: Decimal;
}

export interface CalculationInput {
  contract: Contract;
  /** Required when contract.mentorFunding is true; ignored otherwise. */
  mentorContract: MentorContract | null;
  /** Oldest first. */
  statements: readonly StatementInput[];
}

export interface StatementResult extends Totals {
  id: string;
  ect: EctStatementResult;
  mentor: MentorStatementResult | null;
}

function normaliseBand(band: ContractBand): ContractBand {
  return {
    min: band.min,
    max: band.max,
    perParticipant: toDecimal(band.perParticipant),
    outputPaymentPercentage: toDecimal(band.outputPaymentPercentage),
    serviceFeePercentage: toDecimal(band.serviceFeePercentage),
  };
}

/** Decimals from other decimal.js constructors (e.g. Prisma's) become this engine's Decimal. */
function normaliseContract(contract: Contract): Contract {
  return {
    ...contract,
    setUpFee: contract.setUpFee === null ? null : toDecimal(contract.setUpFee),
    monthlyServiceFee: contract.monthlyServiceFee === null ? null : toDecimal(contract.monthlyServiceFee),
    upliftAmount: contract.upliftAmount === null ? null : toDecimal(contract.upliftAmount),
    bands: contract.bands.map(normaliseBand),
  };
}

function emptyPreviousCounts(): PreviousCounts {
  return Object.fromEntries(
    DECLARATION_TYPES.map((type) => [type, { billable: 0, refundable: 0 }]),
  ) as PreviousCounts;
}

function addToPrevious(previous: PreviousCounts, lines: readonly LineCount[], filter: LineFilter): void {
  for (const line of lines) {
    if (!filter(line)) continue;
    const counts = previous[line.declarationType];
    if (isBillable(line.state)) counts.billable += line.count;
    if (isRefundable(line.state)) counts.refundable += line.count;
  }
}

export function calculateStatements(input: CalculationInput): StatementResult[] {
  const contract = normaliseContract(input.contract);
  const mentorContract = contract.mentorFunding ? input.mentorContract : null;
  if (contract.mentorFunding && mentorContract === null) {
    throw new Error("A mentor contract is needed to calculate a cohort with mentor funding.");
  }

  const bands = orderBands(contract.bands);
  const serviceFee = calculateServiceFee(contract);
  const ectFilter: LineFilter = contract.mentorFunding ? (line) => line.participantType === "ect" : () => true;
  const previous = emptyPreviousCounts();

  return input.statements.map((statement) => {
    const ect = calculateEctStatement({
      bands,
      serviceFee,
      serviceFeeInstalment: statement.serviceFeeInstalment,
      upliftAmount: contract.upliftAmount,
      mentorFunding: contract.mentorFunding,
      vatChargeable: contract.vatChargeable,
      lines: statement.lines,
      filter: ectFilter,
      previous,
      adjustments: statement.adjustments.map((adjustment) => toDecimal(adjustment)),
      reconcileAmount: toDecimal(statement.reconcileAmount),
    });
    const mentor =
      mentorContract === null
        ? null
        : calculateMentorStatement({
            paymentPerParticipant: toDecimal(mentorContract.paymentPerParticipant),
            vatChargeable: contract.vatChargeable,
            lines: statement.lines,
          });
    addToPrevious(previous, statement.lines, ectFilter);
    return { id: statement.id, ect, mentor, ...combineTotals(mentor === null ? [ect] : [ect, mentor]) };
  });
}
