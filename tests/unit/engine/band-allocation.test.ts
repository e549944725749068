import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocateToBands } from "@/lib/engine/band-allocation";

const seedCapacities = [2000, 2000, null]; // 0–2000, 2001–4000, 4001+

describe("allocateToBands", () => {
  it("reproduces the seed's worked example: previous 2100, current 2000 → A 0, B 1900, C 100", () => {
    const result = allocateToBands({
      capacities: seedCapacities,
      previousBillable: 2100,
      previousRefundable: 0,
      billable: 2000,
      refundable: 0,
    });
    expect(result.bands.map((b) => b.previous)).toEqual([2000, 100, 0]);
    expect(result.bands.map((b) => b.additions)).toEqual([0, 1900, 100]);
    expect(result.bands.map((b) => b.count)).toEqual([0, 1900, 100]);
    expect(result.unpaid).toBe(0);
  });

  it("step 1: the previous fill is previous billable minus previous refundable", () => {
    const result = allocateToBands({
      capacities: seedCapacities,
      previousBillable: 2300,
      previousRefundable: 200,
      billable: 0,
      refundable: 0,
    });
    expect(result.bands.map((b) => b.previous)).toEqual([2000, 100, 0]);
  });

  it("step 1: clamps a negative previous fill at 0", () => {
    const result = allocateToBands({
      capacities: [2, null],
      previousBillable: 1,
      previousRefundable: 3,
      billable: 1,
      refundable: 0,
    });
    expect(result.bands.map((b) => b.previous)).toEqual([0, 0]);
    expect(result.bands.map((b) => b.additions)).toEqual([1, 0]);
  });

  it("step 2: billables above the top band are unpaid", () => {
    const result = allocateToBands({
      capacities: [2, 3],
      previousBillable: 4,
      previousRefundable: 0,
      billable: 3,
      refundable: 0,
    });
    expect(result.bands.map((b) => b.previous)).toEqual([2, 2]);
    expect(result.bands.map((b) => b.additions)).toEqual([0, 1]);
    expect(result.unpaid).toBe(2);
  });

  it("step 3: refundables come off this statement's additions, highest band first", () => {
    const result = allocateToBands({
      capacities: [2, 2, null],
      previousBillable: 1,
      previousRefundable: 0,
      billable: 4,
      refundable: 2,
    });
    expect(result.bands.map((b) => b.additions)).toEqual([1, 2, 1]);
    expect(result.bands.map((b) => b.subtractions)).toEqual([0, 1, 1]);
    expect(result.bands.map((b) => b.count)).toEqual([1, 1, 0]);
  });

  it("step 4: refundables left over come off the previous fill, highest band first", () => {
    const result = allocateToBands({
      capacities: [2, 2, null],
      previousBillable: 5,
      previousRefundable: 0,
      billable: 1,
      refundable: 4,
    });
    expect(result.bands.map((b) => b.previous)).toEqual([2, 2, 1]);
    expect(result.bands.map((b) => b.additions)).toEqual([0, 0, 1]);
    // 1 off C's addition (step 3), then C's previous 1 and B's previous 2 (step 4).
    expect(result.bands.map((b) => b.subtractions)).toEqual([0, 2, 2]);
    expect(result.bands.map((b) => b.count)).toEqual([0, -2, -1]);
    expect(result.unmatchedRefundables).toBe(0);
  });

  it("step 4: a clawback can land on band A", () => {
    const result = allocateToBands({
      capacities: [2, 2, null],
      previousBillable: 3,
      previousRefundable: 0,
      billable: 0,
      refundable: 3,
    });
    expect(result.bands.map((b) => b.subtractions)).toEqual([2, 1, 0]);
  });

  it("reports refundables with nothing to take them from as unmatched", () => {
    const result = allocateToBands({
      capacities: [2, null],
      previousBillable: 1,
      previousRefundable: 0,
      billable: 0,
      refundable: 3,
    });
    expect(result.bands.map((b) => b.subtractions)).toEqual([1, 0]);
    expect(result.unmatchedRefundables).toBe(2);
  });

  it("works with no bands: everything billable is unpaid", () => {
    const result = allocateToBands({
      capacities: [],
      previousBillable: 0,
      previousRefundable: 0,
      billable: 3,
      refundable: 1,
    });
    expect(result).toEqual({ bands: [], unpaid: 3, unmatchedRefundables: 1 });
  });

  describe("properties", () => {
    const capacities = fc.tuple(
      fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 0, maxLength: 4 }),
      fc.boolean(),
    ).map(([bounded, unboundedTop]) => (unboundedTop ? [...bounded, null] : bounded));
    const counts = fc.record({
      previousBillable: fc.integer({ min: 0, max: 200 }),
      previousRefundable: fc.integer({ min: 0, max: 200 }),
      billable: fc.integer({ min: 0, max: 200 }),
      refundable: fc.integer({ min: 0, max: 200 }),
    });

    it("previous fill + count never exceeds a band's capacity, and is the net count poured into the bands from A up", () => {
      fc.assert(
        fc.property(capacities, counts, (caps, c) => {
          const result = allocateToBands({ capacities: caps, ...c });
          // Worked by hand: the previous fill P (net, up to the total capacity), this statement's
          // paid additions A (up to the capacity left), then the refundables taken off P + A. What
          // stays is poured from band A up, each band to its capacity.
          const totalCapacity = caps.reduce<number>((n, capacity) => n + (capacity ?? Infinity), 0);
          const previousFill = Math.min(Math.max(0, c.previousBillable - c.previousRefundable), totalCapacity);
          const paidAdditions = Math.min(c.billable, totalCapacity - previousFill);
          let left = Math.max(0, previousFill + paidAdditions - c.refundable);
          const expectedFill = caps.map((capacity) => {
            const fill = Math.min(left, capacity ?? Infinity);
            left -= fill;
            return fill;
          });
          expect(result.bands.map((b) => b.previous + b.count)).toEqual(expectedFill);
          expect(result.unpaid).toBe(c.billable - paidAdditions);
          expect(result.unmatchedRefundables).toBe(Math.max(0, c.refundable - previousFill - paidAdditions));
          result.bands.forEach((b, i) => {
            const capacity = caps[i];
            if (capacity !== null && capacity !== undefined) {
              expect(b.previous + b.count).toBeLessThanOrEqual(capacity);
              expect(b.previous + b.additions).toBeLessThanOrEqual(capacity);
            }
          });
        }),
      );
    });

    it("accounts for every declaration: additions + unpaid = billable, subtractions + unmatched = refundable", () => {
      fc.assert(
        fc.property(capacities, counts, (caps, c) => {
          const result = allocateToBands({ capacities: caps, ...c });
          const sum = (f: (b: (typeof result.bands)[number]) => number) => result.bands.reduce((n, b) => n + f(b), 0);
          expect(sum((b) => b.additions) + result.unpaid).toBe(c.billable);
          expect(sum((b) => b.subtractions) + result.unmatchedRefundables).toBe(c.refundable);
          result.bands.forEach((b) => expect(b.count).toBe(b.additions - b.subtractions));
        }),
      );
    });
  });
});
