import { describe, expect, it } from "vitest";
import { Checkboxes, type CheckboxesItem } from "@/components/govuk";
import { choiceGroupProps, choiceItemProps, type ChoiceGroupOptions, type ChoiceItemOptions } from "./choice-options";
import { content, expectMarkup, fixture, render } from "./html";

interface CheckboxItemOptions extends ChoiceItemOptions {
  name?: string;
  conditional?: { html: string };
  behaviour?: "exclusive";
}

interface CheckboxesOptions extends ChoiceGroupOptions {
  items: Array<CheckboxItemOptions | null | false | "">;
  values?: string[];
}

function toItem(item: CheckboxItemOptions | null | false | ""): CheckboxesItem | null {
  if (!item) return null;
  if (item.divider) return { divider: item.divider };
  return { ...choiceItemProps(item), name: item.name, conditional: item.conditional && content(item.conditional), behaviour: item.behaviour };
}

function fromOptions(o: CheckboxesOptions) {
  return <Checkboxes {...choiceGroupProps(o)} items={o.items.map(toItem)} values={o.values} />;
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
