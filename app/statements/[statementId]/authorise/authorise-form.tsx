"use client";
// The confirmation checkbox and button. react-hook-form checks the shared zod schema before
// submitting; the server action checks it again. (The GOV.UK Checkboxes component does not take a
// ref, so the checkbox's value reaches react-hook-form through the form's change event.) The figures
// the approver is looking at go with it in hidden fields; when they changed meanwhile, the page comes
// back with the new figures and `changedMessage` in the error summary.
import type { ChangeEvent, ReactNode } from "react";
import { Checkboxes, ErrorSummary } from "@/components/govuk";
import { SubmitAndCancel } from "@/components/forms/submit-and-cancel";
import { useGovukForm } from "@/components/forms/use-govuk-form";
import { initialFormState, type FormState } from "@/lib/forms/form-state";
import { AUTHORISE_CONFIRM_VALUE, AUTHORISE_FIELDS, authoriseSchema } from "@/lib/validation/authorise";

export function AuthoriseForm({
  action,
  title,
  cancelHref,
  checked,
  changedMessage,
  children,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  title: string;
  cancelHref: string;
  /** The figures on the page: their fingerprint and the total with VAT. */
  checked: { fingerprint: string; totalWithVat: string };
  /** Set when the statement changed since the approver last looked: the summary links to the figures. */
  changedMessage?: string;
  children?: ReactNode;
}) {
  const { form, formRef, formAction, onSubmit, errors, errorFor, summaryKey } = useGovukForm({
    schema: authoriseSchema,
    action,
    fields: AUTHORISE_FIELDS,
    initialState: changedMessage ? { ...initialFormState, errors: [{ field: "figures", message: changedMessage }] } : initialFormState,
    title,
  });
  const onChange = (event: ChangeEvent<HTMLFormElement>) => {
    const target = event.target as unknown as HTMLInputElement;
    if (target.name === "confirm") form.setValue("confirm", target.checked ? target.value : undefined);
  };
  return (
    <>
      {errors.length > 0 && <ErrorSummary key={summaryKey} errors={errors.map((e) => ({ href: `#${e.field}`, text: e.message }))} />}
      {children}
      <form ref={formRef} action={formAction} onSubmit={onSubmit} onChange={onChange} noValidate>
        <input type="hidden" name="fingerprint" value={checked.fingerprint} />
        <input type="hidden" name="totalWithVat" value={checked.totalWithVat} />
        <Checkboxes
          name="confirm"
          legend="Confirm the checks"
          legendClassName="govuk-fieldset__legend--s"
          errorMessage={errorFor("confirm")}
          items={[{ value: AUTHORISE_CONFIRM_VALUE, text: "I confirm that all the necessary checks have been done" }]}
        />
        <SubmitAndCancel cancelHref={cancelHref}>
          Authorise for payment
        </SubmitAndCancel>
      </form>
    </>
  );
}
