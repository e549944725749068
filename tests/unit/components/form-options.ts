/** Nunjucks option shapes shared by the form component fixtures. */
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
