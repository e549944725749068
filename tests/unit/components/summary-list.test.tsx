import { describe, expect, it } from "vitest";
import { SummaryCard, SummaryList, type SummaryListAction, type SummaryListRow } from "@/components/govuk";
import type { TextOrHtml } from "./form-options";
import { content, expectMarkup, fixture, render } from "./html";

interface ActionOptions extends TextOrHtml {
  href: string;
  visuallyHiddenText?: string;
}

interface RowOptions {
  key: TextOrHtml;
  value: TextOrHtml;
  actions?: { items: ActionOptions[]; classes?: string };
  classes?: string;
}

interface SummaryListOptions {
  rows: Array<RowOptions | null | false | "">;
  classes?: string;
  attributes?: Record<string, string>;
  card?: {
    title?: TextOrHtml & { headingLevel?: 1 | 2 | 3 | 4 | 5 | 6 };
    actions?: { items: ActionOptions[]; classes?: string };
    classes?: string;
    attributes?: Record<string, string>;
  };
}

const toAction = (a: ActionOptions): SummaryListAction => ({
  href: a.href,
  text: content(a),
  visuallyHiddenText: a.visuallyHiddenText,
  className: a.classes,
});

const toRow = (row: RowOptions | null | false | ""): SummaryListRow | null =>
  row
    ? {
        key: content(row.key),
        keyClassName: row.key.classes,
        value: content(row.value),
        valueClassName: row.value.classes,
        actions: row.actions?.items.map(toAction),
        actionsClassName: row.actions?.classes,
        className: row.classes,
      }
    : null;

function fromOptions(o: SummaryListOptions) {
  const rows = o.rows.map(toRow);
  if (o.card) {
    const { card } = o;
    return (
      <SummaryCard
        title={card.title && content(card.title)}
        titleHeadingLevel={card.title?.headingLevel}
        titleClassName={card.title?.classes}
        actions={card.actions?.items.map(toAction)}
        actionsClassName={card.actions?.classes}
        className={card.classes}
        rows={rows}
        listClassName={o.classes}
        {...card.attributes}
      />
    );
  }
  return <SummaryList rows={rows} className={o.classes} {...o.attributes} />;
}

describe("SummaryList", () => {
  it.each([
    "default",
    "with actions",
    "with some actions",
    "no-border",
    "no-border on last row",
    "extreme",
    "attributes",
    "with falsy values",
    "key with html",
    "key with classes",
    "value with html",
    "actions href",
    "actions with html",
    "actions with classes",
    "single action with anchor",
    "classes on items",
    "empty items array",
    "rows with classes",
    "translated",
    "overridden-widths",
  ])("matches the %s fixture", (name) => {
    const fx = fixture<SummaryListOptions>("summary-list", name);
    expectMarkup(fromOptions(fx.options), fx.html);
  });

  it("keeps the leading space in the visually hidden action text", () => {
    const html = render(
      <SummaryList rows={[{ key: "Name", value: "Ada", actions: [{ href: "/x", text: "Change", visuallyHiddenText: "name" }] }]} />,
    );
    expect(html).toContain('<a class="govuk-link" href="/x">Change<span class="govuk-visually-hidden"> name</span></a>');
  });

  it("marks rows without actions as no-actions only when another row has actions", () => {
    const html = render(
      <SummaryList
        rows={[
          { key: "A", value: "1", actions: [{ href: "#", text: "Change" }] },
          { key: "B", value: "2" },
          { key: "C", value: "3", actions: [] },
        ]}
      />,
    );
    expect(html.match(/govuk-summary-list__row--no-actions/g)).toHaveLength(2);
    expect(render(<SummaryList rows={[{ key: "B", value: "2" }]} />)).not.toContain("--no-actions");
  });
});

describe("SummaryCard", () => {
  it.each([
    "as a summary card with a text header",
    "as a summary card with a html header",
    "as a summary card with actions",
    "as a summary card with actions plus summary list actions",
    "as a summary card extreme",
    "summary card with custom classes",
    "summary card with custom attributes",
    "summary card with only 1 action",
    "as a summary card with a custom header level",
  ])("matches the %s fixture", (name) => {
    const fx = fixture<SummaryListOptions>("summary-list", name);
    expectMarkup(fromOptions(fx.options), fx.html);
  });

  it("appends the card title to action text with the right spacing", () => {
    const html = render(
      <SummaryCard
        title="Statement"
        actions={[{ href: "/s/1/edit", text: "Edit" }]}
        rows={[{ key: "Total", value: "£10", actions: [{ href: "#", text: "Change", visuallyHiddenText: "total" }] }]}
      />,
    );
    expect(html).toContain('Edit<span class="govuk-visually-hidden"> (Statement)</span>');
    expect(html).toContain('Change<span class="govuk-visually-hidden"> total (Statement)</span>');
  });
});
