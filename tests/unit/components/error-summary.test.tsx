import { describe, expect, it } from "vitest";
import { ErrorSummary } from "@/components/govuk";
import { content, expectMarkup, fixture, render } from "./html";

interface ErrorSummaryOptions {
  titleText?: string;
  titleHtml?: string;
  descriptionText?: string;
  descriptionHtml?: string;
  errorList?: Array<{ href?: string; text?: string; html?: string }>;
  classes?: string;
  attributes?: Record<string, string>;
  disableAutoFocus?: boolean;
}

function fromOptions(o: ErrorSummaryOptions) {
  const description =
    o.descriptionHtml !== undefined || o.descriptionText !== undefined
      ? content({ html: o.descriptionHtml, text: o.descriptionText })
      : undefined;
  return (
    <ErrorSummary
      title={content({ html: o.titleHtml, text: o.titleText })}
      description={description}
      errors={(o.errorList ?? []).map((e) => ({ href: e.href, text: content(e) }))}
      className={o.classes}
      disableAutoFocus={o.disableAutoFocus}
      {...o.attributes}
    />
  );
}

describe("ErrorSummary", () => {
  it.each([
    "default",
    "without links",
    "mixed with and without links",
    "with description only",
    "with everything",
    "title html",
    "description",
    "description html",
    "classes",
    "attributes",
    "error list with html",
    "error list with html link",
    "autofocus disabled",
    "autofocus explicitly enabled",
  ])("matches the %s fixture", (name) => {
    const fx = fixture<ErrorSummaryOptions>("error-summary", name);
    expectMarkup(fromOptions(fx.options), fx.html);
  });

  it('defaults the title to "There is a problem"', () => {
    const fx = fixture<ErrorSummaryOptions>("error-summary", "default");
    expectMarkup(
      <ErrorSummary
        errors={[
          { href: "#example-error-1", text: "The date your passport was issued must be in the past" },
          { href: "#example-error-2", text: "Enter a postcode, like AA1 1AA" },
        ]}
      />,
      fx.html,
    );
  });

  it("does not render tabindex (govuk-frontend JS manages it)", () => {
    expect(render(<ErrorSummary errors={[{ href: "#a", text: "A" }]} />)).not.toContain("tabindex");
  });
});
