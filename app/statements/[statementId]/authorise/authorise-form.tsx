"use client";
// The confirmation checkbox and button (components/forms/confirm-form.tsx). The figures the approver
// is looking at go with it in hidden fields; when they changed meanwhile, the page comes back with
// the new figures and `changedMessage` in the error summary.
import type { ReactNode } from "react";
import { ConfirmForm } from "@/components/forms/confirm-form";
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
  return (
    <ConfirmForm
      action={action}
      title={title}
      cancelHref={cancelHref}
      schema={authoriseSchema}
      fields={AUTHORISE_FIELDS}
      initialState={changedMessage ? { ...initialFormState, errors: [{ field: "figures", message: changedMessage }] } : initialFormState}
      confirm={{ legend: "Confirm the checks", label: "I confirm that all the necessary checks have been done", value: AUTHORISE_CONFIRM_VALUE }}
      submitText="Authorise for payment"
      hidden={{ fingerprint: checked.fingerprint, totalWithVat: checked.totalWithVat }}
    >
      {children}
    </ConfirmForm>
  );
}
