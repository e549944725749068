import { describe, expect, it } from "vitest";
import {
  ADJUSTMENT_MESSAGES,
  adjustmentChangeConfirmSchema,
  adjustmentCreateConfirmSchema,
  adjustmentSchema,
  parseAdjustmentAmount,
} from "@/lib/validation/adjustment";
import { AUTHORISE_MESSAGES, authoriseSchema } from "@/lib/validation/authorise";
import { declarationListHref, parseDeclarationListQuery, parseStatementChoice, statementChoiceHref } from "@/lib/validation/statement-choice";
import { statementStatusTag } from "@/lib/format/tags";

const ID = "3f2b8c1e-5d4a-4b6c-9e8f-0a1b2c3d4e5f";

describe("adjustment amounts", () => {
  it.each([
    ["1250", "1250.00"],
    ["£1,250.50", "1250.50"],
    ["-300", "-300.00"],
    ["-£300", "-300.00"],
    ["£-300", "-300.00"],
    ["\u2212£1,234.56", "-1234.56"],
    ["+75.5", "75.50"],
    [" 10 000 ", "10000.00"],
    [".5", "0.50"],
    ["1.500", "1.50"],
    ["10000000", "10000000.00"],
    ["-10,000,000.00", "-10000000.00"],
  ])("reads %j as %s", (typed, value) => {
    expect(parseAdjustmentAmount(typed)).toEqual({ ok: true, value });
  });

  it.each([
    ["", ADJUSTMENT_MESSAGES.amountMissing],
    ["   ", ADJUSTMENT_MESSAGES.amountMissing],
    ["ten pounds", ADJUSTMENT_MESSAGES.amountNotNumber],
    ["1e5", ADJUSTMENT_MESSAGES.amountNotNumber],
    ["0x10", ADJUSTMENT_MESSAGES.amountNotNumber],
    ["Infinity", ADJUSTMENT_MESSAGES.amountNotNumber],
    ["--5", ADJUSTMENT_MESSAGES.amountNotNumber],
    ["-£-5", ADJUSTMENT_MESSAGES.amountNotNumber],
    ["1.", ADJUSTMENT_MESSAGES.amountNotNumber],
    ["£", ADJUSTMENT_MESSAGES.amountNotNumber],
    ["1".repeat(40), ADJUSTMENT_MESSAGES.amountNotNumber],
    ["12.345", ADJUSTMENT_MESSAGES.amountTooManyDecimals],
    ["0.001", ADJUSTMENT_MESSAGES.amountTooManyDecimals],
    ["0", ADJUSTMENT_MESSAGES.amountZero],
    ["-0.00", ADJUSTMENT_MESSAGES.amountZero],
    ["10000000.01", ADJUSTMENT_MESSAGES.amountTooLarge],
    ["-99999999", ADJUSTMENT_MESSAGES.amountTooLarge],
  ])("refuses %j: %s", (typed, message) => {
    expect(parseAdjustmentAmount(typed)).toEqual({ ok: false, message });
  });
});

describe("the adjustment form schema", () => {
  it("trims the name and normalises the amount", () => {
    expect(adjustmentSchema.parse({ name: "  Funding  ", amount: "£1,000" })).toEqual({ name: "Funding", amount: "1000.00" });
  });

  it("gives one GOV.UK message per field", () => {
    const result = adjustmentSchema.safeParse({ name: " ", amount: "abc" });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path[0], i.message])).toEqual([
      ["name", ADJUSTMENT_MESSAGES.nameMissing],
      ["amount", ADJUSTMENT_MESSAGES.amountNotNumber],
    ]);
    expect(adjustmentSchema.safeParse({ name: "x".repeat(101), amount: "1" }).error?.issues[0]?.message).toBe(ADJUSTMENT_MESSAGES.nameTooLong);
    expect(adjustmentSchema.safeParse({ name: "x".repeat(100), amount: "1" }).success).toBe(true);
    expect(adjustmentSchema.safeParse({ name: "a\u0000b", amount: "1" }).error?.issues[0]?.message).toBe(ADJUSTMENT_MESSAGES.nameControlCharacters);
    expect(adjustmentSchema.safeParse({}).error?.issues.map((i) => i.message)).toEqual([ADJUSTMENT_MESSAGES.nameMissing, ADJUSTMENT_MESSAGES.amountMissing]);
  });

  it("the confirm steps need their idempotency key or version", () => {
    expect(adjustmentCreateConfirmSchema.safeParse({ name: "A", amount: "1", token: ID }).success).toBe(true);
    expect(adjustmentCreateConfirmSchema.safeParse({ name: "A", amount: "1", token: "nope" }).success).toBe(false);
    expect(adjustmentChangeConfirmSchema.safeParse({ name: "A", amount: "1", version: "2026-11-25T10:00:00.123Z" }).success).toBe(true);
    expect(adjustmentChangeConfirmSchema.safeParse({ name: "A", amount: "1", version: "yesterday" }).success).toBe(false);
  });
});

describe("authorise confirmation", () => {
  it("needs the box ticked", () => {
    expect(authoriseSchema.safeParse({ confirm: "yes" }).success).toBe(true);
    expect(authoriseSchema.safeParse({}).error?.issues[0]?.message).toBe(AUTHORISE_MESSAGES.confirmMissing);
    expect(authoriseSchema.safeParse({ confirm: "no" }).error?.issues[0]?.message).toBe(AUTHORISE_MESSAGES.confirmMissing);
  });
});

describe("statement chooser and list URLs", () => {
  it("reads each step, and drops malformed values", () => {
    expect(parseStatementChoice({ "lead-provider": ID.toUpperCase(), cohort: "2025", statement: "x", page: "2", "listed-for-provider": ID })).toEqual({
      leadProviderId: ID,
      leadProviderGiven: true,
      cohortYear: 2025,
      cohortGiven: true,
      statementId: null,
      statementGiven: true,
      listedForProvider: ID,
      listedForCohort: null,
      page: 2,
    });
    expect(parseStatementChoice({ cohort: "20255", page: "abc" })).toMatchObject({ cohortYear: null, cohortGiven: true, leadProviderGiven: false, page: 1 });
    expect(parseStatementChoice({})).toMatchObject({ page: null, leadProviderGiven: false, statementGiven: false });
    expect(statementChoiceHref({ leadProviderId: ID, cohortYear: 2024 })).toBe(`/statements?lead-provider=${ID}&cohort=2024`);
    expect(statementChoiceHref({})).toBe("/statements");
  });

  it("reads the declaration list filter and page", () => {
    expect(parseDeclarationListQuery({ type: "mentor", page: "3" })).toEqual({ type: "mentor", page: 3 });
    expect(parseDeclarationListQuery({ type: "admin", page: "-1" })).toEqual({ type: null, page: 1 });
    expect(declarationListHref("/statements/x/voided", { type: "ect", page: 1 })).toBe("/statements/x/voided?type=ect");
    expect(declarationListHref("/statements/x/voided", { type: null, page: 2 })).toBe("/statements/x/voided?page=2");
  });

  it("has one tag per statement status", () => {
    expect(statementStatusTag("open")).toEqual({ text: "Open", colour: "grey" });
    expect(statementStatusTag("payable")).toEqual({ text: "Payable", colour: undefined });
    expect(statementStatusTag("paid")).toEqual({ text: "Paid", colour: "green" });
  });
});
