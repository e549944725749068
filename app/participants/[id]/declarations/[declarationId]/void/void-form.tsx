"use client";
// The reason and the "Void declaration" button. react-hook-form checks the reason with the shared
// zod schema on submit; the server action checks the whole form again. Errors (the reason, or a
// refusal from the transaction) show in the error summary at the top of the page.
import type { ReactNode } from "react";
import { ErrorSummary, Textarea } from "@/components/govuk";
import { SubmitAndCancel } from "@/components/forms/submit-and-cancel";
import { useGovukForm } from "@/components/forms/use-govuk-form";
import { initialFormState, type FormState } from "@/lib/forms/form-state";
import type { DeclarationState } from "@/lib/domain/declaration-states";
import { VOID_REASON_MAX_LENGTH, voidDeclarationClientSchema } from "@/lib/validation/void-declaration";

const CLIENT_FIELDS = ["reason"] as const;

export function VoidDeclarationForm({
  action,
  expectedState,
  title,
  cancelHref,
  children,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  /** The state shown on the page: the void is refused if it has changed since. */
  expectedState: DeclarationState;
  /** The document title without "Error: ". */
  title: string;
  cancelHref: string;
  /** The page content between the error summary and the form. */
  children: ReactNode;
}) {
  const { form, formRef, formAction, onSubmit, errors, errorFor, summaryKey, values } = useGovukForm({
    schema: voidDeclarationClientSchema,
    action,
    fields: CLIENT_FIELDS,
    initialState: initialFormState,
    title,
  });
  return (
    <>
      {errors.length > 0 && (
        <ErrorSummary
          key={summaryKey}
          errors={errors.map((e) => ({ href: e.field === "reason" ? "#reason" : undefined, text: e.message }))}
        />
      )}
      {children}
      <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate>
        <input type="hidden" name="expectedState" value={expectedState} />
        <Textarea
          label="Reason for voiding"
          labelClassName="govuk-label--m"
          hint={`This is recorded in the participant’s history. Use up to ${VOID_REASON_MAX_LENGTH.toLocaleString("en-GB")} characters.`}
          rows={4}
          spellCheck
          errorMessage={errorFor("reason")}
          defaultValue={values.reason ?? ""}
          {...form.register("reason")}
        />
        <SubmitAndCancel variant="warning" cancelHref={cancelHref}>
          Void declaration
        </SubmitAndCancel>
      </form>
    </>
  );
}
