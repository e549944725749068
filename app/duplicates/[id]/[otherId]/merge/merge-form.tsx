"use client";
// The confirmation checkbox and button of "Keep this record". react-hook-form checks the shared zod
// schema before submitting; the server action checks it again.
import type { ChangeEvent, ReactNode } from "react";
import { Checkboxes, ErrorSummary } from "@/components/govuk";
import { SubmitAndCancel } from "@/components/forms/submit-and-cancel";
import { useGovukForm } from "@/components/forms/use-govuk-form";
import { initialFormState, type FormState } from "@/lib/forms/form-state";
import { MERGE_CONFIRM_VALUE, MERGE_FIELDS, mergeSchema } from "@/lib/validation/merge-participants";

export function MergeForm({
  action,
  title,
  cancelHref,
  children,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  title: string;
  cancelHref: string;
  children?: ReactNode;
}) {
  const { form, formRef, formAction, onSubmit, errors, errorFor, summaryKey } = useGovukForm({
    schema: mergeSchema,
    action,
    fields: MERGE_FIELDS,
    initialState: initialFormState,
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
        <Checkboxes
          name="confirm"
          legend="Confirm the merge"
          legendClassName="govuk-fieldset__legend--s"
          errorMessage={errorFor("confirm")}
          items={[{ value: MERGE_CONFIRM_VALUE, text: "I confirm that these records are the same person" }]}
        />
        <SubmitAndCancel cancelHref={cancelHref}>Merge records</SubmitAndCancel>
      </form>
    </>
  );
}
