import { describe, expect, it } from "vitest";
import { declarationStateHistory, type HistoryDeclaration, type HistoryStatement } from "@/lib/declarations/rules/state-history";

const t = (iso: string) => new Date(iso);
const OCTOBER: HistoryStatement = {
  id: "s1",
  name: "October 2025",
  markedPayable: { at: t("2025-09-01T02:00:00Z"), by: "Statements job" },
  paid: { at: t("2025-10-02T10:00:00Z"), by: "finance@example.com" },
};
const MARCH: HistoryStatement = { id: "s2", name: "March 2026", markedPayable: null, paid: { at: t("2026-03-02T10:00:00Z"), by: "finance@example.com" } };

function declaration(overrides: Partial<HistoryDeclaration>): HistoryDeclaration {
  return {
    state: "submitted",
    createdAt: t("2025-08-01T09:00:00Z"),
    leadProviderName: "Ambition Institute",
    ineligibleForFundingReason: null,
    voidedAt: null,
    voidedBy: null,
    lineItems: [],
    audit: [],
    ...overrides,
  };
}

const steps = (d: HistoryDeclaration) => declarationStateHistory(d).map((r) => [r.state, r.at?.toISOString() ?? null, r.by, r.source]);

describe("a declaration's state history", () => {
  it("a submitted declaration with its submit audit entry: one row", () => {
    const d = declaration({
      audit: [{ action: "declaration.submit", occurredAt: t("2025-08-01T09:00:00Z"), actorLabel: "Ambition Institute", reason: null, beforeState: null, afterState: "submitted" }],
    });
    expect(steps(d)).toEqual([["submitted", "2025-08-01T09:00:00.000Z", "Ambition Institute", "declaration_audit"]]);
  });

  it("submitted then made eligible by a finance decision (audited), then payable and paid by its statement's audit entries", () => {
    const d = declaration({
      state: "paid",
      lineItems: [{ state: "paid", createdAt: t("2025-08-10T00:00:00Z"), refundable: false, statement: OCTOBER }],
      audit: [
        { action: "declaration.eligibility", occurredAt: t("2025-08-10T00:00:00Z"), actorLabel: "finance@example.com", reason: null, beforeState: "submitted", afterState: "eligible" },
        { action: "declaration.submit", occurredAt: t("2025-08-01T09:00:00Z"), actorLabel: "Ambition Institute", reason: null, beforeState: null, afterState: "submitted" },
      ],
    });
    expect(steps(d)).toEqual([
      ["submitted", "2025-08-01T09:00:00.000Z", "Ambition Institute", "declaration_audit"],
      ["eligible", "2025-08-10T00:00:00.000Z", "finance@example.com", "declaration_audit"],
      ["payable", "2025-09-01T02:00:00.000Z", "Statements job", "statement_audit"],
      ["paid", "2025-10-02T10:00:00.000Z", "finance@example.com", "statement_audit"],
    ]);
    expect(declarationStateHistory(d)[2]?.statementName).toBe("October 2025");
  });

  it("without audit entries (seeded): eligible on submission when the line item was created with it; payable not recorded when the statement has no audit entry", () => {
    const d = declaration({
      state: "payable",
      lineItems: [{ state: "payable", createdAt: t("2025-08-01T09:00:00Z"), refundable: false, statement: { ...OCTOBER, markedPayable: null } }],
    });
    expect(steps(d)).toEqual([
      ["eligible", "2025-08-01T09:00:00.000Z", "Ambition Institute", "record"],
      ["payable", null, null, "statement_audit"],
    ]);
  });

  it("without audit entries: submitted, then eligible when its line item was created later", () => {
    const d = declaration({ state: "eligible", lineItems: [{ state: "eligible", createdAt: t("2025-08-05T00:00:00Z"), refundable: false, statement: OCTOBER }] });
    expect(steps(d)).toEqual([
      ["submitted", "2025-08-01T09:00:00.000Z", "Ambition Institute", "record"],
      ["eligible", "2025-08-05T00:00:00.000Z", null, "record"],
    ]);
  });

  it("an ineligible declaration voided: ineligible on entry, then the void with who, when and why", () => {
    const d = declaration({
      state: "voided",
      ineligibleForFundingReason: "duplicate_profile",
      voidedAt: t("2025-08-20T00:00:00Z"),
      voidedBy: "finance@example.com",
      lineItems: [{ state: "voided", createdAt: t("2025-08-01T09:00:00Z"), refundable: false, statement: OCTOBER }],
      audit: [{ action: "declaration.void", occurredAt: t("2025-08-20T00:00:00Z"), actorLabel: "finance@example.com", reason: "Duplicate", beforeState: "ineligible", afterState: "voided" }],
    });
    expect(declarationStateHistory(d)).toEqual([
      { state: "ineligible", at: t("2025-08-01T09:00:00Z"), by: "Ambition Institute", reason: null, source: "record", statementName: "October 2025" },
      { state: "voided", at: t("2025-08-20T00:00:00Z"), by: "finance@example.com", reason: "Duplicate", source: "declaration_audit", statementName: null },
    ]);
  });

  it("voided from payable: payable is shown (from the void entry's before state) though the line item is now voided", () => {
    const d = declaration({
      state: "voided",
      lineItems: [{ state: "voided", createdAt: t("2025-08-01T09:00:00Z"), refundable: false, statement: OCTOBER }],
      audit: [{ action: "declaration.void", occurredAt: t("2025-09-05T00:00:00Z"), actorLabel: "Ambition Institute", reason: null, beforeState: "payable", afterState: "voided" }],
    });
    expect(steps(d).map((s) => s[0])).toEqual(["eligible", "payable", "voided"]);
  });

  it("paid, voided (awaiting clawback on the next statement), then clawed back when that statement is paid", () => {
    const d = declaration({
      state: "clawed_back",
      lineItems: [
        { state: "paid", createdAt: t("2025-08-01T09:00:00Z"), refundable: false, statement: OCTOBER },
        { state: "clawed_back", createdAt: t("2026-01-10T00:00:00Z"), refundable: true, statement: MARCH },
      ],
      audit: [
        { action: "declaration.void_paid", occurredAt: t("2026-01-10T00:00:00Z"), actorLabel: "finance@example.com", reason: "Left in week one", beforeState: "paid", afterState: "awaiting_clawback" },
      ],
    });
    expect(steps(d)).toEqual([
      ["eligible", "2025-08-01T09:00:00.000Z", "Ambition Institute", "record"],
      ["payable", "2025-09-01T02:00:00.000Z", "Statements job", "statement_audit"],
      ["paid", "2025-10-02T10:00:00.000Z", "finance@example.com", "statement_audit"],
      ["awaiting_clawback", "2026-01-10T00:00:00.000Z", "finance@example.com", "declaration_audit"],
      ["clawed_back", "2026-03-02T10:00:00.000Z", "finance@example.com", "statement_audit"],
    ]);
    expect(declarationStateHistory(d)[3]).toMatchObject({ reason: "Left in week one", statementName: "March 2026" });
  });

  it("a seeded void with no audit entry: from voided_at and voided_by", () => {
    const d = declaration({ state: "voided", voidedAt: t("2025-08-02T00:00:00Z"), voidedBy: "Ambition Institute" });
    expect(steps(d)).toEqual([
      ["submitted", "2025-08-01T09:00:00.000Z", "Ambition Institute", "record"],
      ["voided", "2025-08-02T00:00:00.000Z", "Ambition Institute", "record"],
    ]);
  });
});
