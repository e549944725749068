"use client";
// The new training status (radios of the statuses other than the current one) and, revealed under
// Deferred and Withdrawn, the reason. react-hook-form checks the shared zod schema on submit; the
// server action checks it again. Without JavaScript both reason groups are shown and the form
// still works: only the reason for the chosen status is read.
import type { ReactNode } from "react";
import { Button, ErrorSummary, Radios } from "@/components/govuk";
import { useGovukForm } from "@/components/forms/use-govuk-form";
import type { FormState } from "@/lib/forms/form-state";
import type { TrainingStatusValue } from "@/lib/domain/training-statuses";
import { TRAINING_STATUS_FIELDS, trainingStatusSchema } from "@/lib/validation/training-status";

type Option = { value: string; text: string };

export function TrainingStatusForm({
  action,
  initialState,
  statuses,
  deferralReasons,
  withdrawalReasons,
  title,
  cancelHref,
  children,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  initialState: FormState;
  /** The statuses other than the current one. */
  statuses: { value: TrainingStatusValue; text: string }[];
  deferralReasons: Option[];
  withdrawalReasons: Option[];
  /** The document title without "Error: ". */
  title: string;
  cancelHref: string;
  /** The caption and the current status, above the radios. */
  children: ReactNode;
}) {
  const { form, formRef, formAction, onSubmit, errors, errorFor, summaryKey, values } = useGovukForm({
    schema: trainingStatusSchema,
    action,
    fields: TRAINING_STATUS_FIELDS,
    initialState,
    title,
  });
  // The reason group under the chosen status (React reveals it; see Radios' `revealed`).
  const chosen = String(form.watch("status") ?? values.status ?? "");
  const reasons = (name: "deferralReason" | "withdrawalReason", legend: string, options: Option[]) => (
    <Radios
      name={name}
      legend={legend}
      legendClassName="govuk-fieldset__legend--s"
      items={options}
      value={values[name]}
      errorMessage={errorFor(name)}
      className="govuk-radios--small"
      inputProps={form.register(name)}
    />
  );
  return (
    <>
      {errors.length > 0 && <ErrorSummary key={summaryKey} errors={errors.map((e) => ({ href: `#${e.field}`, text: e.message }))} />}
      {children}
      <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate>
        <Radios
          name="status"
          legend="New training status"
          legendClassName="govuk-fieldset__legend--m"
          value={values.status}
          errorMessage={errorFor("status")}
          inputProps={form.register("status")}
          revealed={chosen}
          items={statuses.map((s) => ({
            value: s.value,
            text: s.text,
            conditional:
              s.value === "deferred"
                ? reasons("deferralReason", "Reason for deferral", deferralReasons)
                : s.value === "withdrawn"
                  ? reasons("withdrawalReason", "Reason for withdrawal", withdrawalReasons)
                  : undefined,
          }))}
        />
        <div className="govuk-button-group">
          <Button type="submit">Continue</Button>
          <a className="govuk-link" href={cancelHref}>
            Cancel
          </a>
        </div>
      </form>
    </>
  );
}
