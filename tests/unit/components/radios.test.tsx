import { describe, expect, it } from "vitest";
import { Radios, type RadiosItem } from "@/components/govuk";
import { choiceGroupProps, choiceItemProps, type ChoiceGroupOptions, type ChoiceItemOptions } from "./choice-options";
import { content, expectMarkup, fixture, render } from "./html";

interface RadioItemOptions extends ChoiceItemOptions {
  conditional?: { html: string | false };
}

interface RadiosOptions extends ChoiceGroupOptions {
  items: Array<RadioItemOptions | null | false | "">;
  value?: string;
}

function toItem(item: RadioItemOptions | null | false | ""): RadiosItem | null {
  if (!item) return null;
  if (item.divider) return { divider: item.divider };
  return { ...choiceItemProps(item), conditional: item.conditional?.html ? content({ html: item.conditional.html }) : undefined };
}

function fromOptions(o: RadiosOptions) {
  return <Radios {...choiceGroupProps(o)} items={o.items.map(toItem)} value={o.value} />;
}

describe("Radios", () => {
  it.each([
    "default",
    "with hint",
    "inline",
    "with legend as page heading",
    "with a divider",
    "with hints on items",
    "without fieldset",
    "with fieldset and error message",
    "with very long option text",
    "with conditional items",
    "with conditional item checked",
    "with optional form-group classes showing group error",
    "small",
    "small with long text",
    "small with error",
    "small with hint",
    "small with conditional reveal",
    "small inline",
    "small with a divider",
    "with idPrefix",
    "minimal items and name",
    "with falsy items",
    "fieldset with describedBy",
    "with empty conditional",
    "label with classes",
    "with hints on parent and items",
    "with describedBy and hint",
    "with error message",
    "with error message and idPrefix",
    "with hint and error message",
    "with hint, error message and describedBy",
    "fieldset with html",
    "with fieldset, error message and describedBy",
    "item checked overrides value",
    "textarea in conditional",
    "with disabled",
    "prechecked using value",
    "with conditional items with special characters",
    "with conditional items and pre-checked value",
  ])("matches the %s fixture", (name) => {
    const fx = fixture<RadiosOptions>("radios", name);
    expectMarkup(fromOptions(fx.options), fx.html);
  });

  it("takes react-hook-form's props on every input, and reveals from React when told which value", () => {
    const html = render(
      <Radios
        name="reason"
        legend="Reason"
        revealed="other"
        inputProps={{ name: "form.reason", required: true }}
        items={[
          { value: "moved", text: "Moved school" },
          { divider: "or" },
          { value: "other", text: "Other", conditional: <p>Say why</p> },
        ]}
      />,
    );
    const input = (id: string) => html.match(new RegExp(`<input [^>]*id="${id}"[^>]*>`))?.[0] ?? "";
    expect(input("reason")).toContain('name="form.reason"');
    expect(input("reason")).toContain('required=""');
    expect(input("reason-3")).toContain('aria-controls="conditional-reason-3"');
    expect(input("reason-3")).not.toContain("data-aria-controls");
    expect(html).not.toContain('data-module="govuk-radios"');
    expect(html).toMatch(/<div class="govuk-radios__conditional" id="conditional-reason-3">/);
  });
});
