import { describe, expect, it } from "vitest";
import { attractsUplift, calculateUplift, upliftEffect, type UpliftLine } from "@/lib/engine/uplift";
import { DECLARATION_STATES } from "@/lib/domain/declaration-states";
import { d, line, money } from "./fixtures";

const all = () => true;

describe("calculateUplift", () => {
  const lines = [
    line("started", "eligible", 3, { uplift: true }),
    line("started", "payable", 2, { uplift: true }),
    line("started", "paid", 1, { uplift: true }),
    line("started", "paid", 7, { uplift: false }),
    line("started", "submitted", 4, { uplift: true }),
    line("started", "ineligible", 4, { uplift: true }),
    line("started", "voided", 4, { uplift: true }),
    line("retained-1", "paid", 5, { uplift: true }),
    line("started", "awaiting_clawback", 2, { uplift: true }),
    line("started", "clawed_back", 1, { uplift: true }),
    line("started", "clawed_back", 9, { uplift: false }),
  ];

  it("pays the uplift amount per billable started line item with the uplift, and claws it back per refundable one", () => {
    const uplift = calculateUplift({ upliftAmount: d(100), mentorFunding: false }, lines, all);
    expect(uplift.upliftCount).toBe(6);
    expect(uplift.upliftClawbackCount).toBe(3);
    expect(money(uplift.upliftFees)).toBe("600");
    expect(money(uplift.upliftClawbacks)).toBe("-300");
  });

  it("has no cap and no bands", () => {
    const uplift = calculateUplift({ upliftAmount: d("100.5"), mentorFunding: false }, [line("started", "paid", 100000, { uplift: true })], all);
    expect(money(uplift.upliftFees)).toBe("10050000");
  });

  it("pays nothing when the contract has no uplift amount", () => {
    const uplift = calculateUplift({ upliftAmount: null, mentorFunding: false }, lines, all);
    expect(uplift).toEqual({ upliftCount: 0, upliftClawbackCount: 0, upliftFees: d(0), upliftClawbacks: d(0) });
  });

  it("counts only the line items the filter lets through", () => {
    const mixed = [line("started", "paid", 2, { uplift: true }), line("started", "paid", 5, { uplift: true, participantType: "mentor" })];
    const uplift = calculateUplift({ upliftAmount: d(100), mentorFunding: false }, mixed, (l) => l.participantType === "ect");
    expect(uplift.upliftCount).toBe(2);
  });
});

describe("upliftEffect: the one uplift rule (engine, API uplift_paid, CSV Uplift Payable)", () => {
  const terms = { hasUpliftAmount: true, mentorFunding: false };
  const started = (overrides: Partial<UpliftLine> = {}): UpliftLine => ({
    declarationType: "started",
    participantType: "ect",
    state: "paid",
    uplift: true,
    ...overrides,
  });

  it("attracts the uplift with sparsity, pupil premium or both (once), not with neither", () => {
    expect(attractsUplift({ sparsityUplift: true, pupilPremiumUplift: false })).toBe(true);
    expect(attractsUplift({ sparsityUplift: false, pupilPremiumUplift: true })).toBe(true);
    expect(attractsUplift({ sparsityUplift: true, pupilPremiumUplift: true })).toBe(true);
    expect(attractsUplift({ sparsityUplift: false, pupilPremiumUplift: false })).toBe(false);
  });

  it("pays it on billable started line items, claws it back on refundable ones, nothing otherwise", () => {
    const effects = Object.fromEntries(DECLARATION_STATES.map((state) => [state, upliftEffect(started({ state }), terms)]));
    expect(effects).toEqual({
      submitted: null,
      eligible: "fee",
      ineligible: null,
      payable: "fee",
      voided: null,
      paid: "fee",
      awaiting_clawback: "clawback",
      clawed_back: "clawback",
    });
  });

  it("only on started declarations of participants who attract it, under a contract with an uplift amount", () => {
    expect(upliftEffect(started({ declarationType: "retained-1" }), terms)).toBeNull();
    expect(upliftEffect(started({ declarationType: "completed" }), terms)).toBeNull();
    expect(upliftEffect(started({ uplift: false }), terms)).toBeNull();
    expect(upliftEffect(started(), { ...terms, hasUpliftAmount: false })).toBeNull();
  });

  it("mentors: pooled with ECTs they earn it; in a cohort that funds mentors separately they do not", () => {
    expect(upliftEffect(started({ participantType: "mentor" }), terms)).toBe("fee");
    expect(upliftEffect(started({ participantType: "mentor", state: "clawed_back" }), terms)).toBe("clawback");
    expect(upliftEffect(started({ participantType: "mentor" }), { ...terms, mentorFunding: true })).toBeNull();
    expect(upliftEffect(started({ participantType: "mentor", state: "awaiting_clawback" }), { ...terms, mentorFunding: true })).toBeNull();
    expect(upliftEffect(started(), { ...terms, mentorFunding: true })).toBe("fee");
  });

  it("the engine counts exactly the line items the rule pays or claws back", () => {
    const mixed = [
      line("started", "paid", 2, { uplift: true }),
      line("started", "paid", 5, { uplift: true, participantType: "mentor" }),
      line("started", "clawed_back", 3, { uplift: true, participantType: "mentor" }),
      line("started", "awaiting_clawback", 1, { uplift: true }),
    ];
    // A mentor-funded cohort: even a filter that lets mentors through pays them no uplift.
    const funded = calculateUplift({ upliftAmount: d(100), mentorFunding: true }, mixed, all);
    expect(funded.upliftCount).toBe(2);
    expect(funded.upliftClawbackCount).toBe(1);
    expect(money(funded.upliftFees)).toBe("200");
    expect(money(funded.upliftClawbacks)).toBe("-100");
    // Pooled: 2 + 5 paid at £100 = £700; 3 + 1 clawed back = −£400.
    const pooled = calculateUplift({ upliftAmount: d(100), mentorFunding: false }, mixed, all);
    expect(money(pooled.upliftFees)).toBe("700");
    expect(money(pooled.upliftClawbacks)).toBe("-400");
  });
});
