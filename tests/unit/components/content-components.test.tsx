import { describe, expect, it } from "vitest";
import {
  BackLink,
  Details,
  GenericHeader,
  InsetText,
  PageShell,
  Panel,
  PhaseBanner,
  SkipLink,
  Tag,
  WarningText,
  type TagColour,
} from "@/components/govuk";
import type { TextOrHtml } from "./form-options";
import { content, expectMarkup, fixture, render } from "./html";

type Options = TextOrHtml & { id?: string; href?: string };

const TAG_COLOURS: TagColour[] = ["green", "purple", "red", "orange", "teal", "magenta", "yellow", "grey"];

describe("Tag", () => {
  it.each(["default", "grey", "turquoise", "green", "purple", "pink", "red", "orange", "yellow", "attributes", "html as text", "html"])(
    "matches the %s fixture",
    (name) => {
      const { options: o, html } = fixture<Options>("tag", name);
      const colour = TAG_COLOURS.find((c) => o.classes === `govuk-tag--${c}`);
      expectMarkup(
        <Tag colour={colour} {...o.attributes}>
          {content(o)}
        </Tag>,
        html,
      );
    },
  );

  it("accepts text instead of children", () => {
    expect(render(<Tag text="Paid" colour="green" />)).toBe('<strong class="govuk-tag govuk-tag--green">Paid</strong>');
  });
});

describe("BackLink", () => {
  it.each(["default", "inverse", "classes", "html as text", "html", "with custom text and link", "attributes"])(
    "matches the %s fixture",
    (name) => {
      const { options: o, html } = fixture<Options>("back-link", name);
      expectMarkup(
        <BackLink href={o.href} className={o.classes} {...o.attributes}>
          {content(o)}
        </BackLink>,
        html,
      );
    },
  );

  it('defaults the text to "Back"', () => {
    expect(render(<BackLink href="/statements" />)).toBe('<a href="/statements" class="govuk-back-link">Back</a>');
  });
});

describe("Details", () => {
  it.each(["default", "expanded", "id", "html as text", "html", "summary html", "classes", "attributes", "with html"])(
    "matches the %s fixture",
    (name) => {
      const { options: o, html } = fixture<Options & { summaryText?: string; summaryHtml?: string; open?: boolean }>(
        "details",
        name,
      );
      expectMarkup(
        <Details
          id={o.id}
          summary={content({ html: o.summaryHtml, text: o.summaryText })}
          open={o.open}
          className={o.classes}
          {...o.attributes}
        >
          {content(o)}
        </Details>,
        html,
      );
    },
  );
});

describe("Panel", () => {
  it.each(["default", "title html as text", "title html", "body html", "classes", "attributes", "title with no body text", "custom heading level"])(
    "matches the %s fixture",
    (name) => {
      const { options: o, html } = fixture<Options & { titleText?: string; titleHtml?: string; headingLevel?: 1 | 2 | 3 }>(
        "panel",
        name,
      );
      expectMarkup(
        <Panel
          title={content({ html: o.titleHtml, text: o.titleText })}
          headingLevel={o.headingLevel}
          className={o.classes}
          {...o.attributes}
        >
          {content(o)}
        </Panel>,
        html,
      );
    },
  );

  // Panel actions are not implemented, so the interruption fixtures with actions are left out.
  it.each(["interruption with custom classes", "interruption, no actions"])(
    "matches the %s fixture (without actions)",
    (name) => {
      const { options: o, html } = fixture<Options & { titleText?: string; titleHtml?: string }>("panel", name);
      expectMarkup(
        <Panel title={content({ html: o.titleHtml, text: o.titleText })} className={o.classes}>
          {content(o)}
        </Panel>,
        html,
      );
    },
  );
});

describe("InsetText", () => {
  it.each(["default", "with html", "classes", "id", "html as text", "attributes"])("matches the %s fixture", (name) => {
    const { options: o, html } = fixture<Options>("inset-text", name);
    expectMarkup(
      <InsetText id={o.id} className={o.classes} {...o.attributes}>
        {content(o)}
      </InsetText>,
      html,
    );
  });
});

describe("WarningText", () => {
  it.each(["default", "multiple lines", "attributes", "classes", "html", "html as text", "icon fallback text only", "no icon fallback text"])(
    "matches the %s fixture",
    (name) => {
      const { options: o, html } = fixture<Options & { iconFallbackText?: string }>("warning-text", name);
      expectMarkup(
        <WarningText iconFallbackText={o.iconFallbackText} className={o.classes} {...o.attributes}>
          {content(o)}
        </WarningText>,
        html,
      );
    },
  );

  it("separates the fallback text from the warning", () => {
    expect(render(<WarningText>Check the totals</WarningText>)).toContain(
      '<span class="govuk-visually-hidden">Warning</span> Check the totals',
    );
  });
});

describe("PhaseBanner", () => {
  it.each(["default", "classes", "text", "html as text", "attributes", "tag html", "tag classes"])(
    "matches the %s fixture",
    (name) => {
      const { options: o, html } = fixture<Options & { tag?: TextOrHtml }>("phase-banner", name);
      expectMarkup(
        <PhaseBanner tag={o.tag && content(o.tag)} tagClassName={o.tag?.classes} className={o.classes} {...o.attributes}>
          {content(o)}
        </PhaseBanner>,
        html,
      );
    },
  );

  it("can leave out govuk-width-container", () => {
    expectMarkup(
      <PhaseBanner tag="Beta" widthContainer={false}>
        New service
      </PhaseBanner>,
      `<div class="govuk-phase-banner"><p class="govuk-phase-banner__content">
        <strong class="govuk-tag govuk-phase-banner__content__tag">Beta</strong>
        <span class="govuk-phase-banner__text">New service</span></p></div>`,
    );
  });
});

describe("GenericHeader", () => {
  it.each(["default", "with image logo", "with text and image logo", "full width", "attributes", "classes", "custom url"])(
    "matches the %s fixture",
    (name) => {
      const { options: o, html } = fixture<{
        logoText?: string;
        logoHtml?: string;
        url?: string;
        containerClasses?: string;
        classes?: string;
        attributes?: Record<string, string>;
      }>("generic-header", name);
      expectMarkup(
        <GenericHeader
          logoText={content({ html: o.logoHtml, text: o.logoText })}
          url={o.url}
          containerClassName={o.containerClasses}
          className={o.classes}
          {...o.attributes}
        />,
        html,
      );
    },
  );

  it("renders a plain homepage link with no crown or logotype", () => {
    const html = render(<GenericHeader logoText="Department for Education" />);
    expect(html).not.toContain("<svg");
    expect(html).toContain('<a href="/" class="govuk-generic-header__homepage-link">Department for Education</a>');
  });
});

describe("SkipLink", () => {
  it.each(["default", "custom href", "custom text", "html as text", "html", "classes", "attributes"])(
    "matches the %s fixture",
    (name) => {
      const { options: o, html } = fixture<Options>("skip-link", name);
      expectMarkup(
        // Our default href is "#main-content" (PageShell's <main> id); the template's is "#content".
        <SkipLink href={o.href ?? "#content"} className={o.classes} {...o.attributes}>
          {content(o)}
        </SkipLink>,
        html,
      );
    },
  );

  it("defaults to #main-content", () => {
    expect(render(<SkipLink />)).toBe(
      '<a href="#main-content" class="govuk-skip-link" data-module="govuk-skip-link">Skip to main content</a>',
    );
  });
});

describe("PageShell", () => {
  it("wraps content in the width container and main wrapper", () => {
    expectMarkup(
      <PageShell beforeContent={<BackLink href="/" />}>
        <h1 className="govuk-heading-l">Statements</h1>
      </PageShell>,
      `<div class="govuk-width-container">
        <a href="/" class="govuk-back-link">Back</a>
        <main class="govuk-main-wrapper" id="main-content"><h1 class="govuk-heading-l">Statements</h1></main>
      </div>`,
    );
  });
});
