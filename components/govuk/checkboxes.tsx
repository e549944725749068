import { Choices, type ChoiceDivider, type ChoiceGroupProps, type ChoiceItem } from "./choices";

export interface CheckboxItem extends ChoiceItem {
  /** Overrides the group's `name` for this item. */
  name?: string;
  /** Checked state; when omitted it comes from the group's `values`. `false` wins over `values`. */
  checked?: boolean;
  /** `"exclusive"` for a "None of these" style option. */
  behaviour?: "exclusive";
}

export type CheckboxDivider = ChoiceDivider;

export type CheckboxesItem = CheckboxItem | CheckboxDivider;

/** Legend, hint, error, `describedBy` and `formGroupClassName` as for Radios (`ChoiceGroupProps`). */
export interface CheckboxesProps extends ChoiceGroupProps {
  items: ReadonlyArray<CheckboxesItem | null | undefined | false>;
  /** Values to check. */
  values?: readonly string[];
}

/** GOV.UK Checkboxes (conditional content needs govuk-frontend's Checkboxes script). */
export function Checkboxes({ values, ...group }: CheckboxesProps) {
  return (
    <Choices<CheckboxItem>
      {...group}
      kind="checkboxes"
      itemsDescribedByGroup
      withScript
      checked={(item) => item.checked ?? (values ? values.includes(item.value) : false)}
      revealed={(_, checked) => checked}
      inputAttributes={(item, conditionalId) => ({ name: item.name || group.name, "data-aria-controls": conditionalId, "data-behaviour": item.behaviour })}
    />
  );
}
