import { Fragment, type InputHTMLAttributes, type ReactNode, type Ref } from "react";
import { Fieldset } from "./fieldset";
import { hintAndError, type HintAndErrorProps } from "./field";
import { Hint } from "./hint";
import { Label } from "./label";
import { cx, describedByIds, hasContent } from "./utils";

export interface RadioItem {
  value: string;
  /** Label content. */
  text: ReactNode;
  /** Input id; defaults to `<idPrefix>` for the first item and `<idPrefix>-<n>` after that (n counts every item, dividers included). */
  id?: string;
  hint?: ReactNode;
  disabled?: boolean;
  /**
   * Conditionally revealed content. govuk-frontend's Radios script hides it until the item is
   * chosen; without JavaScript it is always shown (the hiding class only applies to a supported browser).
   */
  conditional?: ReactNode;
  labelClassName?: string;
}

export interface RadioDivider {
  /** Divider text, e.g. "or". */
  divider: string;
}

export type RadiosItem = RadioItem | RadioDivider;

/** Props spread onto every input, e.g. react-hook-form's `register(name)` (name, ref, onChange, onBlur). */
export type RadioInputProps = Omit<InputHTMLAttributes<HTMLInputElement>, "type" | "value" | "id" | "className"> & { ref?: Ref<HTMLInputElement> };

/** Hint, error, `describedBy` and `formGroupClassName` as for the other fields (`HintAndErrorProps`). */
export interface RadiosProps extends HintAndErrorProps {
  name: string;
  /** Prefix for item, hint and error ids; defaults to `name`. */
  idPrefix?: string;
  items: ReadonlyArray<RadiosItem | null | undefined | false>;
  /** The chosen value. */
  value?: string;
  /** Legend content; when given the radios are wrapped in a `<fieldset>`. */
  legend?: ReactNode;
  legendClassName?: string;
  legendIsPageHeading?: boolean;
  fieldsetClassName?: string;
  /** Extra classes on `govuk-radios`, e.g. `govuk-radios--small`. */
  className?: string;
  inputProps?: RadioInputProps;
  /**
   * Reveal conditional content from React instead of govuk-frontend's Radios script: the value
   * whose content is shown. govuk-frontend 6 sets `aria-expanded` on each radio, which ARIA does
   * not allow on a radio (axe: aria-allowed-attr); with this the inputs carry only `aria-controls`.
   * Without JavaScript every conditional is shown either way.
   */
  revealed?: string;
}

function isDivider(item: RadiosItem): item is RadioDivider {
  return "divider" in item && Boolean(item.divider);
}

/** GOV.UK Radios. */
export function Radios({
  name,
  idPrefix: idPrefixProp,
  items,
  value,
  legend,
  legendClassName,
  legendIsPageHeading,
  fieldsetClassName,
  className,
  inputProps,
  revealed,
  ...hintAndErrorProps
}: RadiosProps) {
  const controlled = revealed !== undefined;
  const idPrefix = idPrefixProp || name;
  const hasFieldset = legend !== undefined;
  const chrome = hintAndError(idPrefix, hintAndErrorProps);

  const inner = (
    <>
      {chrome.nodes}
      <div className={cx("govuk-radios", className)} data-module={controlled ? undefined : "govuk-radios"}>
        {items.map((item, index) => {
          if (!item) return null;
          if (isDivider(item)) {
            return (
              <div key={index} className="govuk-radios__divider">
                {item.divider}
              </div>
            );
          }
          const itemId = item.id || (index > 0 ? `${idPrefix}-${index + 1}` : idPrefix);
          const conditionalId = `conditional-${itemId}`;
          const isChecked = value !== undefined && value === item.value;
          const isRevealed = controlled ? revealed === item.value : isChecked;
          const itemHasHint = hasContent(item.hint);
          const itemHintId = itemHasHint ? `${itemId}-item-hint` : undefined;
          const hasConditional = hasContent(item.conditional);
          return (
            <Fragment key={index}>
              <div className="govuk-radios__item">
                <input
                  {...inputProps}
                  className="govuk-radios__input"
                  id={itemId}
                  name={inputProps?.name ?? name}
                  type="radio"
                  value={item.value}
                  defaultChecked={isChecked || undefined}
                  disabled={item.disabled || undefined}
                  data-aria-controls={hasConditional && !controlled ? conditionalId : undefined}
                  aria-controls={hasConditional && controlled ? conditionalId : undefined}
                  aria-describedby={describedByIds(hasFieldset ? undefined : chrome.describedBy, itemHintId)}
                />
                <Label htmlFor={itemId} className={cx("govuk-radios__label", item.labelClassName)}>
                  {item.text}
                </Label>
                {itemHasHint ? (
                  <Hint id={itemHintId} className="govuk-radios__hint">
                    {item.hint}
                  </Hint>
                ) : null}
              </div>
              {hasConditional ? (
                <div className={cx("govuk-radios__conditional", !isRevealed && "govuk-radios__conditional--hidden")} id={conditionalId}>
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
