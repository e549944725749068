"use client";
// The adjustment form (add and change): name and signed amount, checked by react-hook-form with the
// shared zod schema on submit, then by the server action with the same schema (works without JS).
import { ErrorSummary, Input } from "@/components/govuk";
import { SubmitAndCancel } from "@/components/forms/submit-and-cancel";
import { useGovukForm } from "@/components/forms/use-govuk-form";
import type { FormState } from "@/lib/forms/form-state";
import { ADJUSTMENT_FIELDS, ADJUSTMENT_NAME_MAX_LENGTH, adjustmentSchema } from "@/lib/validation/adjustment";
import { pageTitle } from "@/lib/format/page-title";

export function AdjustmentForm({
  action,
  initialState,
  title,
  heading,
  caption,
  submitLabel,
  cancelHref,
  hidden,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  initialState: FormState;
  /** The page title without the service and organisation (`pageTitle` adds them). */
  title: string;
  heading: string;
  caption: string;
  submitLabel: string;
  cancelHref: string;
  /** Extra hidden fields (e.g. the version of the adjustment being changed). */
  hidden?: Record<string, string>;
}) {
  const { form, formRef, formAction, onSubmit, errors, errorFor, summaryKey, values } = useGovukForm({
    schema: adjustmentSchema,
    action,
    fields: ADJUSTMENT_FIELDS,
    initialState,
    title: pageTitle(title),
  });
  return (
    <>
      {errors.length > 0 && <ErrorSummary key={summaryKey} errors={errors.map((e) => ({ href: `#${e.field}`, text: e.message }))} />}
      <span className="govuk-caption-l">{caption}</span>
      <h1 className="govuk-heading-l">{heading}</h1>
      <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate>
        {Object.entries(hidden ?? {}).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <Input
          label="Name of the adjustment"
          labelClassName="govuk-label--s"
          hint={`This is shown on the statement, for example "Additional funding for induction tutor training". Up to ${ADJUSTMENT_NAME_MAX_LENGTH} characters.`}
          className="govuk-!-width-full"
          autoComplete="off"
          errorMessage={errorFor("name")}
          defaultValue={values.name ?? ""}
          {...form.register("name")}
        />
        <Input
          label="Amount"
          labelClassName="govuk-label--s"
          hint="In pounds, up to 2 decimal places. For an amount taken off the statement, start with a minus sign, like -300.00"
          prefix="£"
          className="govuk-input--width-10"
          spellCheck={false}
          autoComplete="off"
          errorMessage={errorFor("amount")}
          defaultValue={values.amount ?? ""}
          {...form.register("amount")}
        />
        <SubmitAndCancel cancelHref={cancelHref}>
          {submitLabel}
        </SubmitAndCancel>
      </form>
    </>
  );
}
