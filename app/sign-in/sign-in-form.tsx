"use client";

import { Button, ErrorSummary, Input } from "@/components/govuk";
import { useGovukForm } from "@/components/forms/use-govuk-form";
import { initialFormState } from "@/lib/forms/form-state";
import { SIGN_IN_FIELDS, signInSchema } from "@/lib/validation/sign-in";
import { pageTitle } from "@/lib/format/page-title";
import { signIn } from "./actions";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const { form, formRef, formAction, onSubmit, errors, errorFor, summaryKey, values } = useGovukForm({
    schema: signInSchema,
    action: signIn,
    fields: SIGN_IN_FIELDS,
    initialState: initialFormState,
    title: pageTitle("Sign in"),
  });
  return (
    <>
      {errors.length > 0 && (
        <ErrorSummary key={summaryKey} errors={errors.map((e) => ({ href: `#${e.field}`, text: e.message }))} />
      )}
      <h1 className="govuk-heading-l">Sign in to ECF Finance</h1>
      <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate>
        <input type="hidden" name="callbackUrl" value={callbackUrl} />
        <Input
          label="Email address"
          type="email"
          autoComplete="username"
          spellCheck={false}
          className="govuk-!-width-two-thirds"
          errorMessage={errorFor("email")}
          defaultValue={values.email ?? ""}
          {...form.register("email")}
        />
        <Input
          label="Password"
          type="password"
          autoComplete="current-password"
          className="govuk-!-width-two-thirds"
          errorMessage={errorFor("password")}
          {...form.register("password")}
        />
        <Button type="submit">
          Sign in
        </Button>
      </form>
    </>
  );
}
