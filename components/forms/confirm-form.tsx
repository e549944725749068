"use client";
// A check-your-answers form whose only question is a required confirmation checkbox ("I confirm
// that…"), then the action's button and Cancel: authorising a statement, merging two participants.
// react-hook-form checks the shared zod schema before submitting; the server action checks it again.
// (The GOV.UK Checkboxes component does not take a ref, so the checkbox's value reaches
// react-hook-form through the form's change event.) Hidden fields go with it as given.
import type { ChangeEvent, ReactNode } from "react";
import type { z } from "zod";
import { Checkboxes, ErrorSummary } from "@/components/govuk";
import { SubmitAndCancel } from "@/components/forms/submit-and-cancel";
import { useGovukForm } from "@/components/forms/use-govuk-form";
import type { FormState } from "@/lib/forms/form-state";

export function ConfirmForm({
  action,
  title,
  cancelHref,
  schema,
  fields,
  initialState,
  confirm,
  submitText,
  hidden = {},
  children,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  title: string;
  cancelHref: string;
  /** The browser's schema: the `confirm` checkbox. */
  schema: z.ZodType;
  fields: readonly string[];
  initialState: FormState;
  /** The checkbox: its fieldset legend, its one item's label and value. */
  confirm: { legend: string; label: string; value: string };
  submitText: string;
  /** Hidden fields sent with the form (name → value). */
  hidden?: Record<string, string>;
  /** Shown between the error summary and the form. */
  children?: ReactNode;
}) {
  const { form, formRef, formAction, onSubmit, errors, errorFor, summaryKey } = useGovukForm({ schema, action, fields, initialState, title });
  const onChange = (event: ChangeEvent<HTMLFormElement>) => {
    const target = event.target as unknown as HTMLInputElement;
    if (target.name === "confirm") form.setValue("confirm", target.checked ? target.value : undefined);
  };
  return (
    <>
      {errors.length > 0 && <ErrorSummary key={summaryKey} errors={errors.map((e) => ({ href: `#${e.field}`, text: e.message }))} />}
      {children}
      <form ref={formRef} action={formAction} onSubmit={onSubmit} onChange={onChange} noValidate>
        {Object.entries(hidden).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <Checkboxes
          name="confirm"
          legend={confirm.legend}
          legendClassName="govuk-fieldset__legend--s"
          errorMessage={errorFor("confirm")}
          items={[{ value: confirm.value, text: confirm.label }]}
        />
        <SubmitAndCancel cancelHref={cancelHref}>{submitText}</SubmitAndCancel>
      </form>
    </>
  );
}
