import { describe, expect, it } from "vitest";
import { Pagination, paginationItems, type PaginationItem, type PaginationLink } from "@/components/govuk";
import { expectMarkup, fixture, render } from "./html";

interface LinkOptions {
  href: string;
  text?: string;
  html?: string;
  labelText?: string;
}

interface PaginationOptions {
  previous?: LinkOptions;
  next?: LinkOptions;
  items?: Array<
    { number?: number; href?: string; current?: boolean; ellipsis?: boolean; visuallyHiddenText?: string } | null
  >;
  landmarkLabel?: string;
  classes?: string;
  attributes?: Record<string, string>;
}

const toLink = (l: LinkOptions | undefined): PaginationLink | undefined =>
  l && { href: l.href, text: l.html ?? l.text, labelText: l.labelText };

function toItems(items: PaginationOptions["items"]): PaginationItem[] | undefined {
  return items
    ?.filter((item) => item && Object.keys(item).length > 0)
    .map((item) =>
      item!.ellipsis
        ? { ellipsis: true as const }
        : {
            number: item!.number!,
            href: item!.href!,
            current: item!.current,
            visuallyHiddenText: item!.visuallyHiddenText,
          },
    );
}

function fromOptions(o: PaginationOptions) {
  return (
    <Pagination
      previous={toLink(o.previous)}
      next={toLink(o.next)}
      items={toItems(o.items)}
      landmarkLabel={o.landmarkLabel}
      className={o.classes}
      {...o.attributes}
    />
  );
}

describe("Pagination", () => {
  it.each([
    "default",
    "with custom link and item text",
    "with many pages",
    "first page",
    "last page",
    "with prev and next only",
    "with prev and next only and labels",
    "with prev and next only and very long labels",
    "with previous only",
    "with next only",
    "with custom classes",
    "with custom attributes",
    "with custom navigation landmark",
    "with custom accessible labels on item links",
    "with empty items",
  ])("matches the %s fixture", (name) => {
    const fx = fixture<PaginationOptions>("pagination", name);
    expectMarkup(fromOptions(fx.options), fx.html);
  });

  it("renders the ellipsis with the v6 modifier class and &ctdot;", () => {
    const html = render(<Pagination items={[{ number: 1, href: "?page=1" }, { ellipsis: true }]} />);
    expect(html).toContain('<li class="govuk-pagination__item govuk-pagination__item--ellipsis">\u22EF</li>');
  });

  it("keeps the visually hidden ' page' suffix on the default link text", () => {
    expect(render(<Pagination next={{ href: "/next" }} items={[]} />)).toContain(
      'Next<span class="govuk-visually-hidden"> page</span>',
    );
  });

  it("renders items from paginationItems", () => {
    const fx = fixture<PaginationOptions>("pagination", "default");
    expectMarkup(
      <Pagination previous={{ href: "/previous" }} next={{ href: "/next" }} items={paginationItems(2, 3, (p) => `/page/${p}`)} />,
      fx.html,
    );
  });
});

/** Compact form: numbers, "…" for ellipses, "[n]" for the current page. */
function describeItems(items: PaginationItem[]): string {
  return items
    .map((item) => ("ellipsis" in item ? "…" : item.current ? `[${item.number}]` : String(item.number)))
    .join(" ");
}

describe("paginationItems", () => {
  const href = (page: number) => `?page=${page}`;

  it.each([
    [1, 1, "[1]"],
    [1, 2, "[1] 2"],
    [2, 3, "1 [2] 3"],
    [1, 5, "[1] 2 … 5"],
    [3, 5, "1 2 [3] 4 5"],
    [5, 5, "1 … 4 [5]"],
    [1, 40, "[1] 2 … 40"],
    [2, 40, "1 [2] 3 … 40"],
    [4, 40, "1 2 3 [4] 5 … 40"],
    [5, 40, "1 … 4 [5] 6 … 40"],
    [10, 40, "1 … 9 [10] 11 … 40"],
    [37, 40, "1 … 36 [37] 38 39 40"],
    [39, 40, "1 … 38 [39] 40"],
    [40, 40, "1 … 39 [40]"],
  ])("page %i of %i → %s", (current, total, expected) => {
    expect(describeItems(paginationItems(current, total, href))).toBe(expected);
  });

  it("builds hrefs with hrefFor and marks only the current page", () => {
    expect(paginationItems(2, 3, href)).toEqual([
      { number: 1, href: "?page=1" },
      { number: 2, href: "?page=2", current: true },
      { number: 3, href: "?page=3" },
    ]);
  });

  it("clamps out-of-range pages and handles no pages", () => {
    expect(describeItems(paginationItems(0, 3, href))).toBe("[1] 2 3");
    expect(describeItems(paginationItems(99, 3, href))).toBe("1 2 [3]");
    expect(paginationItems(1, 0, href)).toEqual([]);
  });
});
