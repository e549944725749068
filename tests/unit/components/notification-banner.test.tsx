import { describe, it } from "vitest";
import { NotificationBanner } from "@/components/govuk";
import { content, expectMarkup, fixture } from "./html";

interface NotificationBannerOptions {
  type?: "success";
  text?: string;
  html?: string;
  titleText?: string;
  titleHtml?: string;
  titleId?: string;
  titleHeadingLevel?: 1 | 2 | 3 | 4 | 5 | 6;
  role?: string;
  classes?: string;
  attributes?: Record<string, string>;
  disableAutoFocus?: boolean;
}

function fromOptions(o: NotificationBannerOptions) {
  const title =
    o.titleHtml !== undefined || o.titleText !== undefined ? content({ html: o.titleHtml, text: o.titleText }) : undefined;
  return (
    <NotificationBanner
      type={o.type}
      title={title}
      titleId={o.titleId}
      titleHeadingLevel={o.titleHeadingLevel}
      heading={o.html === undefined ? o.text : undefined}
      role={o.role}
      className={o.classes}
      disableAutoFocus={o.disableAutoFocus}
      {...o.attributes}
    >
      {o.html !== undefined ? content({ html: o.html }) : null}
    </NotificationBanner>
  );
}

describe("NotificationBanner", () => {
  it.each([
    "default",
    "with text as html",
    "with type as success",
    "with long heading",
    "with lots of content",
    "custom title",
    "title as html",
    "custom title heading level",
    "custom title id",
    "custom title id with type as success",
    "html as text",
    "custom role",
    "classes",
    "attributes",
    "with invalid type",
    "auto-focus disabled, with type as success",
    "auto-focus explicitly enabled, with type as success",
    "role=alert overridden to role=region, with type as success",
  ])("matches the %s fixture", (name) => {
    const fx = fixture<NotificationBannerOptions>("notification-banner", name);
    expectMarkup(fromOptions(fx.options), fx.html);
  });

  it("renders a heading followed by children", () => {
    expectMarkup(
      <NotificationBanner type="success" heading="Statement approved">
        <p className="govuk-body">It will be paid on 1 May.</p>
      </NotificationBanner>,
      `<div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="govuk-notification-banner-title" data-module="govuk-notification-banner">
        <div class="govuk-notification-banner__header">
          <h2 class="govuk-notification-banner__title" id="govuk-notification-banner-title">Success</h2>
        </div>
        <div class="govuk-notification-banner__content">
          <p class="govuk-notification-banner__heading">Statement approved</p>
          <p class="govuk-body">It will be paid on 1 May.</p>
        </div>
      </div>`,
    );
  });
});
