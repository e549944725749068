import { describe, expect, it } from "vitest";
import { initialFormState, validateForm } from "@/lib/forms/form-state";
import { DEFERRAL_REASONS, WITHDRAWAL_REASONS } from "@/lib/domain/training-status-reasons";
import { chosenTrainingStatus, TRAINING_STATUS_FIELDS, trainingStatusFields, trainingStatusSchema } from "@/lib/validation/training-status";

function form(values: Record<string, string>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
}

const validate = (values: Record<string, string>) => validateForm(trainingStatusSchema, form(values), TRAINING_STATUS_FIELDS, initialFormState);

describe("the change training status form", () => {
  it.each(DEFERRAL_REASONS)("defers for %s (the withdrawal reason is ignored)", (reason) => {
    const result = validate({ status: "deferred", deferralReason: reason, withdrawalReason: "junk" });
    if (!result.ok) throw new Error("expected valid");
    expect(chosenTrainingStatus(result.data)).toEqual({ status: "deferred", reason });
  });

  it.each(WITHDRAWAL_REASONS)("withdraws for %s", (reason) => {
    const result = validate({ status: "withdrawn", withdrawalReason: reason });
    if (!result.ok) throw new Error("expected valid");
    expect(chosenTrainingStatus(result.data)).toEqual({ status: "withdrawn", reason });
  });

  it("resumes with no reason, whatever the reason fields say", () => {
    const result = validate({ status: "active", deferralReason: "bereavement" });
    if (!result.ok) throw new Error("expected valid");
    expect(chosenTrainingStatus(result.data)).toEqual({ status: "active", reason: null });
  });

  it.each<Record<string, string>>([{}, { status: "" }, { status: "paused" }, { status: "ACTIVE" }, { status: "deferred\u0000" }])("needs a valid status (%j)", (values) => {
    expect(validate(values)).toMatchObject({ ok: false, state: { errors: [{ field: "status", message: "Choose a valid training status" }] } });
  });

  it.each([
    [{ status: "deferred" }, "deferralReason"],
    [{ status: "deferred", deferralReason: "moved-school" }, "deferralReason"],
    [{ status: "deferred", withdrawalReason: "bereavement" }, "deferralReason"],
    [{ status: "withdrawn", withdrawalReason: "" }, "withdrawalReason"],
    [{ status: "withdrawn", withdrawalReason: "career-break" }, "withdrawalReason"],
    [{ status: "withdrawn", withdrawalReason: "school-left-fip" }, "withdrawalReason"],
  ] as const)("needs a valid reason for deferred and withdrawn (%j)", (values, field) => {
    expect(validate(values)).toMatchObject({ ok: false, state: { errors: [{ field, message: "Choose a valid reason for training status" }] } });
  });

  it("carries the choice to check your answers in the same fields", () => {
    expect(trainingStatusFields("deferred", "bereavement")).toEqual({ status: "deferred", deferralReason: "bereavement", withdrawalReason: "" });
    expect(trainingStatusFields("withdrawn", "other")).toEqual({ status: "withdrawn", deferralReason: "", withdrawalReason: "other" });
    expect(trainingStatusFields("active", null)).toEqual({ status: "active", deferralReason: "", withdrawalReason: "" });
    const result = trainingStatusSchema.safeParse(trainingStatusFields("withdrawn", "moved-school"));
    expect(result.success && chosenTrainingStatus(result.data)).toEqual({ status: "withdrawn", reason: "moved-school" });
  });
});
