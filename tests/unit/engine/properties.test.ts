import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isRefundable } from "@/lib/domain/declaration-states";
import { DECLARATION_TYPES, type DeclarationType } from "@/lib/domain/declaration-types";
import type { ContractBand } from "@/lib/engine/bands";
import { calculateStatements, type StatementResult } from "@/lib/engine/calculate-statements";
import type { LineCount } from "@/lib/engine/line-counts";
import { sumMoney } from "@/lib/engine/money";
import { band, contract, d, line, money, statement } from "./fixtures";

/** Bounded bands of 1–6 participants each, then an unbounded top band (so nothing is ever unpaid). */
const bandsArb = fc
  .array(
    fc.record({
      capacity: fc.integer({ min: 1, max: 6 }),
      price: fc.integer({ min: 1, max: 300000 }).map((pence) => d(pence).div(100)),
      outputPercentage: fc.integer({ min: 0, max: 100 }),
    }),
    { minLength: 1, maxLength: 4 },
  )
  .map((specs) => {
    let max = 0;
    return specs.map((spec, i): ContractBand => {
      const min = max + 1;
      max += spec.capacity;
      return band(min, i === specs.length - 1 ? null : max, spec.price, spec.outputPercentage, 100 - spec.outputPercentage);
    });
  });

const statementSpecArb = fc.record({
  billable: fc.integer({ min: 0, max: 6 }),
  refundable: fc.integer({ min: 0, max: 6 }),
  billableState: fc.constantFrom("eligible" as const, "payable" as const, "paid" as const),
  refundableState: fc.constantFrom("awaiting_clawback" as const, "clawed_back" as const),
  uplift: fc.boolean(),
});

const scenarioArb = fc
  .record({
    bands: bandsArb,
    declarationType: fc.constantFrom(...DECLARATION_TYPES),
    participantType: fc.constantFrom("ect" as const, "mentor" as const),
    mentorFunding: fc.boolean(),
    upliftAmount: fc.option(fc.integer({ min: 1, max: 50000 }).map((pence) => d(pence).div(100)), { nil: null }),
    specs: fc.array(statementSpecArb, { minLength: 2, maxLength: 6 }),
    pairPositions: fc.tuple(fc.nat(), fc.nat()),
  })
  .map((s) => {
    const paidOn = s.pairPositions[0] % (s.specs.length - 1);
    const clawedBackOn = paidOn + 1 + (s.pairPositions[1] % (s.specs.length - 1 - paidOn));
    return { ...s, paidOn, clawedBackOn };
  });

type Scenario = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

/** Base statements whose refunds never exceed what was paid before (consistent data). */
function baseLines(s: Scenario): LineCount[][] {
  let net = 0;
  return s.specs.map((spec) => {
    const refundable = Math.min(spec.refundable, net);
    net += spec.billable - refundable;
    const extra = { participantType: s.participantType, uplift: spec.uplift };
    return [
      line(s.declarationType, spec.billableState, spec.billable, extra),
      line(s.declarationType, spec.refundableState, refundable, extra),
    ];
  });
}

function run(s: Scenario, lines: LineCount[][]): StatementResult[] {
  return calculateStatements({
    contract: contract({ bands: s.bands, upliftAmount: s.upliftAmount, mentorFunding: s.mentorFunding, vatChargeable: true }),
    mentorContract: { paymentPerParticipant: d(1000) },
    statements: lines.map((l, i) => statement(`S${i + 1}`, l)),
  });
}

function outputMoney(results: StatementResult[]) {
  return sumMoney(
    results.flatMap((r) => [
      r.ect.outputPayment,
      r.ect.clawbacks,
      r.ect.upliftFees,
      r.ect.upliftClawbacks,
      ...(r.mentor ? [r.mentor.outputPayment, r.mentor.clawbacks] : []),
    ]),
  );
}

describe("properties of calculateStatements", () => {
  it("a declaration paid on one statement and clawed back on a later one nets to £0 across the statements", () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const without = baseLines(s);
        const withPair = without.map((lines, i) => {
          const extra = { participantType: s.participantType, uplift: true };
          if (i === s.paidOn) return [...lines, line(s.declarationType, "paid", 1, extra)];
          if (i === s.clawedBackOn) return [...lines, line(s.declarationType, "clawed_back", 1, extra)];
          return lines;
        });
        const a = run(s, without);
        const b = run(s, withPair);
        expect(money(outputMoney(b))).toBe(money(outputMoney(a)));
        expect(money(sumMoney(b.map((r) => r.totalWithVat)))).toBe(money(sumMoney(a.map((r) => r.totalWithVat))));
      }),
      { numRuns: 300 },
    );
  });

  it("with consistent data, nothing is unpaid or unmatched, previous + count stays within each band, and the bands hold the net count so far", () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const lines = baseLines(s);
        const results = run(s, lines);
        // The ECT bands count mentors too, unless the cohort funds mentors separately.
        const counted = !s.mentorFunding || s.participantType === "ect";
        let net = 0;
        results.forEach((r, statementIndex) => {
          for (const l of lines[statementIndex] ?? []) net += isRefundable(l.state) ? -l.count : l.count;
          for (const type of DECLARATION_TYPES as readonly DeclarationType[]) {
            const output = r.ect.outputs[type];
            expect(output.unpaid).toBe(0);
            expect(output.unmatchedRefundables).toBe(0);
            output.bands.forEach((b, i) => {
              const bandSpec = [...s.bands][i];
              const capacity = bandSpec?.max == null ? Infinity : bandSpec.max - (bandSpec.min ?? 0) + 1;
              expect(b.previous + b.count).toBeLessThanOrEqual(capacity);
            });
            // Billable minus refundable declarations up to and including this statement, all paid (the top band is unbounded).
            const fill = output.bands.reduce((n, b) => n + b.previous + b.count, 0);
            expect(fill).toBe(type === s.declarationType && counted ? net : 0);
          }
        });
      }),
      { numRuns: 200 },
    );
  });
});
