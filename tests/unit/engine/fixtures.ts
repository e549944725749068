import type { ContractBand } from "@/lib/engine/bands";
import type { Contract, StatementInput } from "@/lib/engine/calculate-statements";
import type { LineCount } from "@/lib/engine/line-counts";
import { Decimal, type DecimalValue } from "@/lib/engine/money";

export const d = (value: DecimalValue): Decimal => new Decimal(value);

export function band(
  min: number | null,
  max: number | null,
  perParticipant: DecimalValue,
  outputPaymentPercentage: DecimalValue = 60,
  serviceFeePercentage: DecimalValue = 40,
): ContractBand {
  return {
    min,
    max,
    perParticipant: d(perParticipant),
    outputPaymentPercentage: d(outputPaymentPercentage),
    serviceFeePercentage: d(serviceFeePercentage),
  };
}

export function contract(overrides: Partial<Contract> = {}): Contract {
  return {
    recruitmentTarget: 0,
    setUpFee: null,
    monthlyServiceFee: d(0),
    upliftAmount: null,
    vatChargeable: false,
    mentorFunding: false,
    bands: [band(0, null, 1000)],
    ...overrides,
  };
}

export function line(
  declarationType: LineCount["declarationType"],
  state: LineCount["state"],
  count: number,
  extra: Partial<Pick<LineCount, "participantType" | "uplift">> = {},
): LineCount {
  return { declarationType, state, count, participantType: extra.participantType ?? "ect", uplift: extra.uplift ?? false };
}

export function statement(id: string, lines: LineCount[], extra: Partial<StatementInput> = {}): StatementInput {
  return { id, serviceFeeInstalment: 1, lines, adjustments: [], reconcileAmount: d(0), ...extra };
}

/** Asserts a Decimal equals an expected decimal string exactly. */
export function money(value: Decimal): string {
  return new Decimal(value).toString();
}
