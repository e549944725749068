import type { ReactNode } from "react";
import { Choices, type ChoiceDivider, type ChoiceGroupProps, type ChoiceInputAttributes, type ChoiceItem } from "./choices";

export interface RadioItem extends ChoiceItem {
  /** Checked state; when omitted it comes from the group's `value`. `false` wins over `value`. */
  checked?: boolean;
  /**
   * Conditionally revealed content. govuk-frontend's Radios script hides it until the item is
   * chosen; without JavaScript it is always shown (the hiding class only applies to a supported browser).
   */
  conditional?: ReactNode;
}

export type RadioDivider = ChoiceDivider;

export type RadiosItem = RadioItem | RadioDivider;

/** Props spread onto every input, e.g. react-hook-form's `register(name)` (name, ref, onChange, onBlur). */
export type RadioInputProps = Omit<ChoiceInputAttributes, "data-aria-controls" | "data-behaviour">;

/** Legend, hint, error, `describedBy` and `formGroupClassName` as for Checkboxes (`ChoiceGroupProps`). */
export interface RadiosProps extends ChoiceGroupProps {
  items: ReadonlyArray<RadiosItem | null | undefined | false>;
  /** The chosen value. */
  value?: string;
  inputProps?: RadioInputProps;
  /**
   * Reveal conditional content from React instead of govuk-frontend's Radios script: the value
   * whose content is shown. govuk-frontend 6 sets `aria-expanded` on each radio, which ARIA does
   * not allow on a radio (axe: aria-allowed-attr); with this the inputs carry only `aria-controls`.
   * Without JavaScript every conditional is shown either way.
   */
  revealed?: string;
}

/** GOV.UK Radios. */
export function Radios({ value, inputProps, revealed, ...group }: RadiosProps) {
  const controlled = revealed !== undefined;
  return (
    <Choices<RadioItem>
      {...group}
      kind="radios"
      itemsDescribedByGroup={false}
      withScript={!controlled}
      checked={(item) => item.checked ?? (value !== undefined && value === item.value)}
      revealed={(item, checked) => (controlled ? revealed === item.value : checked)}
      inputAttributes={(_, conditionalId) => ({
        ...inputProps,
        name: inputProps?.name ?? group.name,
        ...(controlled ? { "aria-controls": conditionalId } : { "data-aria-controls": conditionalId }),
      })}
    />
  );
}
