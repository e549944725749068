import { describe, it } from "vitest";
import { ErrorMessage, Fieldset, Hint, Label } from "@/components/govuk";
import type { ErrorMessageOptions, LabelOptions, TextOrHtml } from "./form-options";
import { content, expectMarkup, fixture } from "./html";

interface FieldsetOptions {
  legend?: LabelOptions;
  classes?: string;
  role?: string;
  describedBy?: string;
  attributes?: Record<string, string>;
  html?: string;
}

describe("Fieldset", () => {
  it.each([
    "default",
    "styled as xl text",
    "styled as medium text",
    "as page heading l",
    "as page heading without class",
    "html fieldset content",
    "with describedBy",
    "html",
    "legend classes",
    "classes",
    "role",
    "attributes",
  ])("matches the %s fixture", (name) => {
    const { options: o, html } = fixture<FieldsetOptions>("fieldset", name);
    expectMarkup(
      <Fieldset
        legend={o.legend && content(o.legend)}
        legendClassName={o.legend?.classes}
        legendIsPageHeading={o.legend?.isPageHeading}
        className={o.classes}
        role={o.role}
        describedBy={o.describedBy}
        {...o.attributes}
      >
        {o.html !== undefined ? content({ html: o.html }) : null}
      </Fieldset>,
      html,
    );
  });
});

describe("Label", () => {
  it.each(["default", "with bold text", "styled as large text", "as page heading l", "as page heading without class", "classes", "html", "for", "attributes"])(
    "matches the %s fixture",
    (name) => {
      const { options: o, html } = fixture<LabelOptions & { for?: string }>("label", name);
      expectMarkup(
        <Label htmlFor={o.for} className={o.classes} isPageHeading={o.isPageHeading} {...o.attributes}>
          {content(o)}
        </Label>,
        html,
      );
    },
  );
});

describe("Hint", () => {
  it.each(["default", "with html", "classes", "id", "attributes"])("matches the %s fixture", (name) => {
    const { options: o, html } = fixture<TextOrHtml & { id?: string }>("hint", name);
    expectMarkup(
      <Hint id={o.id} className={o.classes} {...o.attributes}>
        {content(o)}
      </Hint>,
      html,
    );
  });
});

describe("ErrorMessage", () => {
  it.each(["default", "translated", "id", "classes", "html", "attributes", "with visually hidden text", "visually hidden text removed"])(
    "matches the %s fixture",
    (name) => {
      const { options: o, html } = fixture<ErrorMessageOptions & { id?: string }>("error-message", name);
      expectMarkup(
        <ErrorMessage id={o.id} className={o.classes} visuallyHiddenText={o.visuallyHiddenText} {...o.attributes}>
          {content(o)}
        </ErrorMessage>,
        html,
      );
    },
  );
});
