/**
 * The calculator's JSON output (see docs/calculator.md).
 *
 * Counts are JSON numbers; money is an unrounded decimal string ("119.4", "-90").
 * Every declaration type appears under `outputs`, and on the ECT side every band
 * letter appears under each type.
 */
import { DECLARATION_TYPES, type DeclarationType } from "@/lib/domain/declaration-types";
import type { StatementResult } from "./calculate-statements";
import type { BandedOutput, EctStatementResult } from "./ect-statement";
import type { MentorStatementResult } from "./mentor-statement";
import { toMoneyString as money } from "./money";
import type { ServiceFeeBreakdown } from "./service-fee";

export interface BandJson {
  previous: number;
  additions: number;
  subtractions: number;
  count: number;
  feePerDeclaration: string;
}

export interface BandedOutputJson {
  bands: Record<string, BandJson>;
  unpaid: number;
  unmatchedRefundables: number;
  payment: string;
  clawbacks: string;
}

export type ServiceFeeBreakdownJson =
  | { method: "monthly"; monthlyServiceFee: string }
  | {
      method: "formula";
      recruitmentTarget: number;
      bands: Record<string, { participants: number; perParticipant: string; serviceFeePercentage: string; amount: string }>;
      recruitmentBeyondBands: number;
      setUpFee: string;
      setUpFeeDeduction: string;
      totalServiceFee: string;
      months: number;
    };

export interface EctJson {
  outputs: Record<DeclarationType, BandedOutputJson>;
  outputPayment: string;
  serviceFee: string;
  serviceFeeInstalment: number | null;
  serviceFeeBreakdown: ServiceFeeBreakdownJson;
  upliftCount: number;
  upliftClawbackCount: number;
  upliftFees: string;
  upliftClawbacks: string;
  clawbacks: string;
  additionalAdjustments: string;
  reconcileAmount: string;
  total: string;
  vat: string;
  totalWithVat: string;
}

export interface MentorOutputJson {
  additions: number;
  subtractions: number;
  feePerDeclaration: string;
  payment: string;
  clawbacks: string;
}

export interface MentorJson {
  outputs: Record<DeclarationType, MentorOutputJson>;
  outputPayment: string;
  clawbacks: string;
  total: string;
  vat: string;
  totalWithVat: string;
}

export interface StatementJson {
  id: string;
  ect: EctJson;
  mentor: MentorJson | null;
  total: string;
  vat: string;
  totalWithVat: string;
}

export interface CalculatorOutputJson {
  statements: StatementJson[];
}

function byType<T, U>(outputs: Record<DeclarationType, T>, convert: (output: T) => U): Record<DeclarationType, U> {
  return Object.fromEntries(DECLARATION_TYPES.map((type) => [type, convert(outputs[type])])) as Record<
    DeclarationType,
    U
  >;
}

function bandedOutputJson(output: BandedOutput): BandedOutputJson {
  return {
    bands: Object.fromEntries(
      output.bands.map((band) => [
        band.letter,
        {
          previous: band.previous,
          additions: band.additions,
          subtractions: band.subtractions,
          count: band.count,
          feePerDeclaration: money(band.feePerDeclaration),
        },
      ]),
    ),
    unpaid: output.unpaid,
    unmatchedRefundables: output.unmatchedRefundables,
    payment: money(output.payment),
    clawbacks: money(output.clawbacks),
  };
}

function serviceFeeBreakdownJson(breakdown: ServiceFeeBreakdown): ServiceFeeBreakdownJson {
  if (breakdown.method === "monthly") {
    return { method: "monthly", monthlyServiceFee: money(breakdown.monthlyServiceFee) };
  }
  return {
    method: "formula",
    recruitmentTarget: breakdown.recruitmentTarget,
    bands: Object.fromEntries(
      breakdown.bands.map((band) => [
        band.letter,
        {
          participants: band.participants,
          perParticipant: money(band.perParticipant),
          serviceFeePercentage: money(band.serviceFeePercentage),
          amount: money(band.amount),
        },
      ]),
    ),
    recruitmentBeyondBands: breakdown.recruitmentBeyondBands,
    setUpFee: money(breakdown.setUpFee),
    setUpFeeDeduction: money(breakdown.setUpFeeDeduction),
    totalServiceFee: money(breakdown.totalServiceFee),
    months: breakdown.months,
  };
}

function ectJson(ect: EctStatementResult): EctJson {
  return {
    outputs: byType(ect.outputs, bandedOutputJson),
    outputPayment: money(ect.outputPayment),
    serviceFee: money(ect.serviceFee),
    serviceFeeInstalment: ect.serviceFeeInstalment,
    serviceFeeBreakdown: serviceFeeBreakdownJson(ect.serviceFeeBreakdown),
    upliftCount: ect.upliftCount,
    upliftClawbackCount: ect.upliftClawbackCount,
    upliftFees: money(ect.upliftFees),
    upliftClawbacks: money(ect.upliftClawbacks),
    clawbacks: money(ect.clawbacks),
    additionalAdjustments: money(ect.additionalAdjustments),
    reconcileAmount: money(ect.reconcileAmount),
    total: money(ect.total),
    vat: money(ect.vat),
    totalWithVat: money(ect.totalWithVat),
  };
}

function mentorJson(mentor: MentorStatementResult): MentorJson {
  return {
    outputs: byType(mentor.outputs, (output) => ({
      additions: output.additions,
      subtractions: output.subtractions,
      feePerDeclaration: money(output.feePerDeclaration),
      payment: money(output.payment),
      clawbacks: money(output.clawbacks),
    })),
    outputPayment: money(mentor.outputPayment),
    clawbacks: money(mentor.clawbacks),
    total: money(mentor.total),
    vat: money(mentor.vat),
    totalWithVat: money(mentor.totalWithVat),
  };
}

export function serializeStatementResults(results: readonly StatementResult[]): CalculatorOutputJson {
  return {
    statements: results.map((result) => ({
      id: result.id,
      ect: ectJson(result.ect),
      mentor: result.mentor === null ? null : mentorJson(result.mentor),
      total: money(result.total),
      vat: money(result.vat),
      totalWithVat: money(result.totalWithVat),
    })),
  };
}
