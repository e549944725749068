// The end of every form that changes something: the submit button (a second click within a second
// is ignored, so a double click submits once) and a Cancel link back, in a GOV.UK button group.
import type { ReactNode } from "react";
import { Button, type ButtonVariant } from "@/components/govuk";

export function SubmitAndCancel({
  children,
  variant,
  cancelHref,
  cancelText = "Cancel",
}: {
  /** The button's text. */
  children: ReactNode;
  variant?: ButtonVariant;
  cancelHref: string;
  cancelText?: ReactNode;
}) {
  return (
    <div className="govuk-button-group">
      <Button type="submit" variant={variant} preventDoubleClick>
        {children}
      </Button>
      <a className="govuk-link" href={cancelHref}>
        {cancelText}
      </a>
    </div>
  );
}
