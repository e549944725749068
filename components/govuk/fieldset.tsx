import type { FieldsetHTMLAttributes, ReactNode } from "react";
import { cx, hasContent } from "./utils";

export interface FieldsetProps extends Omit<FieldsetHTMLAttributes<HTMLFieldSetElement>, "className"> {
  /** Legend content. No `<legend>` is rendered without it. */
  legend?: ReactNode;
  /** Extra legend classes, e.g. `govuk-fieldset__legend--l`. */
  legendClassName?: string;
  /** Wrap the legend content in `<h1 class="govuk-fieldset__heading">`. */
  legendIsPageHeading?: boolean;
  /** Ids for `aria-describedby`. */
  describedBy?: string;
  className?: string;
  children?: ReactNode;
}

/** GOV.UK Fieldset. */
export function Fieldset({
  legend,
  legendClassName,
  legendIsPageHeading,
  describedBy,
  className,
  children,
  ...attributes
}: FieldsetProps) {
  return (
    <fieldset
      {...attributes}
      className={cx("govuk-fieldset", className)}
      aria-describedby={describedBy || attributes["aria-describedby"] || undefined}
    >
      {hasContent(legend) ? (
        <legend className={cx("govuk-fieldset__legend", legendClassName)}>
          {legendIsPageHeading ? <h1 className="govuk-fieldset__heading">{legend}</h1> : legend}
        </legend>
      ) : null}
      {children}
    </fieldset>
  );
}
