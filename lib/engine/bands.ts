/**
 * Contract bands.
 *
 * Source: payment-engine.md, "Working with participant bands". A contract prices
 * participants in bands (A, B, C, D…). Bands are ordered by their maximum (a band
 * with no maximum is unbounded and comes last) and lettered in that order.
 * A band's effective minimum is max(1, min); its capacity is max − min + 1
 * participants, or unbounded when it has no maximum. (The seed's "0 to 2000" band
 * therefore holds 2000 participants, and "2001 to 4000" another 2000.)
 */
import type { Decimal } from "./money";

export interface ContractBand {
  /** Lowest participant number in the band; null means 0. */
  min: number | null;
  /** Highest participant number in the band; null means no upper limit. */
  max: number | null;
  /** Price per participant in this band. */
  perParticipant: Decimal;
  /** Percentage of the price paid as output fees, e.g. 60. */
  outputPaymentPercentage: Decimal;
  /** Percentage of the price paid as service fees, e.g. 40. */
  serviceFeePercentage: Decimal;
}

export interface OrderedBand extends ContractBand {
  /** "A", "B", "C"… in order of max. */
  letter: string;
  /** Effective minimum: max(1, min ?? 0). */
  effectiveMin: number;
  /** Number of participants the band holds; null when unbounded. */
  capacity: number | null;
}

export function bandLetter(index: number): string {
  let letter = "";
  let n = index;
  do {
    letter = String.fromCharCode(65 + (n % 26)) + letter;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return letter;
}

export function bandCapacity(band: Pick<ContractBand, "min" | "max">): number | null {
  if (band.max === null) return null;
  const effectiveMin = Math.max(1, band.min ?? 0);
  return Math.max(0, band.max - effectiveMin + 1);
}

/** Orders bands by max (unbounded last, ties keep their input order) and letters them. */
export function orderBands(bands: readonly ContractBand[]): OrderedBand[] {
  return bands
    .map((band, index) => ({ band, index }))
    .sort((a, b) => {
      const aMax = a.band.max ?? Number.POSITIVE_INFINITY;
      const bMax = b.band.max ?? Number.POSITIVE_INFINITY;
      return aMax === bMax ? a.index - b.index : aMax - bMax;
    })
    .map(({ band }, index) => ({
      ...band,
      letter: bandLetter(index),
      effectiveMin: Math.max(1, band.min ?? 0),
      capacity: bandCapacity(band),
    }));
}

/**
 * Pours `count` participants into bands with the given capacities, lowest band
 * first, each up to its capacity (null = unbounded). Returns how many land in each
 * band and how many are left over above the top band.
 */
export function pourIntoBands(
  count: number,
  capacities: readonly (number | null)[],
): { perBand: number[]; overflow: number } {
  let remaining = Math.max(0, count);
  const perBand = capacities.map((capacity) => {
    const placed = capacity === null ? remaining : Math.min(remaining, capacity);
    remaining -= placed;
    return placed;
  });
  return { perBand, overflow: remaining };
}
