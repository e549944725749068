/**
 * The mentor side of one statement, in cohorts with mentor funding.
 *
 * Source: payment-engine.md, "Breakdown of fees for Mentors". Unbanded:
 * additions = billable mentor line items, subtractions = refundable mentor line
 * items, payment = additions × fee, clawbacks = −subtractions × fee,
 * total = output payment + clawbacks, VAT 20% when the provider is VAT-chargeable.
 */
import { DECLARATION_TYPES, type DeclarationType } from "@/lib/domain/declaration-types";
import { countBillable, countRefundable, type LineCount } from "./line-counts";
import { mentorFeePerDeclaration } from "./mentor-fees";
import { sumMoney, type Decimal } from "./money";
import { withVat, type Totals } from "./totals";

export interface MentorOutput {
  declarationType: DeclarationType;
  additions: number;
  subtractions: number;
  feePerDeclaration: Decimal;
  payment: Decimal;
  /** ≤ 0 */
  clawbacks: Decimal;
}

export interface MentorStatementResult extends Totals {
  outputs: Record<DeclarationType, MentorOutput>;
  outputPayment: Decimal;
  clawbacks: Decimal;
}

export interface MentorStatementInput {
  paymentPerParticipant: Decimal;
  vatChargeable: boolean;
  lines: readonly LineCount[];
}

export function calculateMentorStatement(input: MentorStatementInput): MentorStatementResult {
  const outputList = DECLARATION_TYPES.map((declarationType): MentorOutput => {
    const ofType = (line: LineCount) => line.participantType === "mentor" && line.declarationType === declarationType;
    const additions = countBillable(input.lines, ofType);
    const subtractions = countRefundable(input.lines, ofType);
    const feePerDeclaration = mentorFeePerDeclaration(declarationType, input.paymentPerParticipant);
    return {
      declarationType,
      additions,
      subtractions,
      feePerDeclaration,
      payment: feePerDeclaration.times(additions),
      clawbacks: feePerDeclaration.times(subtractions).neg(),
    };
  });
  const outputs = Object.fromEntries(outputList.map((output) => [output.declarationType, output])) as Record<
    DeclarationType,
    MentorOutput
  >;
  const outputPayment = sumMoney(outputList.map((output) => output.payment));
  const clawbacks = sumMoney(outputList.map((output) => output.clawbacks));
  return { outputs, outputPayment, clawbacks, ...withVat(outputPayment.plus(clawbacks), input.vatChargeable) };
}
