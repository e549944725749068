import { describe, expect, it } from "vitest";
import { initialFormState, validateForm } from "@/lib/forms/form-state";
import { SIGN_IN_FIELDS, signInSchema } from "@/lib/validation/sign-in";

function form(values: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.set(k, v);
  return data;
}

describe("validateForm with the sign-in schema", () => {
  it("gives GOV.UK messages in field order, and counts the submission", () => {
    const result = validateForm(signInSchema, form({ email: "  ", password: "" }), SIGN_IN_FIELDS, initialFormState);
    expect(result).toEqual({
      ok: false,
      state: {
        submission: 1,
        values: { email: "  ", password: "" },
        errors: [
          { field: "email", message: "Enter your email address" },
          { field: "password", message: "Enter your password" },
        ],
      },
    });
  });

  it("treats a field the browser did not send as empty", () => {
    const result = validateForm(signInSchema, new FormData(), SIGN_IN_FIELDS, initialFormState);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.state.values).toEqual({ email: "", password: "" });
      expect(result.state.errors.map((e) => e.message)).toEqual(["Enter your email address", "Enter your password"]);
    }
  });

  it("rejects an email address in the wrong format", () => {
    const result = validateForm(signInSchema, form({ email: "finance.example.com", password: "x" }), SIGN_IN_FIELDS, initialFormState);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.state.errors).toEqual([{ field: "email", message: "Enter an email address in the correct format, like name@example.com" }]);
  });

  it("refuses huge input with a message rather than working on it", () => {
    const result = validateForm(signInSchema, form({ email: `${"a".repeat(10_000)}@example.com`, password: "p".repeat(10_000) }), SIGN_IN_FIELDS, initialFormState);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.state.errors.map((e) => e.message)).toEqual([
        "Email address must be 320 characters or fewer",
        "Password must be 200 characters or fewer",
      ]);
    }
  });

  it("trims the email and accepts good input", () => {
    const result = validateForm(signInSchema, form({ email: " finance@example.com ", password: "demo-password-123" }), SIGN_IN_FIELDS, initialFormState);
    expect(result).toMatchObject({ ok: true, data: { email: "finance@example.com", password: "demo-password-123" } });
  });
});
