import { Fragment, type ReactNode } from "react";
import { Fieldset } from "./fieldset";
import { hintAndError, type HintAndErrorProps } from "./field";
import { Hint } from "./hint";
import { Label } from "./label";
import { cx, describedByIds, hasContent } from "./utils";

export interface CheckboxItem {
  value: string;
  /** Label content. */
  text: ReactNode;
  /** Input id; defaults to `<idPrefix>` for the first item and `<idPrefix>-<n>` after that (n counts every item, dividers included). */
  id?: string;
  /** Overrides the group's `name` for this item. */
  name?: string;
  hint?: ReactNode;
  /** Checked state; when omitted it comes from the group's `values`. `false` wins over `values`. */
  checked?: boolean;
  disabled?: boolean;
  /** Conditionally revealed content (needs govuk-frontend's Checkboxes JS). */
  conditional?: ReactNode;
  /** `"exclusive"` for a "None of these" style option. */
  behaviour?: "exclusive";
  labelClassName?: string;
  hintClassName?: string;
}

export interface CheckboxDivider {
  /** Divider text, e.g. "or". */
  divider: string;
}

export type CheckboxesItem = CheckboxItem | CheckboxDivider;

/** Hint, error, `describedBy` and `formGroupClassName` as for the other fields (`HintAndErrorProps`). */
export interface CheckboxesProps extends HintAndErrorProps {
  name: string;
  /** Prefix for item, hint and error ids; defaults to `name`. */
  idPrefix?: string;
  items: ReadonlyArray<CheckboxesItem | null | undefined | false>;
  /** Values to check. */
  values?: readonly string[];
  /** Legend content; when given the checkboxes are wrapped in a `<fieldset>`. */
  legend?: ReactNode;
  legendClassName?: string;
  legendIsPageHeading?: boolean;
  fieldsetClassName?: string;
  /** Extra classes on `govuk-checkboxes`, e.g. `govuk-checkboxes--small`. */
  className?: string;
}

function isDivider(item: CheckboxesItem): item is CheckboxDivider {
  return "divider" in item && Boolean(item.divider);
}

/** GOV.UK Checkboxes. */
export function Checkboxes({
  name,
  idPrefix: idPrefixProp,
  items,
  values,
  legend,
  legendClassName,
  legendIsPageHeading,
  fieldsetClassName,
  className,
  ...hintAndErrorProps
}: CheckboxesProps) {
  const idPrefix = idPrefixProp || name;
  const hasFieldset = legend !== undefined;
  const chrome = hintAndError(idPrefix, hintAndErrorProps);
  const groupDescribedBy = chrome.describedBy;

  const inner = (
    <>
      {chrome.nodes}
      <div className={cx("govuk-checkboxes", className)} data-module="govuk-checkboxes">
        {items.map((item, index) => {
          if (!item) return null;
          if (isDivider(item)) {
            return (
              <div key={index} className="govuk-checkboxes__divider">
                {item.divider}
              </div>
            );
          }
          const itemId = item.id || (index > 0 ? `${idPrefix}-${index + 1}` : idPrefix);
          const conditionalId = `conditional-${itemId}`;
          const isChecked = item.checked ?? (values ? values.includes(item.value) : false);
          const itemHasHint = hasContent(item.hint);
          const itemHintId = itemHasHint ? `${itemId}-item-hint` : undefined;
          const hasConditional = hasContent(item.conditional);
          return (
            <Fragment key={index}>
              <div className="govuk-checkboxes__item">
                <input
                  className="govuk-checkboxes__input"
                  id={itemId}
                  name={item.name || name}
                  type="checkbox"
                  value={item.value}
                  defaultChecked={isChecked || undefined}
                  disabled={item.disabled || undefined}
                  data-aria-controls={hasConditional ? conditionalId : undefined}
                  data-behaviour={item.behaviour}
                  aria-describedby={describedByIds(hasFieldset ? undefined : groupDescribedBy, itemHintId)}
                />
                <Label htmlFor={itemId} className={cx("govuk-checkboxes__label", item.labelClassName)}>
                  {item.text}
                </Label>
                {itemHasHint ? (
                  <Hint id={itemHintId} className={cx("govuk-checkboxes__hint", item.hintClassName)}>
                    {item.hint}
                  </Hint>
                ) : null}
              </div>
              {hasConditional ? (
                <div
                  className={cx("govuk-checkboxes__conditional", !isChecked && "govuk-checkboxes__conditional--hidden")}
                  id={conditionalId}
                >
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
          describedBy={groupDescribedBy}
        >
          {inner}
        </Fieldset>
      ) : (
        inner
      )}
    </div>
  );
}
