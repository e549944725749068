// The bad-input corpus (e2e/support/corpus.ts) through every shared schema and parser, without a
// server: none may throw, and no parsed query or API value may carry a NUL (PostgreSQL refuses one in a
// text parameter, which was a 500). The end-to-end spec e2e/bad-input.spec.ts runs the same corpus
// through the real forms and API.
import { describe, expect, it } from "vitest";
import { CORPUS, JSON_CORPUS } from "../../../e2e/support/corpus";
import { adjustmentSchema, adjustmentChangeConfirmSchema, adjustmentCreateConfirmSchema, parseAdjustmentAmount } from "@/lib/validation/adjustment";
import { voidDeclarationSchema } from "@/lib/validation/void-declaration";
import { signInSchema } from "@/lib/validation/sign-in";
import { authoriseSchema } from "@/lib/validation/authorise";
import { parsePage, parseSearchQuery } from "@/lib/validation/participant-search";
import { parseDeclarationListQuery, parseId, parseStatementChoice } from "@/lib/validation/statement-choice";
import { validateDeclarationAttributes } from "@/lib/api/validation/declarations";
import { validateChangeSchedule, validateStatusChange } from "@/lib/api/validation/participants";
import { validatePartnershipCreate, validatePartnershipUpdate } from "@/lib/api/validation/partnerships";

const NUL = "\u0000";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe.each(CORPUS)("form schemas and URL parsers with $name", ({ value }) => {
  it("adjustments: no throw; a pass has a clean name and an amount within bounds", () => {
    for (const schema of [adjustmentSchema, adjustmentCreateConfirmSchema, adjustmentChangeConfirmSchema]) {
      for (const input of [{ name: value, amount: "10" }, { name: "Fine", amount: value }, { name: value, amount: value, token: value, version: value }]) {
        const result = schema.safeParse(input);
        if (result.success) {
          expect(result.data.name).not.toContain(NUL);
          expect(Math.abs(Number(result.data.amount))).toBeLessThanOrEqual(10_000_000);
        }
      }
    }
    const amount = parseAdjustmentAmount(value);
    if (amount.ok) expect(amount.value).toMatch(/^-?\d+\.\d{2}$/);
  });

  it("void, sign-in and authorise: no throw; nothing with a NUL passes", () => {
    const voided = voidDeclarationSchema.safeParse({ reason: value, expectedState: "paid" });
    if (voided.success) expect(voided.data.reason).not.toContain(NUL);
    const signIn = signInSchema.safeParse({ email: value, password: value });
    if (signIn.success) expect(signIn.data.email).not.toContain(NUL);
    expect(authoriseSchema.safeParse({ confirm: value }).success).toBe(false);
  });

  it("URL parsers: ids are UUIDs or null, pages are whole numbers from 1, queries carry no NUL", () => {
    const search = parseSearchQuery(value);
    if ("q" in search) expect(search.q).not.toContain(NUL);
    const page = parsePage(value);
    expect(Number.isInteger(page) && page >= 1).toBe(true);
    const id = parseId(value);
    if (id !== null) expect(id).toMatch(UUID);
    const choice = parseStatementChoice({ "lead-provider": value, cohort: value, statement: value, "listed-for-provider": value, "listed-for-cohort": value, page: value });
    for (const chosen of [choice.leadProviderId, choice.statementId, choice.listedForProvider]) if (chosen !== null) expect(chosen).toMatch(UUID);
    const list = parseDeclarationListQuery({ type: value, page: value });
    expect(list.page).toBeGreaterThanOrEqual(1);
  });
});

describe.each(JSON_CORPUS)("API attribute validation with $name", ({ value }) => {
  const now = new Date("2025-10-15T12:00:00Z");
  const declaration = { participant_id: "6b0e2b52-7a6f-4c4e-9b3c-000000000001", declaration_type: "started", declaration_date: "2025-10-01T10:00:00Z", course_identifier: "ecf-induction", evidence_held: "training-event-attended" };
  const cases: [string, Record<string, unknown>, (attributes: Record<string, unknown>) => { issues: unknown[] }][] = [
    ["declaration", declaration, (a) => validateDeclarationAttributes(a, now)],
    ["defer", { reason: "career-break", course_identifier: "ecf-induction" }, (a) => validateStatusChange("defer", a)],
    ["withdraw", { reason: "left-teaching-profession", course_identifier: "ecf-induction" }, (a) => validateStatusChange("withdraw", a)],
    ["resume", { course_identifier: "ecf-induction" }, (a) => validateStatusChange("resume", a)],
    ["change-schedule", { schedule_identifier: "ecf-standard-january", course_identifier: "ecf-induction", cohort: 2025 }, (a) => validateChangeSchedule(a)],
    ["partnership create", { cohort: 2025, school_id: "6b0e2b52-7a6f-4c4e-9b3c-000000000002", delivery_partner_id: "6b0e2b52-7a6f-4c4e-9b3c-000000000003" }, (a) => validatePartnershipCreate(a)],
    ["partnership update", { delivery_partner_id: "6b0e2b52-7a6f-4c4e-9b3c-000000000003" }, (a) => validatePartnershipUpdate(a)],
  ];
  it.each(cases)("%s: every attribute, no throw; a NUL is always an issue", (_name, base, validate) => {
    for (const attribute of Object.keys(base)) {
      const result = validate({ ...base, [attribute]: value });
      expect(Array.isArray(result.issues)).toBe(true);
      if (typeof value === "string" && value.includes(NUL)) expect(result.issues.length).toBeGreaterThan(0);
    }
  });
});
