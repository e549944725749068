import { describe, expect, it } from "vitest";
import { validateForm, initialFormState } from "@/lib/forms/form-state";
import { VOID_DECLARATION_FIELDS, voidDeclarationClientSchema, voidDeclarationSchema } from "@/lib/validation/void-declaration";

function form(values: Record<string, string>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
}

describe("the void declaration form", () => {
  it("accepts a reason and the state the page showed, trimmed", () => {
    const result = validateForm(voidDeclarationSchema, form({ reason: "  Duplicate declaration  ", expectedState: "paid" }), VOID_DECLARATION_FIELDS, initialFormState);
    expect(result).toMatchObject({ ok: true, data: { reason: "Duplicate declaration", expectedState: "paid" } });
  });

  it.each<Record<string, string>>([{}, { reason: "" }, { reason: "   \n " }])("needs a reason (%j)", (values) => {
    const result = validateForm(voidDeclarationSchema, form({ expectedState: "eligible", ...values }), VOID_DECLARATION_FIELDS, initialFormState);
    expect(result).toEqual({
      ok: false,
      // Every field comes back as a string, empty when it was not sent.
      state: { submission: 1, values: { reason: "", expectedState: "eligible", ...values }, errors: [{ field: "reason", message: "Enter the reason for voiding this declaration" }] },
    });
  });

  it("allows 1,000 characters and no more", () => {
    const ok = voidDeclarationSchema.safeParse({ reason: "x".repeat(1000), expectedState: "eligible" });
    expect(ok.success).toBe(true);
    const result = validateForm(voidDeclarationSchema, form({ reason: "x".repeat(1001), expectedState: "eligible" }), VOID_DECLARATION_FIELDS, initialFormState);
    expect(result.ok ? [] : result.state.errors).toEqual([{ field: "reason", message: "Reason for voiding must be 1,000 characters or fewer" }]);
  });

  it.each<Record<string, string>>([{}, { expectedState: "" }, { expectedState: "deleted" }])("refuses a missing or unknown expected state (%j)", (values) => {
    const result = validateForm(voidDeclarationSchema, form({ reason: "Duplicate", ...values }), VOID_DECLARATION_FIELDS, initialFormState);
    expect(result.ok ? [] : result.state.errors).toEqual([
      { field: "expectedState", message: "This page is out of date. Reload it, check the declaration and try again" },
    ]);
  });

  it("checks the reason in the browser with the same rules", () => {
    expect(voidDeclarationClientSchema.safeParse({ reason: "" }).error?.issues[0]?.message).toBe("Enter the reason for voiding this declaration");
    expect(voidDeclarationClientSchema.safeParse({ reason: "x".repeat(1001) }).error?.issues[0]?.message).toBe(
      "Reason for voiding must be 1,000 characters or fewer",
    );
    expect(voidDeclarationClientSchema.safeParse({ reason: "Duplicate" }).success).toBe(true);
  });
});
