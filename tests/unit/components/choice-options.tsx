// The Nunjucks options Radios and Checkboxes fixtures share, mapped to the props the two components
// share (ChoiceGroupProps, components/govuk/choices.tsx).
import type { ChoiceGroupProps } from "@/components/govuk";
import type { ErrorMessageOptions, LabelOptions, TextOrHtml } from "./form-options";
import { content } from "./html";

export interface ChoiceItemOptions {
  value: string;
  text?: string;
  html?: string;
  id?: string;
  hint?: TextOrHtml;
  checked?: boolean;
  disabled?: boolean;
  label?: { classes?: string };
  divider?: string;
}

export interface ChoiceGroupOptions {
  name: string;
  idPrefix?: string;
  fieldset?: { legend?: LabelOptions; classes?: string; describedBy?: string };
  hint?: TextOrHtml;
  errorMessage?: ErrorMessageOptions;
  describedBy?: string;
  classes?: string;
  formGroup?: { classes?: string };
}

export function choiceGroupProps(o: ChoiceGroupOptions): ChoiceGroupProps {
  const legend = o.fieldset?.legend;
  return {
    name: o.name,
    idPrefix: o.idPrefix,
    legend: o.fieldset ? (legend ? content(legend) : null) : undefined,
    legendClassName: legend?.classes,
    legendIsPageHeading: legend?.isPageHeading,
    fieldsetClassName: o.fieldset?.classes,
    hint: o.hint && content(o.hint),
    errorMessage: o.errorMessage && content(o.errorMessage),
    describedBy: o.fieldset?.describedBy ?? o.describedBy,
    className: o.classes,
    formGroupClassName: o.formGroup?.classes,
  };
}

/** What every item option maps to, whichever the component. */
export function choiceItemProps(item: ChoiceItemOptions) {
  return {
    value: item.value,
    text: content(item),
    id: item.id,
    hint: item.hint && content(item.hint),
    hintClassName: item.hint?.classes,
    checked: item.checked,
    disabled: item.disabled,
    labelClassName: item.label?.classes,
  };
}
