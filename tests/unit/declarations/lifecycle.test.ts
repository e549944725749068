import { describe, expect, it } from "vitest";
import {
  DECLARATION_STATE_LABELS,
  DECLARATION_STATES,
  isBillable,
  isDeclarationState,
  isRefundable,
} from "@/lib/domain/declaration-states";
import {
  DECLARATION_TYPE_LABELS,
  DECLARATION_TYPES,
  isDeclarationType,
  OUTPUT_SHARE_PERCENT,
} from "@/lib/domain/declaration-types";
import { isParticipantType, PARTICIPANT_TYPES } from "@/lib/domain/participant-types";
import { isStatementStatus, STATEMENT_STATUSES } from "@/lib/domain/statement-statuses";
import {
  applyIfAllowed,
  canApply,
  DECLARATION_TRANSITIONS,
  formatUtcDate,
} from "@/lib/declarations/rules/lifecycle";

describe("DECLARATION_TRANSITIONS", () => {
  it("names every transition after submission", () => {
    expect(
      Object.fromEntries(Object.entries(DECLARATION_TRANSITIONS).map(([name, t]) => [name, [t.from, t.to]])),
    ).toEqual({
      confirm_eligible: [["submitted"], "eligible"],
      confirm_ineligible: [["submitted"], "ineligible"],
      make_payable: [["eligible"], "payable"],
      pay: [["payable"], "paid"],
      void: [["submitted", "eligible", "payable", "ineligible"], "voided"],
      void_paid: [["paid"], "awaiting_clawback"],
      claw_back: [["awaiting_clawback"], "clawed_back"],
    });
  });

  it("has no way out of voided or clawed_back", () => {
    for (const transition of Object.values(DECLARATION_TRANSITIONS)) {
      expect(transition.from).not.toContain("voided");
      expect(transition.from).not.toContain("clawed_back");
    }
  });

  it("applyIfAllowed leaves a state the transition does not apply to unchanged", () => {
    expect(applyIfAllowed("pay", "payable")).toBe("paid");
    for (const state of DECLARATION_STATES.filter((s) => s !== "payable")) {
      expect(canApply("pay", state)).toBe(false);
      expect(applyIfAllowed("pay", state)).toBe(state);
    }
  });
});

describe("formatUtcDate", () => {
  it("writes a date the GOV.UK way, in UTC", () => {
    expect(formatUtcDate(new Date("2025-03-31T23:30:00Z"))).toBe("31 March 2025");
    expect(formatUtcDate(new Date("2025-04-01T00:30:00+01:00"))).toBe("31 March 2025");
  });
});

describe("domain vocabulary", () => {
  it("type guards recognise only their own constants", () => {
    expect([isDeclarationType("retained-4"), isDeclarationType("retained-5"), isDeclarationType(3)]).toEqual([
      true,
      false,
      false,
    ]);
    expect([isDeclarationState("awaiting_clawback"), isDeclarationState("Awaiting clawback")]).toEqual([true, false]);
    expect([isParticipantType("mentor"), isParticipantType("npq")]).toEqual([true, false]);
    expect([isStatementStatus("payable"), isStatementStatus(null)]).toEqual([true, false]);
  });

  it("billable and refundable states", () => {
    expect(DECLARATION_STATES.filter(isBillable)).toEqual(["eligible", "payable", "paid"]);
    expect(DECLARATION_STATES.filter(isRefundable)).toEqual(["awaiting_clawback", "clawed_back"]);
  });

  it("labels for people", () => {
    expect(DECLARATION_TYPES.map((t) => DECLARATION_TYPE_LABELS[t])).toEqual([
      "Started",
      "Retained 1",
      "Retained 2",
      "Retained 3",
      "Retained 4",
      "Completed",
      "Extended 1",
      "Extended 2",
      "Extended 3",
    ]);
    expect(DECLARATION_STATE_LABELS.awaiting_clawback).toBe("Awaiting clawback");
    expect(DECLARATION_STATE_LABELS.clawed_back).toBe("Clawed back");
    expect(PARTICIPANT_TYPES).toEqual(["ect", "mentor"]);
    expect(STATEMENT_STATUSES).toEqual(["open", "payable", "paid"]);
  });

  it("output shares: started 20%, retained 15%, completed 20%, extended 15%", () => {
    expect(DECLARATION_TYPES.map((t) => OUTPUT_SHARE_PERCENT[t])).toEqual([20, 15, 15, 15, 15, 20, 15, 15, 15]);
  });
});
