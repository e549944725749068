/**
 * The payment engine: pure functions over plain data, money as Decimal.
 * Start with `calculateStatements`; see docs/payment-rules.md.
 */
export { calculateStatements } from "./calculate-statements";
export type {
  CalculationInput,
  Contract,
  MentorContract,
  StatementInput,
  StatementResult,
} from "./calculate-statements";
export type { BandedOutput, BandOutput, EctStatementResult } from "./ect-statement";
export type { MentorOutput, MentorStatementResult } from "./mentor-statement";
export type { LineCount } from "./line-counts";
export { orderBands, bandCapacity, bandLetter, pourIntoBands } from "./bands";
export type { ContractBand, OrderedBand } from "./bands";
export { allocateToBands } from "./band-allocation";
export type { BandAllocation, BandAllocationInput, BandCount } from "./band-allocation";
export { outputFeePerDeclaration } from "./output-fees";
export { mentorFeePerDeclaration, MENTOR_SHARE_PERCENT } from "./mentor-fees";
export { calculateServiceFee, SERVICE_FEE_MONTHS } from "./service-fee";
export type { ServiceFee, ServiceFeeBreakdown, ServiceFeeContract } from "./service-fee";
export { calculateUplift } from "./uplift";
export { calculateVat, VAT_RATE } from "./vat";
export { Decimal, ZERO, toDecimal, sumMoney, toMoneyString, formatMoney } from "./money";
export type { DecimalValue } from "./money";
export { serializeStatementResults } from "./serialize";
export type { CalculatorOutputJson, StatementJson } from "./serialize";
export { parseCalculatorInput } from "./calculator-input";
export type { CalculatorInputResult } from "./calculator-input";
