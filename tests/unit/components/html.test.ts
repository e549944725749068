import { describe, expect, it } from "vitest";
import { createElement } from "react";
import { htmlToReact, normaliseHtml, render } from "./html";

describe("normaliseHtml", () => {
  it("ignores attribute order, class order, indentation and boolean attribute syntax", () => {
    expect(normaliseHtml('<div class="a b" id="x">\n  <input disabled type="text">\n</div>')).toBe(
      normaliseHtml('<div id="x" class="b a"><input type="text" disabled=""/></div>'),
    );
  });

  it("treats self-closing and explicitly closed elements, and entities, the same", () => {
    expect(normaliseHtml('<svg><path d="M0"/></svg><li>\n  &ctdot;\n</li>')).toBe(
      normaliseHtml('<svg><path d="M0"></path></svg><li>\u22EF</li>'),
    );
    expect(normaliseHtml("<p>It&#39;s</p>")).toBe(normaliseHtml("<p>It&#x27;s</p>"));
  });

  it("drops comments such as React's text separators", () => {
    expect(normaliseHtml("<p>a<!-- -->b</p>")).toBe(normaliseHtml("<p>ab</p>"));
  });

  it("keeps textarea content verbatim", () => {
    expect(normaliseHtml("<textarea>a\n  b</textarea>")).not.toBe(normaliseHtml("<textarea>a b</textarea>"));
  });

  it.each([
    ['<a href="/a">x</a>', '<a href="/b">x</a>'],
    ['<a class="govuk-link">x</a>', '<a class="govuk-link extra">x</a>'],
    ["<a>x</a>", '<a rel="next">x</a>'],
    ["<p>x</p>", "<div>x</div>"],
    ["<p><span>x</span></p>", "<p>x</p>"],
    ["<p>Save</p>", "<p>Save now</p>"],
    ["<input disabled>", "<input>"],
    ['<th scope="col">x</th>', '<th scope="row">x</th>'],
  ])("detects differences: %s vs %s", (a, b) => {
    expect(normaliseHtml(a)).not.toBe(normaliseHtml(b));
  });
});

describe("htmlToReact", () => {
  it("round-trips fixture-style HTML", () => {
    const html = '<p class="govuk-body">Address<br>\n  line 2 <a href="#" class="govuk-link">x</a></p><label for="a">A</label>';
    expect(normaliseHtml(render(createElement("div", null, htmlToReact(html))))).toBe(normaliseHtml(`<div>${html}</div>`));
  });
});
