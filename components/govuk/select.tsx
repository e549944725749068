import type { Ref, SelectHTMLAttributes } from "react";
import { fieldChrome, splitFieldProps, type FieldProps } from "./field";
import { cx } from "./utils";

export interface SelectItem {
  /** Option value. When omitted the option has no `value` attribute and its text is its value. */
  value?: string | number;
  text: string;
  selected?: boolean;
  disabled?: boolean;
}

export interface SelectProps
  extends FieldProps,
    Omit<SelectHTMLAttributes<HTMLSelectElement>, "className" | "children" | "name" | "id" | "defaultValue"> {
  /** Field name; also the id when `id` is not given. */
  name: string;
  id?: string;
  /** Forwarded to the <select> (React 19 ref-as-prop), e.g. from react-hook-form's `register()`. */
  ref?: Ref<HTMLSelectElement>;
  items: ReadonlyArray<SelectItem | null | undefined | false>;
  /** Initially selected value (an item's `selected` takes precedence, and `selected: false` opts an item out). */
  defaultValue?: string | number;
  /** Extra select classes, e.g. `govuk-!-width-full`. */
  className?: string;
}

function effectiveValue(item: SelectItem): string {
  return String(item.value ?? item.text);
}

/**
 * Works out the select's initial value the way the template decides `selected`:
 * an explicit `selected: true` wins, otherwise the item matching `defaultValue`
 * unless that item says `selected: false`.
 */
function initialValue(items: SelectItem[], defaultValue: string | number | undefined): string | undefined {
  const explicit = items.find((item) => item.selected === true);
  if (explicit) return effectiveValue(explicit);
  if (defaultValue === undefined || defaultValue === "") return undefined;
  const wanted = String(defaultValue);
  const match = items.find((item) => effectiveValue(item) === wanted && item.selected !== false);
  return match ? wanted : undefined;
}

/** GOV.UK Select. */
export function Select(props: SelectProps) {
  const [field, { name, id: idProp, items, defaultValue, className, ...attributes }] = splitFieldProps(props);
  const id = idProp || name;
  const chrome = fieldChrome(id, field, attributes["aria-describedby"]);
  const options = items.filter((item): item is SelectItem => Boolean(item));
  // A controlled `value` (client usage) takes over from the computed initial value.
  const selectValue = attributes.value === undefined ? { defaultValue: initialValue(options, defaultValue) } : {};

  return (
    <div className={chrome.formGroupClassName}>
      {chrome.nodes}
      <select
        {...selectValue}
        {...attributes}
        className={cx("govuk-select", className, chrome.hasError && "govuk-select--error")}
        id={id}
        name={name}
        aria-describedby={chrome.describedBy}
      >
        {options.map((item, index) => (
          <option key={index} value={item.value} disabled={item.disabled || undefined}>
            {item.text}
          </option>
        ))}
      </select>
    </div>
  );
}
