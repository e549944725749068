import { describe, it } from "vitest";
import { Textarea } from "@/components/govuk";
import { fieldProps, type FieldOptions } from "./form-options";
import { expectMarkup, fixture } from "./html";

interface TextareaOptions extends FieldOptions {
  rows?: number;
  value?: string;
  spellcheck?: boolean;
  autocomplete?: string;
  disabled?: boolean;
}

function fromOptions(o: TextareaOptions) {
  return (
    <Textarea
      {...fieldProps(o)}
      rows={o.rows}
      defaultValue={o.value}
      spellCheck={o.spellcheck}
      autoComplete={o.autocomplete}
      {...o.attributes}
    />
  );
}

describe("Textarea", () => {
  it.each([
    "default",
    "with hint",
    "with error message",
    "with default value",
    "with custom rows",
    "with label as page heading",
    "id",
    "classes",
    "attributes",
    "with describedBy",
    "with hint and error message",
    "with hint, error message and described by",
    "with optional form-group classes",
    "with autocomplete attribute",
    "with spellcheck enabled",
    "with spellcheck disabled",
  ])("matches the %s fixture", (name) => {
    const fx = fixture<TextareaOptions>("textarea", name);
    expectMarkup(fromOptions(fx.options), fx.html);
  });
});
