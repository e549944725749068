/**
 * Band allocation of one declaration type on one statement.
 *
 * Source: payment-engine.md, "Working with participant bands" (previous 2100,
 * current 2000 → A 0, B 1900, C 100). The steps, for one declaration type:
 *
 * 1. P = previous billable − previous refundable, summed over all earlier
 *    statements. P is poured into the bands A→D up to their capacity: the
 *    "previous" fill. (P cannot be negative with consistent data; it is clamped at 0.)
 * 2. This statement's billable declarations are poured into the capacity left,
 *    A→D: the "additions". Anything above the top band is "unpaid".
 * 3. This statement's refundable declarations are taken off this statement's
 *    additions, highest band first: "subtractions".
 * 4. Any refundables still left are taken off the previous fill, highest band
 *    first: also "subtractions", in the band where they land. Refundables left
 *    after that (only possible with inconsistent data, or where earlier
 *    declarations were unpaid) are reported as `unmatchedRefundables` and cost
 *    nothing.
 *
 * Per band: count = additions − subtractions.
 */
import { pourIntoBands } from "./bands";

export interface BandAllocationInput {
  /** Capacity of each band, in band order (A first); null = unbounded. */
  capacities: readonly (number | null)[];
  previousBillable: number;
  previousRefundable: number;
  billable: number;
  refundable: number;
}

export interface BandCount {
  previous: number;
  additions: number;
  subtractions: number;
  count: number;
}

export interface BandAllocation {
  bands: BandCount[];
  /** Billable declarations above the top band: not paid. */
  unpaid: number;
  /** Refundable declarations with nothing left to take them from: no clawback. */
  unmatchedRefundables: number;
}

/** Takes up to `amount` off `available`, highest index first; returns what was taken per index. */
function takeFromHighest(available: readonly number[], amount: number): { taken: number[]; left: number } {
  let left = amount;
  const taken = available.map(() => 0);
  for (let i = available.length - 1; i >= 0 && left > 0; i -= 1) {
    const take = Math.min(left, available[i] ?? 0);
    taken[i] = take;
    left -= take;
  }
  return { taken, left };
}

export function allocateToBands(input: BandAllocationInput): BandAllocation {
  const { capacities } = input;

  // Step 1: the previous fill.
  const previousNet = Math.max(0, input.previousBillable - input.previousRefundable);
  const previous = pourIntoBands(previousNet, capacities).perBand;

  // Step 2: this statement's billables into the capacity left.
  const capacityLeft = capacities.map((capacity, i) =>
    capacity === null ? null : capacity - (previous[i] ?? 0),
  );
  const { perBand: additions, overflow: unpaid } = pourIntoBands(input.billable, capacityLeft);

  // Step 3: refundables off this statement's additions, highest band first.
  const fromAdditions = takeFromHighest(additions, Math.max(0, input.refundable));

  // Step 4: what is left off the previous fill, highest band first.
  const fromPrevious = takeFromHighest(previous, fromAdditions.left);

  const bands = capacities.map((_, i) => {
    const add = additions[i] ?? 0;
    const subtractions = (fromAdditions.taken[i] ?? 0) + (fromPrevious.taken[i] ?? 0);
    return { previous: previous[i] ?? 0, additions: add, subtractions, count: add - subtractions };
  });

  return { bands, unpaid, unmatchedRefundables: fromPrevious.left };
}
