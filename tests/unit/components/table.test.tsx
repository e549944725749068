import { describe, expect, it } from "vitest";
import { Table, type TableCell } from "@/components/govuk";
import { content, expectMarkup, fixture, render } from "./html";

interface CellOptions {
  text?: string;
  html?: string;
  format?: "numeric";
  classes?: string;
  colspan?: number;
  rowspan?: number;
  attributes?: Record<string, string>;
}

interface TableOptions {
  caption?: string;
  captionClasses?: string;
  head?: CellOptions[];
  rows: Array<CellOptions[] | null | false | "">;
  firstCellIsHeader?: boolean;
  classes?: string;
  attributes?: Record<string, string>;
}

const toCell = (c: CellOptions): TableCell => ({
  text: content(c),
  format: c.format,
  className: c.classes,
  colSpan: c.colspan,
  rowSpan: c.rowspan,
  attributes: c.attributes,
});

function fromOptions(o: TableOptions) {
  return (
    <Table
      caption={o.caption}
      captionClassName={o.captionClasses}
      head={o.head?.map(toCell)}
      rows={o.rows.map((row) => (row ? row.map(toCell) : null))}
      firstCellIsHeader={o.firstCellIsHeader}
      className={o.classes}
      {...o.attributes}
    />
  );
}

describe("Table", () => {
  it.each([
    "default",
    "with head",
    "with head and caption",
    "classes",
    "attributes",
    "html",
    "head with classes",
    "head with rowspan and colspan",
    "head with attributes",
    "with firstCellIsHeader true",
    "firstCellIsHeader with classes",
    "firstCellIsHeader with html",
    "firstCellIsHeader with rowspan and colspan",
    "firstCellIsHeader with attributes",
    "with falsy items",
    "rows with classes",
    "rows with rowspan and colspan",
    "rows with attributes",
    "with small text modifier for tables with a lot of data",
  ])("matches the %s fixture", (name) => {
    const fx = fixture<TableOptions>("table", name);
    expectMarkup(fromOptions(fx.options), fx.html);
  });

  it("accepts plain values as cell shorthand and ReactNode cells", () => {
    const html = render(
      <Table
        head={["Month", { text: "Amount", format: "numeric" }]}
        rows={[["January", { text: <strong>£85</strong>, format: "numeric" }]]}
        firstCellIsHeader
      />,
    );
    expect(html).toContain('<th scope="col" class="govuk-table__header">Month</th>');
    expect(html).toContain('<th scope="row" class="govuk-table__header">January</th>');
    expect(html).toContain('<td class="govuk-table__cell govuk-table__cell--numeric"><strong>£85</strong></td>');
  });
});
