import { describe, expect, it } from "vitest";
import { Checkboxes, type CheckboxesItem } from "@/components/govuk";
import type { ErrorMessageOptions, LabelOptions, TextOrHtml } from "./form-options";
import { content, expectMarkup, fixture, render } from "./html";

interface CheckboxItemOptions {
  value: string;
  text?: string;
  html?: string;
  id?: string;
  name?: string;
  hint?: TextOrHtml;
  checked?: boolean;
  disabled?: boolean;
  conditional?: { html: string };
  behaviour?: "exclusive";
  label?: { classes?: string };
  divider?: string;
}

interface CheckboxesOptions {
  name: string;
  idPrefix?: string;
  items: Array<CheckboxItemOptions | null | false | "">;
  values?: string[];
  fieldset?: { legend?: LabelOptions; classes?: string; describedBy?: string };
  hint?: TextOrHtml;
  errorMessage?: ErrorMessageOptions;
  describedBy?: string;
  classes?: string;
  formGroup?: { classes?: string };
}

function toItem(item: CheckboxItemOptions | null | false | ""): CheckboxesItem | null {
  if (!item) return null;
  if (item.divider) return { divider: item.divider };
  return {
    value: item.value,
    text: content(item),
    id: item.id,
    name: item.name,
    hint: item.hint && content(item.hint),
    hintClassName: item.hint?.classes,
    checked: item.checked,
    disabled: item.disabled,
    conditional: item.conditional && content(item.conditional),
    behaviour: item.behaviour,
    labelClassName: item.label?.classes,
  };
}

function fromOptions(o: CheckboxesOptions) {
  const legend = o.fieldset?.legend;
  return (
    <Checkboxes
      name={o.name}
      idPrefix={o.idPrefix}
      items={o.items.map(toItem)}
      values={o.values}
      legend={o.fieldset ? (legend ? content(legend) : null) : undefined}
      legendClassName={legend?.classes}
      legendIsPageHeading={legend?.isPageHeading}
      fieldsetClassName={o.fieldset?.classes}
      hint={o.hint && content(o.hint)}
      errorMessage={o.errorMessage && content(o.errorMessage)}
      describedBy={o.fieldset?.describedBy ?? o.describedBy}
      className={o.classes}
      formGroupClassName={o.formGroup?.classes}
    />
  );
}

describe("Checkboxes", () => {
  it.each([
    "default",
    "with hint",
    "with pre-checked values",
    "with divider and None",
    "with divider, None and conditional items",
    "with hints on items",
    "with legend as a page heading",
    "with error message",
    "with conditional items",
    "with optional form-group classes showing group error",
    "small",
    "small with error",
    "small with conditional reveal",
    "with id and name",
    "with disabled item",
    "with idPrefix",
    "with falsy values",
    "classes",
    "with fieldset describedBy",
    "with checked item",
    "with label classes",
    "multiple hints",
    "with error message and hint",
    "with error, hint and fieldset describedBy",
    "with single option set 'aria-describedby' on input, and describedBy",
    "with single option (and hint) set 'aria-describedby' on input, and describedBy",
    "with error and idPrefix",
    "with error message and fieldset describedBy",
    "with conditional item checked",
    "item checked overrides values",
    "textarea in conditional",
  ])("matches the %s fixture", (name) => {
    const fx = fixture<CheckboxesOptions>("checkboxes", name);
    expectMarkup(fromOptions(fx.options), fx.html);
  });

  it("checks items from values and counts dividers in generated ids", () => {
    const html = render(
      <Checkboxes
        name="status"
        legend="Status"
        values={["paid"]}
        items={[{ value: "due", text: "Due" }, { divider: "or" }, { value: "paid", text: "Paid" }]}
      />,
    );
    const input = (id: string) => html.match(new RegExp(`<input [^>]*id="${id}"[^>]*>`))?.[0];
    expect(input("status-3")).toContain('value="paid"');
    expect(input("status-3")).toContain('checked=""');
    expect(input("status")).not.toContain("checked");
  });
});
