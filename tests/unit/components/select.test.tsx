import { describe, expect, it } from "vitest";
import { Select, type SelectItem } from "@/components/govuk";
import { fieldProps, type FieldOptions } from "./form-options";
import { expectMarkup, fixture, render } from "./html";

interface SelectOptions extends FieldOptions {
  items: Array<(Omit<SelectItem, "value"> & { value?: string | number }) | null | false | "">;
  value?: string | number;
  disabled?: boolean;
}

function fromOptions(o: SelectOptions) {
  return (
    <Select
      {...fieldProps(o)}
      items={o.items.map((item) => item || null)}
      defaultValue={o.value}
      disabled={o.disabled}
      {...o.attributes}
    />
  );
}

describe("Select", () => {
  it.each([
    "default",
    "with hint text and error message",
    "with label as page heading",
    "with full width override",
    "with describedBy",
    "attributes",
    "with falsy items",
    "hint and describedBy",
    "error and describedBy",
    "without values",
    "without values with selected value",
    "with falsy values",
    "item selected overrides value",
    "id",
    "with selected value",
    "with optional form-group classes",
  ])("matches the %s fixture", (name) => {
    const fx = fixture<SelectOptions>("select", name);
    expectMarkup(fromOptions(fx.options), fx.html);
  });

  it("selects the option matching defaultValue", () => {
    const html = render(
      <Select
        name="year"
        label="Year"
        defaultValue="2025"
        items={[
          { value: "2024", text: "2024" },
          { value: "2025", text: "2025" },
        ]}
      />,
    );
    expect(html).toContain('<option value="2025" selected="">2025</option>');
    expect(html).toContain('<option value="2024">2024</option>');
  });
});
