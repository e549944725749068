import type { ReactNode } from "react";
import { ErrorMessage } from "./error-message";
import { Hint } from "./hint";
import { Label } from "./label";
import { describedByIds, hasContent } from "./utils";

/** Label / hint / error props shared by Input, Textarea and Select. */
export interface FieldProps {
  /** Label content. */
  label?: ReactNode;
  /** Extra label classes, e.g. `govuk-label--l`. */
  labelClassName?: string;
  /** Wrap the label in `<h1 class="govuk-label-wrapper">`. */
  isPageHeading?: boolean;
  /** Hint content; rendered with id `<id>-hint`. */
  hint?: ReactNode;
  hintClassName?: string;
  /** Error message content; rendered with id `<id>-error` and puts the field in its error state. */
  errorMessage?: ReactNode;
  errorMessageClassName?: string;
  /** Visually hidden error prefix (default "Error"). */
  errorMessageVisuallyHiddenText?: string;
  /** Extra ids to put first in `aria-describedby`. */
  describedBy?: string;
  /** Extra classes for the `govuk-form-group` wrapper. */
  formGroupClassName?: string;
}

/** Renders label, hint and error message in template order and works out `aria-describedby`. */
export function fieldChrome(id: string | undefined, props: FieldProps) {
  const hasHint = hasContent(props.hint);
  const hasError = hasContent(props.errorMessage);
  const hintId = hasHint ? `${id}-hint` : undefined;
  const errorId = hasError ? `${id}-error` : undefined;

  const nodes = (
    <>
      <Label htmlFor={id} className={props.labelClassName} isPageHeading={props.isPageHeading}>
        {props.label}
      </Label>
      {hasHint ? (
        <Hint id={hintId} className={props.hintClassName}>
          {props.hint}
        </Hint>
      ) : null}
      {hasError ? (
        <ErrorMessage
          id={errorId}
          className={props.errorMessageClassName}
          visuallyHiddenText={props.errorMessageVisuallyHiddenText}
        >
          {props.errorMessage}
        </ErrorMessage>
      ) : null}
    </>
  );

  return {
    hasError,
    nodes,
    describedBy: describedByIds(props.describedBy, hintId, errorId),
  };
}
