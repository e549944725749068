/**
 * Test helpers for comparing React output with GOV.UK Frontend's fixture HTML.
 *
 * `normaliseHtml` tokenises HTML into a canonical, line-per-token form:
 * - start tags list attributes sorted by (lower-cased) name, with entity-decoded
 *   values; boolean attributes (`disabled`) equal `disabled=""`;
 * - `class` tokens are de-duplicated and sorted (class order has no meaning);
 * - void (`<input>`) and self-closed (`<path/>`) elements get an explicit end tag,
 *   so `<path/>` equals `<path></path>`;
 * - text is entity-decoded (`&ctdot;` equals "⋯"), whitespace runs collapse to one
 *   space and each text run is trimmed (Nunjucks indentation vs React's none);
 *   `<textarea>`/`<pre>` content is kept verbatim;
 * - comments (e.g. React's `<!-- -->` text separators) are dropped.
 */
import { createElement, Fragment, type ReactElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { expect } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";

const VOID_ELEMENTS = new Set([
  "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
]);
const RAW_TEXT_ELEMENTS = new Set(["textarea", "pre", "script", "style"]);

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0", ctdot: "\u22ef", hellip: "\u2026",
  pound: "\u00a3", copy: "\u00a9", ndash: "\u2013", mdash: "\u2014", lsquo: "\u2018", rsquo: "\u2019",
  ldquo: "\u201c", rdquo: "\u201d",
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z][a-z0-9]*);/gi, (entity, body: string) => {
    if (body[0] === "#") {
      const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return String.fromCodePoint(code);
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? entity;
  });
}

export type Token =
  | { type: "start"; name: string; attributes: Array<[string, string]>; selfClosing: boolean }
  | { type: "end"; name: string }
  | { type: "text"; text: string };

const ATTRIBUTE = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/** A small HTML tokenizer, sufficient for the well-formed markup in the fixtures and React's output. */
export function tokenize(html: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < html.length) {
    if (html.startsWith("<!--", i)) {
      const close = html.indexOf("-->", i + 4);
      if (close === -1) throw new Error(`Unclosed comment at ${i}`);
      i = close + 3;
      continue;
    }
    if (html.startsWith("<!", i)) {
      const close = html.indexOf(">", i);
      i = close === -1 ? html.length : close + 1;
      continue;
    }
    const endTag = /^<\/([a-zA-Z][a-zA-Z0-9-]*)\s*>/.exec(html.slice(i));
    if (endTag) {
      tokens.push({ type: "end", name: endTag[1]!.toLowerCase() });
      i += endTag[0].length;
      continue;
    }
    const startTag = /^<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'<>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>/.exec(
      html.slice(i),
    );
    if (startTag) {
      const name = startTag[1]!.toLowerCase();
      const attributes: Array<[string, string]> = [];
      for (const match of startTag[2]!.matchAll(ATTRIBUTE)) {
        attributes.push([match[1]!, decodeEntities(match[2] ?? match[3] ?? match[4] ?? "")]);
      }
      const selfClosing = startTag[3] === "/";
      tokens.push({ type: "start", name, attributes, selfClosing });
      i += startTag[0].length;
      if (RAW_TEXT_ELEMENTS.has(name) && !selfClosing) {
        const close = html.toLowerCase().indexOf(`</${name}`, i);
        const end = close === -1 ? html.length : close;
        if (end > i) tokens.push({ type: "text", text: decodeEntities(html.slice(i, end)) });
        i = end;
      }
      continue;
    }
    if (html[i] === "<") throw new Error(`Cannot tokenize markup at ${i}: ${html.slice(i, i + 40)}`);
    const next = html.indexOf("<", i);
    const end = next === -1 ? html.length : next;
    tokens.push({ type: "text", text: decodeEntities(html.slice(i, end)) });
    i = end;
  }
  return tokens;
}

function canonicalAttributeValue(name: string, value: string): string {
  if (name === "class") return [...new Set(value.split(/\s+/).filter(Boolean))].sort().join(" ");
  if (name === "style") {
    return value
      .split(";")
      .map((declaration) => declaration.split(":").map((part) => part.trim()).join(":"))
      .filter((declaration) => declaration !== "")
      .join(";");
  }
  return value;
}

/** Canonical, line-per-token form of `html` (see module comment). */
export function normaliseHtml(html: string): string {
  const lines: string[] = [];
  const openRaw: string[] = [];
  let text = "";

  const flushText = () => {
    const raw = openRaw.length > 0;
    const value = raw ? text.replace(/^\r?\n/, "") : text.replace(/\s+/g, " ").trim();
    if (value !== "") lines.push(`#text ${JSON.stringify(value)}`);
    text = "";
  };

  for (const token of tokenize(html)) {
    if (token.type === "text") {
      text += token.text;
      continue;
    }
    flushText();
    if (token.type === "start") {
      const attributes = token.attributes
        .map(([name, value]): [string, string] => [name.toLowerCase(), value])
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([name, value]) => ` ${name}=${JSON.stringify(canonicalAttributeValue(name, value))}`)
        .join("");
      lines.push(`<${token.name}${attributes}>`);
      if (token.selfClosing || VOID_ELEMENTS.has(token.name)) lines.push(`</${token.name}>`);
      else if (RAW_TEXT_ELEMENTS.has(token.name)) openRaw.push(token.name);
    } else {
      if (VOID_ELEMENTS.has(token.name)) continue;
      if (openRaw.at(-1) === token.name) openRaw.pop();
      lines.push(`</${token.name}>`);
    }
  }
  flushText();
  return lines.join("\n");
}

// ---------------------------------------------------------------------------
// Fixtures

export interface Fixture<Options = Record<string, unknown>> {
  name: string;
  options: Options;
  html: string;
  hidden: boolean;
}

const COMPONENTS_DIR = path.resolve(import.meta.dirname, "../../../node_modules/govuk-frontend/dist/govuk/components");

const fixtureCache = new Map<string, Fixture[]>();

/** The named fixture from govuk-frontend's `components/<component>/fixtures.json`. */
export function fixture<Options = Record<string, unknown>>(component: string, name: string): Fixture<Options> {
  let fixtures = fixtureCache.get(component);
  if (!fixtures) {
    const json = JSON.parse(readFileSync(path.join(COMPONENTS_DIR, component, "fixtures.json"), "utf8")) as {
      fixtures: Fixture[];
    };
    fixtures = json.fixtures;
    fixtureCache.set(component, fixtures);
  }
  const found = fixtures.find((f) => f.name === name);
  if (!found) throw new Error(`No fixture "${name}" for ${component}`);
  return found as Fixture<Options>;
}

// ---------------------------------------------------------------------------
// HTML → React, for fixture options given as `html` (we pass ReactNode instead).

const REACT_ATTRIBUTE_NAMES: Record<string, string> = {
  class: "className",
  for: "htmlFor",
  tabindex: "tabIndex",
  readonly: "readOnly",
  maxlength: "maxLength",
  colspan: "colSpan",
  rowspan: "rowSpan",
  viewbox: "viewBox",
};

interface ElementNode {
  name: string;
  props: Record<string, unknown>;
  children: ReactNode[];
}

function parseStyle(style: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const declaration of style.split(";")) {
    const [property, ...rest] = declaration.split(":");
    if (!property?.trim() || rest.length === 0) continue;
    result[property.trim().replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())] = rest.join(":").trim();
  }
  return result;
}

/** Converts a fixture's HTML option into React nodes (test-only; no sanitising). */
export function htmlToReact(html: string): ReactNode {
  const root: ElementNode = { name: "#root", props: {}, children: [] };
  const stack: ElementNode[] = [root];
  let key = 0;

  const finish = (node: ElementNode) => {
    const parent = stack.at(-1)!;
    const element =
      node.name === "textarea"
        ? createElement("textarea", {
            ...node.props,
            key: key++,
            // As an HTML parser does, drop a single newline straight after <textarea>.
            defaultValue: node.children.join("").replace(/^\r?\n/, ""),
          })
        : createElement(node.name, { ...node.props, key: key++ }, ...(node.children.length ? node.children : []));
    parent.children.push(element);
  };

  for (const token of tokenize(html)) {
    if (token.type === "text") {
      stack.at(-1)!.children.push(token.text);
    } else if (token.type === "start") {
      const props: Record<string, unknown> = {};
      for (const [name, value] of token.attributes) {
        props[REACT_ATTRIBUTE_NAMES[name.toLowerCase()] ?? name] = name.toLowerCase() === "style" ? parseStyle(value) : value;
      }
      const node: ElementNode = { name: token.name, props, children: [] };
      if (token.selfClosing || VOID_ELEMENTS.has(token.name)) finish(node);
      else stack.push(node);
    } else if (!VOID_ELEMENTS.has(token.name)) {
      const node = stack.pop();
      if (!node || node.name !== token.name) throw new Error(`Mismatched </${token.name}>`);
      finish(node);
    }
  }
  if (stack.length !== 1) throw new Error("Unclosed elements in HTML option");
  return createElement(Fragment, null, ...root.children);
}

// ---------------------------------------------------------------------------

/** Render to static markup (as the server would, without hydration comments). */
export function render(element: ReactElement): string {
  return renderToStaticMarkup(element);
}

/** Asserts `element` renders the same markup as `expectedHtml` (after `normaliseHtml`). */
export function expectMarkup(element: ReactElement, expectedHtml: string): void {
  const expected = normaliseHtml(expectedHtml);
  expect(expected, "fixture HTML normalised to nothing").not.toBe("");
  expect(normaliseHtml(render(element))).toBe(expected);
}

/** `html` option as React nodes, else the `text` option. */
export function content(options: { html?: string; text?: string | number }): ReactNode {
  return options.html !== undefined ? htmlToReact(options.html) : options.text;
}
