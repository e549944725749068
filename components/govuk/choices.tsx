// The markup GOV.UK Radios and Checkboxes share (govuk-frontend builds both from the same template
// shape): the form group, the optional fieldset, hint and error, and per item the input, its label,
// its hint and its conditionally revealed content, with ids made the same way. Radios and Checkboxes
// (./radios.tsx, ./checkboxes.tsx) say what differs: the input's type, what is checked and revealed,
// and the input's own attributes.
import { Fragment, type InputHTMLAttributes, type ReactNode, type Ref } from "react";
import { Fieldset } from "./fieldset";
import { hintAndError, type HintAndErrorProps } from "./field";
import { Hint } from "./hint";
import { Label } from "./label";
import { cx, describedByIds, hasContent } from "./utils";

export interface ChoiceItem {
  value: string;
  /** Label content. */
  text: ReactNode;
  /** Input id; defaults to `<idPrefix>` for the first item and `<idPrefix>-<n>` after that (n counts every item, dividers included). */
  id?: string;
  hint?: ReactNode;
  hintClassName?: string;
  disabled?: boolean;
  /** Conditionally revealed content. */
  conditional?: ReactNode;
  labelClassName?: string;
}

export interface ChoiceDivider {
  /** Divider text, e.g. "or". */
  divider: string;
}

/** Attributes a Radios or Checkboxes item adds to its input (name, ARIA and data attributes, form library props). */
export type ChoiceInputAttributes = Omit<InputHTMLAttributes<HTMLInputElement>, "type" | "value" | "id" | "className"> & {
  ref?: Ref<HTMLInputElement>;
  "data-aria-controls"?: string;
  "data-behaviour"?: string;
};

/** Legend, fieldset and group classes, as Radios and Checkboxes take them. */
export interface ChoiceGroupProps extends HintAndErrorProps {
  name: string;
  /** Prefix for item, hint and error ids; defaults to `name`. */
  idPrefix?: string;
  /** Legend content; when given the items are wrapped in a `<fieldset>`. */
  legend?: ReactNode;
  legendClassName?: string;
  legendIsPageHeading?: boolean;
  fieldsetClassName?: string;
  /** Extra classes on `govuk-radios` / `govuk-checkboxes`, e.g. `govuk-radios--small`. */
  className?: string;
}

interface ChoicesProps<I extends ChoiceItem> extends ChoiceGroupProps {
  kind: "radios" | "checkboxes";
  items: ReadonlyArray<I | ChoiceDivider | null | undefined | false>;
  /** Put govuk-frontend's script on the group (`data-module`). */
  withScript: boolean;
  /**
   * Without a fieldset, each input is described by the group's hint and error as well as its own
   * hint (govuk-frontend's Checkboxes); otherwise by its own hint only (its Radios).
   */
  itemsDescribedByGroup: boolean;
  checked: (item: I) => boolean;
  /** Whether the item's conditional content is shown. */
  revealed: (item: I, checked: boolean) => boolean;
  /** The input's own attributes; `conditionalId` when the item has conditional content. */
  inputAttributes: (item: I, conditionalId: string | undefined) => ChoiceInputAttributes;
}

function isDivider(item: ChoiceItem | ChoiceDivider): item is ChoiceDivider {
  return "divider" in item && Boolean(item.divider);
}

/** GOV.UK Radios or Checkboxes markup. */
export function Choices<I extends ChoiceItem>({
  kind,
  name,
  idPrefix: idPrefixProp,
  items,
  legend,
  legendClassName,
  legendIsPageHeading,
  fieldsetClassName,
  className,
  withScript,
  itemsDescribedByGroup,
  checked,
  revealed,
  inputAttributes,
  ...hintAndErrorProps
}: ChoicesProps<I>) {
  const idPrefix = idPrefixProp || name;
  const hasFieldset = legend !== undefined;
  const chrome = hintAndError(idPrefix, hintAndErrorProps);
  const type = kind === "radios" ? "radio" : "checkbox";

  const inner = (
    <>
      {chrome.nodes}
      <div className={cx(`govuk-${kind}`, className)} data-module={withScript ? `govuk-${kind}` : undefined}>
        {items.map((item, index) => {
          if (!item) return null;
          if (isDivider(item)) {
            return (
              <div key={index} className={`govuk-${kind}__divider`}>
                {item.divider}
              </div>
            );
          }
          const itemId = item.id || (index > 0 ? `${idPrefix}-${index + 1}` : idPrefix);
          const hasConditional = hasContent(item.conditional);
          const conditionalId = hasConditional ? `conditional-${itemId}` : undefined;
          const isChecked = checked(item);
          const itemHintId = hasContent(item.hint) ? `${itemId}-item-hint` : undefined;
          return (
            <Fragment key={index}>
              <div className={`govuk-${kind}__item`}>
                <input
                  {...inputAttributes(item, conditionalId)}
                  className={`govuk-${kind}__input`}
                  id={itemId}
                  type={type}
                  value={item.value}
                  defaultChecked={isChecked || undefined}
                  disabled={item.disabled || undefined}
                  aria-describedby={describedByIds(hasFieldset || !itemsDescribedByGroup ? undefined : chrome.describedBy, itemHintId)}
                />
                <Label htmlFor={itemId} className={cx(`govuk-${kind}__label`, item.labelClassName)}>
                  {item.text}
                </Label>
                {itemHintId ? (
                  <Hint id={itemHintId} className={cx(`govuk-${kind}__hint`, item.hintClassName)}>
                    {item.hint}
                  </Hint>
                ) : null}
              </div>
              {conditionalId ? (
                <div className={cx(`govuk-${kind}__conditional`, !revealed(item, isChecked) && `govuk-${kind}__conditional--hidden`)} id={conditionalId}>
                  {item.conditional}
                </div>
              ) : null}
            </Fragment>
          );
        })}
      </div>
    </>
  );

  return (
    <div className={chrome.formGroupClassName}>
      {hasFieldset ? (
        <Fieldset
          legend={legend}
          legendClassName={legendClassName}
          legendIsPageHeading={legendIsPageHeading}
          className={fieldsetClassName}
          describedBy={chrome.describedBy}
        >
          {inner}
        </Fieldset>
      ) : (
        inner
      )}
    </div>
  );
}
