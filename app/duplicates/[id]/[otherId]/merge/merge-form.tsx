"use client";
// The confirmation checkbox and button of "Keep this record" (components/forms/confirm-form.tsx).
import type { ReactNode } from "react";
import { ConfirmForm } from "@/components/forms/confirm-form";
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
  return (
    <ConfirmForm
      action={action}
      title={title}
      cancelHref={cancelHref}
      schema={mergeSchema}
      fields={MERGE_FIELDS}
      initialState={initialFormState}
      confirm={{ legend: "Confirm the merge", label: "I confirm that these records are the same person", value: MERGE_CONFIRM_VALUE }}
      submitText="Merge records"
    >
      {children}
    </ConfirmForm>
  );
}
