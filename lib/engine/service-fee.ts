/**
 * Service fee per statement.
 *
 * Source: payment-engine.md, "Output Fee vs. Service Fee". The service fee is the
 * part of the price per participant not paid through outputs (e.g. 40% of £1,000),
 * paid monthly whatever the participants do, based on the recruitment target.
 *
 * The service fee is paid in 29 instalments (the payment calendar reference, section 4): each
 * statement says which instalment it pays (1–29) or that it pays none, and no contract is ever
 * paid more than 29. What is paid is the total to the penny (half up; the formula can give
 * fractions of a penny); instalments 1–28 are that ÷ 29 to the penny (half up, as the figure is
 * shown) and instalment 29 is what is left, so the 29 add up to it exactly.
 *
 * - When the contract sets a monthly service fee, every instalment is exactly that (the total is 29 × it).
 * - Otherwise the recruitment target is poured into the bands A→D by capacity
 *   (n_b per band) and
 *
 *     service fee = (Σ_b n_b × perParticipant_b × serviceFeePercentage_b / 100
 *                    − n_A × setUpFee / capacity_A) / 29
 *
 *   The set-up fee (already paid) is taken off pro rata to how full band A is. The
 *   whole service fee is spread over 29 monthly payments. (The seed's "90% over 29
 *   months, 10% over 40 months" describes the contract, not a per-statement rule.)
 *   When band A is unbounded, its capacity is taken to be n_A: the whole set-up fee
 *   is deducted. The result can be negative and is returned as it is.
 */
import { orderBands, pourIntoBands, type ContractBand } from "./bands";
import { Decimal, sumMoney, ZERO } from "./money";

export const SERVICE_FEE_MONTHS = 29;

export interface ServiceFeeContract {
  recruitmentTarget: number;
  setUpFee: Decimal | null;
  monthlyServiceFee: Decimal | null;
  bands: readonly ContractBand[];
}

export interface ServiceFeeBandLine {
  letter: string;
  /** Participants of the recruitment target that fall in this band (n_b). */
  participants: number;
  perParticipant: Decimal;
  serviceFeePercentage: Decimal;
  /** n_b × perParticipant × serviceFeePercentage / 100 */
  amount: Decimal;
}

export type ServiceFeeBreakdown =
  | { method: "monthly"; monthlyServiceFee: Decimal }
  | {
      method: "formula";
      recruitmentTarget: number;
      bands: ServiceFeeBandLine[];
      /** Recruitment target above the top band: earns no service fee. */
      recruitmentBeyondBands: number;
      setUpFee: Decimal;
      /** n_A × setUpFee / capacity_A */
      setUpFeeDeduction: Decimal;
      /** Σ band amounts − set-up fee deduction */
      totalServiceFee: Decimal;
      months: number;
    };

export interface ServiceFee {
  /** The contract's whole service fee, paid over the 29 instalments. */
  total: Decimal;
  breakdown: ServiceFeeBreakdown;
}

/** The contract's service fee as paid over the 29 instalments: its total to the penny. */
export function serviceFeePayable(fee: ServiceFee): Decimal {
  return fee.total.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/** What instalment `instalment` (1–29) of the service fee pays; null (a statement paying none) pays 0. */
export function serviceFeeInstalment(fee: ServiceFee, instalment: number | null): Decimal {
  if (instalment === null) return ZERO;
  if (!Number.isInteger(instalment) || instalment < 1 || instalment > SERVICE_FEE_MONTHS) {
    throw new RangeError(`A service fee is paid in instalments 1 to ${SERVICE_FEE_MONTHS}, not ${instalment}`);
  }
  if (fee.breakdown.method === "monthly") return fee.breakdown.monthlyServiceFee;
  const payable = serviceFeePayable(fee);
  const regular = payable.div(SERVICE_FEE_MONTHS).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  return instalment < SERVICE_FEE_MONTHS ? regular : payable.minus(regular.times(SERVICE_FEE_MONTHS - 1));
}

export function calculateServiceFee(contract: ServiceFeeContract): ServiceFee {
  if (contract.monthlyServiceFee !== null) {
    return {
      total: contract.monthlyServiceFee.times(SERVICE_FEE_MONTHS),
      breakdown: { method: "monthly", monthlyServiceFee: contract.monthlyServiceFee },
    };
  }

  const bands = orderBands(contract.bands);
  const { perBand, overflow } = pourIntoBands(
    contract.recruitmentTarget,
    bands.map((band) => band.capacity),
  );
  const bandLines: ServiceFeeBandLine[] = bands.map((band, i) => {
    const participants = perBand[i] ?? 0;
    return {
      letter: band.letter,
      participants,
      perParticipant: band.perParticipant,
      serviceFeePercentage: band.serviceFeePercentage,
      amount: new Decimal(participants).times(band.perParticipant).times(band.serviceFeePercentage).div(100),
    };
  });

  const setUpFee = contract.setUpFee ?? ZERO;
  const bandA = bands[0];
  const participantsInA = perBand[0] ?? 0;
  const capacityA = bandA === undefined ? 0 : (bandA.capacity ?? participantsInA);
  const setUpFeeDeduction =
    capacityA === 0 ? ZERO : new Decimal(participantsInA).times(setUpFee).div(capacityA);

  const totalServiceFee = sumMoney(bandLines.map((line) => line.amount)).minus(setUpFeeDeduction);

  return {
    total: totalServiceFee,
    breakdown: {
      method: "formula",
      recruitmentTarget: contract.recruitmentTarget,
      bands: bandLines,
      recruitmentBeyondBands: overflow,
      setUpFee,
      setUpFeeDeduction,
      totalServiceFee,
      months: SERVICE_FEE_MONTHS,
    },
  };
}
