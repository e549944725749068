/** Nunjucks option shapes shared by the form component fixtures, and the props they give every field. */
import { content } from "./html";

export interface TextOrHtml {
  text?: string;
  html?: string;
  classes?: string;
  attributes?: Record<string, string>;
}

export interface LabelOptions extends TextOrHtml {
  isPageHeading?: boolean;
}

export interface ErrorMessageOptions extends TextOrHtml {
  visuallyHiddenText?: string;
}

export interface FieldOptions {
  id?: string;
  name: string;
  label: LabelOptions;
  hint?: TextOrHtml;
  errorMessage?: ErrorMessageOptions;
  describedBy?: string;
  classes?: string;
  formGroup?: { classes?: string };
  attributes?: Record<string, string>;
}

/** The props every labelled field (Input, Select, Textarea) takes from a fixture's options. */
export function fieldProps(o: FieldOptions) {
  return {
    id: o.id,
    name: o.name,
    className: o.classes,
    label: content(o.label),
    labelClassName: o.label.classes,
    isPageHeading: o.label.isPageHeading,
    hint: o.hint && content(o.hint),
    errorMessage: o.errorMessage && content(o.errorMessage),
    describedBy: o.describedBy,
    formGroupClassName: o.formGroup?.classes,
  };
}
