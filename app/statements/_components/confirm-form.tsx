"use client";
// The button at the end of a check-your-answers page: a server action with the values to confirm
// in hidden fields, below the page's content. A refusal (the statement was paid meanwhile, the adjustment changed…) comes
// back as a message in the GOV.UK error summary. Works without JavaScript.
import { useActionState, useEffect, type ReactNode } from "react";
import { ErrorSummary, type ButtonVariant } from "@/components/govuk";
import { SubmitAndCancel } from "@/components/forms/submit-and-cancel";
import { initialFormState, type FormState } from "@/lib/forms/form-state";

export function ConfirmForm({
  action,
  hidden,
  submitLabel,
  variant,
  cancelHref,
  cancelText,
  title,
  children,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  hidden: Record<string, string>;
  submitLabel: string;
  variant?: ButtonVariant;
  cancelHref: string;
  cancelText?: string;
  /** The page title without the "Error: " prefix. */
  title: string;
  /** The page's content (heading, answers), shown below the error summary and above the button. */
  children?: ReactNode;
}) {
  const [state, formAction] = useActionState(action, initialFormState);
  useEffect(() => {
    document.title = state.errors.length > 0 ? `Error: ${title}` : title;
  }, [state.errors.length, title]);
  return (
    <>
      {state.errors.length > 0 ? <ErrorSummary key={state.submission} errors={state.errors.map((e) => ({ text: e.message }))} /> : null}
      {children}
      <form action={formAction}>
        {Object.entries(hidden).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <SubmitAndCancel variant={variant} cancelHref={cancelHref} cancelText={cancelText}>
          {submitLabel}
        </SubmitAndCancel>
      </form>
    </>
  );
}
