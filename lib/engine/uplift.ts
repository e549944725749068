/**
 * Uplift fees.
 *
 * Source: payment-engine.md (uplift_paid in the declaration example). When the
 * contract has an uplift amount, each billable `started` line item whose
 * participant attracts the uplift (sparsity or pupil premium — the caller counts a
 * participant with both once) earns the uplift amount; each refundable `started`
 * line item with the uplift claws it back. No bands and no cap. Without an uplift
 * amount there are no uplift fees or clawbacks.
 */
import type { LineCount, LineFilter } from "./line-counts";
import { countBillable, countRefundable } from "./line-counts";
import { Decimal, ZERO } from "./money";

export interface Uplift {
  /** Billable started line items with the uplift. */
  upliftCount: number;
  /** Refundable started line items with the uplift. */
  upliftClawbackCount: number;
  upliftFees: Decimal;
  /** ≤ 0 */
  upliftClawbacks: Decimal;
}

export function calculateUplift(
  upliftAmount: Decimal | null,
  lines: readonly LineCount[],
  filter: LineFilter,
): Uplift {
  if (upliftAmount === null) {
    return { upliftCount: 0, upliftClawbackCount: 0, upliftFees: ZERO, upliftClawbacks: ZERO };
  }
  const upliftLine: LineFilter = (line) => line.declarationType === "started" && line.uplift && filter(line);
  const upliftCount = countBillable(lines, upliftLine);
  const upliftClawbackCount = countRefundable(lines, upliftLine);
  return {
    upliftCount,
    upliftClawbackCount,
    upliftFees: new Decimal(upliftCount).times(upliftAmount),
    upliftClawbacks: new Decimal(upliftClawbackCount).times(upliftAmount).neg(),
  };
}
