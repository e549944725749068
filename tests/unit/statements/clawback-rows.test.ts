// The clawbacks table's money, worked by hand from payment-engine.md's figures: a £1,000 band at
// 60% output pays £120 for started (20%) and £90 for each retained (15%); the next band's £975 pays
// £117 for started; a mentor's £1,000 pays £500 for started and £500 for completed; the demo's
// uplift is £100.
import { describe, expect, it } from "vitest";
import { calculateStatements, type StatementResult } from "@/lib/engine";
import { clawbackAmounts } from "@/lib/statements/rules/clawback-rows";
import { band, contract, d, line, statement } from "../engine/fixtures";

/** The engine's result for the last of these statements. */
function lastResult(...args: Parameters<typeof calculateStatements>): StatementResult {
  const results = calculateStatements(...args);
  return results[results.length - 1]!;
}

// The seed's bands: A holds participants 1–2,000 at £1,000; B 2,001–4,000 at £975.
const BANDS = [band(null, 2000, 1000), band(2001, 4000, 975)];

describe("clawbackAmounts", () => {
  it("ECTs pooled with mentors: each band's clawbacks at that band's fee, then the uplift", () => {
    const result = lastResult({
      contract: contract({ bands: BANDS, upliftAmount: d(100) }),
      mentorContract: null,
      statements: [
        // Earlier: 2,001 started (band A full, 1 in band B) and 3 retained-1 (band A).
        statement("october", [line("started", "paid", 2001), line("retained-1", "paid", 3)]),
        // Now: one started clawed back (with the uplift) and two retained-1.
        statement("november", [line("started", "awaiting_clawback", 1, { uplift: true }), line("retained-1", "clawed_back", 2)]),
      ],
    });
    const { rows, total } = clawbackAmounts(result, d(100));
    expect(rows).toEqual([
      // The started clawback comes off the highest band filled: B. 20% × £975 × 60% = £117.
      { kind: "output", declarationType: "started", band: "B", count: 1, fee: "-117", amount: "-117" },
      // 15% × £1,000 × 60% = £90; 2 × £90 = £180.
      { kind: "output", declarationType: "retained-1", band: "A", count: 2, fee: "-90", amount: "-180" },
      { kind: "uplift", declarationType: "started", band: null, count: 1, fee: "-100", amount: "-100" },
    ]);
    // −£117 − £180 − £100
    expect(total).toBe("-397");
    expect(total).toBe(result.ect.clawbacks.plus(result.ect.upliftClawbacks).toString());
  });

  it("a cohort that funds mentors: ECT band clawbacks, mentor clawbacks at the mentor fee, and the ECTs' uplift only", () => {
    const result = lastResult({
      contract: contract({ bands: BANDS, upliftAmount: d(100), mentorFunding: true }),
      mentorContract: { paymentPerParticipant: d(1000) },
      statements: [
        statement("october", [line("started", "paid", 1)]),
        statement("november", [
          line("started", "clawed_back", 1, { uplift: true }),
          // Mentors with the uplift flag: clawed back at £500 each, and no uplift to claw back.
          line("started", "clawed_back", 3, { participantType: "mentor", uplift: true }),
          line("completed", "awaiting_clawback", 1, { participantType: "mentor" }),
        ]),
      ],
    });
    const { rows, total } = clawbackAmounts(result, d(100));
    expect(rows).toEqual([
      { kind: "output", declarationType: "started", band: "A", count: 1, fee: "-120", amount: "-120" },
      // 50% × £1,000 = £500; 3 × £500 = £1,500.
      { kind: "mentor", declarationType: "started", band: null, count: 3, fee: "-500", amount: "-1500" },
      { kind: "mentor", declarationType: "completed", band: null, count: 1, fee: "-500", amount: "-500" },
      { kind: "uplift", declarationType: "started", band: null, count: 1, fee: "-100", amount: "-100" },
    ]);
    // −£120 − £1,500 − £500 − £100
    expect(total).toBe("-2220");
  });

  it("nothing clawed back: no rows and a zero total; no uplift amount: no uplift row", () => {
    const paidOnly = lastResult({
      contract: contract({ bands: BANDS, upliftAmount: d(100) }),
      mentorContract: null,
      statements: [statement("october", [line("started", "paid", 5, { uplift: true })])],
    });
    expect(clawbackAmounts(paidOnly, d(100))).toEqual({ rows: [], total: "0" });

    const noUplift = lastResult({
      contract: contract({ bands: BANDS, upliftAmount: null }),
      mentorContract: null,
      statements: [statement("october", [line("started", "paid", 1)]), statement("november", [line("started", "clawed_back", 1, { uplift: true })])],
    });
    expect(clawbackAmounts(noUplift, null)).toEqual({
      rows: [{ kind: "output", declarationType: "started", band: "A", count: 1, fee: "-120", amount: "-120" }],
      total: "-120",
    });
  });
});
