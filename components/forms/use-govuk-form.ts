"use client";
// One way to build a form here: a server action (works without JavaScript) re-validates with the
// zod schema; with JavaScript, react-hook-form checks the same schema first, on submit only
// (GOV.UK: validate on submit, focus the error summary, not the field).
import { startTransition, useActionState, useEffect, useMemo, useRef } from "react";
import { useForm, type FieldValues, type Resolver } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import type { FieldError, FormState } from "@/lib/forms/form-state";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

export function useGovukForm(options: {
  schema: z.ZodType;
  action: Action;
  fields: readonly string[];
  initialState: FormState;
  /** The page title without the "Error: " prefix. */
  title?: string;
}) {
  const [state, formAction, pending] = useActionState(options.action, options.initialState);
  const formRef = useRef<HTMLFormElement>(null);
  // Every field starts as a string ("" when empty), as the browser would send it.
  const { fields } = options;
  const values = useMemo(
    () => Object.fromEntries(fields.map((field) => [field, state.values[field] ?? ""])),
    [fields, state.values],
  );
  const form = useForm<FieldValues>({
    resolver: zodResolver(options.schema as never) as unknown as Resolver<FieldValues>,
    mode: "onSubmit",
    reValidateMode: "onSubmit",
    shouldFocusError: false,
    defaultValues: values,
    values,
  });
  const { errors: clientErrors, submitCount } = form.formState;

  // Client errors (in field order) win over the last server answer once the user has resubmitted.
  const fromClient: FieldError[] = options.fields
    .filter((field) => clientErrors[field]?.message)
    .map((field) => ({ field, message: String(clientErrors[field]?.message) }));
  const errors = fromClient.length > 0 ? fromClient : state.errors;
  const summaryKey = `${state.submission}-${submitCount}`;

  useEffect(() => {
    if (!options.title) return;
    document.title = errors.length > 0 ? `Error: ${options.title}` : options.title;
  }, [errors.length, options.title]);

  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void form.handleSubmit(() => {
      const element = formRef.current;
      if (!element) return;
      form.clearErrors();
      startTransition(() => formAction(new FormData(element)));
    })(event);
  };

  const errorFor = (field: string) => errors.find((e) => e.field === field)?.message;

  return { form, formRef, formAction, onSubmit, errors, errorFor, summaryKey, pending, values: state.values };
}
