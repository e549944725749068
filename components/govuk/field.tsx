import type { ReactNode } from "react";
import { ErrorMessage } from "./error-message";
import { Hint } from "./hint";
import { Label } from "./label";
import { cx, describedByIds, hasContent } from "./utils";

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

const FIELD_PROP_KEYS = [
  "label",
  "labelClassName",
  "isPageHeading",
  "hint",
  "hintClassName",
  "errorMessage",
  "errorMessageClassName",
  "errorMessageVisuallyHiddenText",
  "describedBy",
  "formGroupClassName",
] as const satisfies readonly (keyof FieldProps)[];

/** A field component's props split into its label/hint/error props and the rest (for the control). */
export function splitFieldProps<P extends FieldProps>(props: P): [FieldProps, Omit<P, keyof FieldProps>] {
  const field: Record<string, unknown> = {};
  const rest = { ...props } as Record<string, unknown>;
  for (const key of FIELD_PROP_KEYS) {
    field[key] = props[key];
    delete rest[key];
  }
  return [field as FieldProps, rest as Omit<P, keyof FieldProps>];
}

/** The hint and error props: what a field has besides its label (Checkboxes use these with a legend). */
export type HintAndErrorProps = Omit<FieldProps, "label" | "labelClassName" | "isPageHeading">;

/**
 * Renders hint and error message in template order and works out `aria-describedby` (`describedBy`,
 * then hint and error ids, the ids made from `id`) and the form group's classes.
 */
export function hintAndError(id: string | undefined, props: HintAndErrorProps) {
  const hasHint = hasContent(props.hint);
  const hasError = hasContent(props.errorMessage);
  const hintId = hasHint ? `${id}-hint` : undefined;
  const errorId = hasError ? `${id}-error` : undefined;

  const nodes = (
    <>
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
    formGroupClassName: cx("govuk-form-group", hasError && "govuk-form-group--error", props.formGroupClassName),
  };
}

/**
 * Renders label, hint and error message in template order and works out `aria-describedby`
 * (`describedBy`, else the control's own `aria-describedby`, then hint and error ids) and the
 * form group's classes.
 */
export function fieldChrome(id: string | undefined, props: FieldProps, ariaDescribedBy?: string) {
  const rest = hintAndError(id, { ...props, describedBy: props.describedBy ?? ariaDescribedBy });
  return {
    ...rest,
    nodes: (
      <>
        <Label htmlFor={id} className={props.labelClassName} isPageHeading={props.isPageHeading}>
          {props.label}
        </Label>
        {rest.nodes}
      </>
    ),
  };
}
