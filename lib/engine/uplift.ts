/**
 * Uplift fees: THE uplift rule, used by the engine (here), by the API's `uplift_paid`
 * (lib/declarations/queries.ts) and mirrored by the CSV's "Uplift Payable" column
 * (lib/statements/csv-rows.ts, tested against `upliftEffect` on the same rows).
 *
 * Source: payment-engine.md (uplift_paid in the declaration example); payment-rules.md,
 * "Mentors". When the contract has an uplift amount, each billable `started` line item
 * whose participant attracts the uplift (sparsity or pupil premium — a participant with
 * both counts once) earns the uplift amount; each refundable `started` line item with the
 * uplift claws it back. Mentors in a cohort that funds mentors separately get no uplift.
 * No bands and no cap. Without an uplift amount there are no uplift fees or clawbacks.
 */
import { isBillable, isRefundable, type DeclarationState } from "@/lib/domain/declaration-states";
import type { ParticipantType } from "@/lib/domain/participant-types";
import type { LineCount, LineFilter } from "./line-counts";
import { Decimal, ZERO } from "./money";

/** What the uplift does for one line item: pays it, claws it back, or nothing. */
export type UpliftEffect = "fee" | "clawback" | null;

export interface UpliftLine {
  declarationType: string;
  participantType: ParticipantType;
  state: DeclarationState;
  /** The participant attracts the uplift (`attractsUplift`). */
  uplift: boolean;
}

export interface UpliftTerms {
  /** The call-off contract has an uplift amount. */
  hasUpliftAmount: boolean;
  /** The cohort funds mentors separately. */
  mentorFunding: boolean;
}

/** Sparsity or pupil premium: a participant with both attracts one uplift. */
export function attractsUplift(flags: { sparsityUplift: boolean; pupilPremiumUplift: boolean }): boolean {
  return flags.sparsityUplift || flags.pupilPremiumUplift;
}

export function upliftEffect(line: UpliftLine, terms: UpliftTerms): UpliftEffect {
  if (!terms.hasUpliftAmount || line.declarationType !== "started" || !line.uplift) return null;
  if (line.participantType === "mentor" && terms.mentorFunding) return null;
  if (isBillable(line.state)) return "fee";
  if (isRefundable(line.state)) return "clawback";
  return null;
}

export interface Uplift {
  /** Billable started line items with the uplift. */
  upliftCount: number;
  /** Refundable started line items with the uplift. */
  upliftClawbackCount: number;
  upliftFees: Decimal;
  /** ≤ 0 */
  upliftClawbacks: Decimal;
}

/** The uplift fees and clawbacks of the line items `filter` lets through. */
export function calculateUplift(
  contract: { upliftAmount: Decimal | null; mentorFunding: boolean },
  lines: readonly LineCount[],
  filter: LineFilter,
): Uplift {
  const { upliftAmount } = contract;
  if (upliftAmount === null) {
    return { upliftCount: 0, upliftClawbackCount: 0, upliftFees: ZERO, upliftClawbacks: ZERO };
  }
  const terms: UpliftTerms = { hasUpliftAmount: true, mentorFunding: contract.mentorFunding };
  let upliftCount = 0;
  let upliftClawbackCount = 0;
  for (const line of lines) {
    if (!filter(line)) continue;
    const effect = upliftEffect(line, terms);
    if (effect === "fee") upliftCount += line.count;
    else if (effect === "clawback") upliftClawbackCount += line.count;
  }
  return {
    upliftCount,
    upliftClawbackCount,
    upliftFees: new Decimal(upliftCount).times(upliftAmount),
    upliftClawbacks: new Decimal(upliftClawbackCount).times(upliftAmount).neg(),
  };
}
