import { describe, expect, it } from "vitest";
import { Button, type ButtonVariant } from "@/components/govuk";
import { content, expectMarkup, fixture, render } from "./html";

interface ButtonOptions {
  text?: string;
  html?: string;
  href?: string;
  classes?: string;
  name?: string;
  value?: string;
  type?: "button" | "submit" | "reset";
  id?: string;
  disabled?: boolean;
  isStartButton?: boolean;
  preventDoubleClick?: boolean;
  attributes?: Record<string, string | number>;
}

const VARIANTS: ButtonVariant[] = ["secondary", "warning", "inverse"];

function fromOptions(o: ButtonOptions) {
  const variant = VARIANTS.find((v) => o.classes?.split(" ").includes(`govuk-button--${v}`));
  const className = o.classes
    ?.split(" ")
    .filter((c) => c !== `govuk-button--${variant}`)
    .join(" ");
  const common = {
    variant,
    className: className || undefined,
    isStartButton: o.isStartButton,
    id: o.id,
    ...o.attributes,
  };
  if (o.href !== undefined) {
    return (
      <Button href={o.href} {...common}>
        {content(o)}
      </Button>
    );
  }
  return (
    <Button
      {...common}
      name={o.name}
      value={o.value}
      type={o.type}
      disabled={o.disabled}
      preventDoubleClick={o.preventDoubleClick}
    >
      {content(o)}
    </Button>
  );
}

describe("Button", () => {
  it.each([
    "default",
    "disabled",
    "link",
    "start",
    "start link",
    "secondary",
    "secondary disabled",
    "warning",
    "inverse",
    "attributes",
    "link attributes",
    "classes",
    "name",
    "type",
    "value",
    "id",
    "prevent double click",
    "don't prevent double click",
    "no data-prevent-double-click",
  ])("matches the %s fixture", (name) => {
    const fx = fixture<ButtonOptions>("button", name);
    expectMarkup(fromOptions(fx.options), fx.html);
  });

  it("passes form-level attributes through to the button", () => {
    const html = render(
      <Button form="filters" formAction="/x" name="action" value="save" type="submit">
        Save
      </Button>,
    );
    expect(html).toContain('form="filters"');
    expect(html).toContain('formAction="/x"');
  });

  it("wraps non-text start button content in a span", () => {
    expect(
      render(
        <Button isStartButton>
          <>Start <strong>now</strong></>
        </Button>,
      ),
    ).toContain("<span>Start <strong>now</strong></span>");
  });
});
