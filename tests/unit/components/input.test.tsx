import { describe, expect, it } from "vitest";
import { Input } from "@/components/govuk";
import { fieldProps, type FieldOptions, type TextOrHtml } from "./form-options";
import { content, expectMarkup, fixture, render } from "./html";

interface InputOptions extends FieldOptions {
  type?: string;
  value?: string | number;
  disabled?: boolean;
  spellcheck?: boolean;
  autocomplete?: string;
  autocapitalize?: string;
  pattern?: string;
  inputmode?: "decimal" | "numeric" | "text";
  prefix?: TextOrHtml;
  suffix?: TextOrHtml;
  inputWrapper?: { classes?: string };
}

function fromOptions(o: InputOptions) {
  return (
    <Input
      {...fieldProps(o)}
      type={o.type}
      prefix={o.prefix && content(o.prefix)}
      suffix={o.suffix && content(o.suffix)}
      inputWrapperClassName={o.inputWrapper?.classes}
      defaultValue={o.value}
      disabled={o.disabled}
      spellCheck={o.spellcheck}
      autoComplete={o.autocomplete}
      autoCapitalize={o.autocapitalize}
      pattern={o.pattern}
      inputMode={o.inputmode}
      {...o.attributes}
    />
  );
}

describe("Input", () => {
  it.each([
    "default",
    "with hint text",
    "with error message",
    "with error and hint",
    "with width-10 class",
    "with label as page heading",
    "with prefix",
    "with suffix",
    "with prefix and suffix",
    "with prefix and suffix and error",
    "with prefix and suffix and width modifier",
    "with prefix with html",
    "with optional form-group classes",
    "classes",
    "id",
    "custom type",
    "value",
    "zero value",
    "with describedBy",
    "attributes",
    "with error, hint and describedBy",
    "inputmode",
    "with autocomplete attribute",
    "with pattern attribute",
    "with spellcheck enabled",
    "with spellcheck disabled",
    "with autocapitalize turned off",
    "disabled",
  ])("matches the %s fixture", (name) => {
    const fx = fixture<InputOptions>("input", name);
    expectMarkup(fromOptions(fx.options), fx.html);
  });

  it("keeps the space after the visually hidden error prefix", () => {
    const html = render(<Input name="amount" label="Amount" errorMessage="Enter an amount" />);
    expect(html).toContain('<span class="govuk-visually-hidden">Error:</span> Enter an amount');
    expect(html).toContain('aria-describedby="amount-error"');
  });
});
