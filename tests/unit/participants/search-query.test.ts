import { describe, expect, it } from "vitest";
import { isUuid } from "@/lib/validation/ids";
import { looksLikeId, parsePage, parseSearchQuery, searchHref, SEARCH_MAX_PAGE } from "@/lib/validation/participant-search";

const UUID = "4b6a0a84-8f7c-4a41-9b1e-1c2d3e4f5a6b";

describe("parseSearchQuery", () => {
  it("has nothing to do before the form is sent", () => {
    expect(parseSearchQuery(undefined)).toEqual({ kind: "none" });
  });

  it.each(["", "   ", "\t\n"])("asks for a search term when the box is blank (%j)", (q) => {
    expect(parseSearchQuery(q)).toEqual({
      kind: "empty",
      message: "Enter a name, email address, TRN, participant ID, external ID or declaration ID to search for a participant.",
    });
  });

  it("refuses more than 200 characters, counted after trimming", () => {
    expect(parseSearchQuery(`  ${"a".repeat(200)}  `)).toEqual({ kind: "text", q: "a".repeat(200) });
    expect(parseSearchQuery("a".repeat(201))).toEqual({ kind: "too_long", q: "a".repeat(201), message: "Search term must be 200 characters or fewer" });
    expect(parseSearchQuery("a".repeat(100_000)).kind).toBe("too_long");
  });

  it("looks up a UUID exactly, in lower case", () => {
    expect(parseSearchQuery(` ${UUID.toUpperCase()} `)).toEqual({ kind: "id", q: UUID.toUpperCase(), id: UUID });
  });

  it.each(["4b6a0a84-8f7c-4a41-9b1e-1c2d3e4f5a6", "4b6a0a84-8f7c", "abcdef-12", "4b6a0a84-8f7c-4a41-9b1e-1c2d3e4f5a6bb"])(
    "says %s is not a valid ID",
    (q) => {
      expect(parseSearchQuery(q)).toEqual({ kind: "malformed_id", q, message: `“${q}” is not a valid ID. Check you copied all of it` });
    },
  );

  it.each(["Smith", "smith-jones", "1234567", "ada@example.org", "abc-de", "deadbeef", "O'Brien", "'; DROP TABLE users; --"])(
    "searches the text %s",
    (q) => {
      expect(parseSearchQuery(q)).toEqual({ kind: "text", q });
    },
  );

  it("uses the first value when q is repeated", () => {
    expect(parseSearchQuery(["first", "second"])).toEqual({ kind: "text", q: "first" });
  });
});

describe("ids", () => {
  it("knows a UUID", () => {
    expect(isUuid(UUID)).toBe(true);
    expect(isUuid(UUID.toUpperCase())).toBe(true);
    expect(isUuid(`${UUID}0`)).toBe(false);
    expect(isUuid(UUID.replace(/-/g, ""))).toBe(false);
    expect(isUuid("g".repeat(8) + UUID.slice(8))).toBe(false);
  });

  it("knows what looks like an id: hex and hyphens, a hyphen, 8 characters or more", () => {
    expect(looksLikeId("abcd-123")).toBe(true);
    expect(looksLikeId("abcd-12")).toBe(false);
    expect(looksLikeId("abcd1234")).toBe(false);
    expect(looksLikeId("abcd-123g")).toBe(false);
  });
});

describe("parsePage and searchHref", () => {
  it.each([
    [undefined, 1],
    ["", 1],
    ["2", 2],
    [" 3 ", 3],
    ["0", 1],
    ["-1", 1],
    ["2.5", 1],
    ["1e3", 1],
    ["abc", 1],
    ["99999999999", 1],
    ["999999", SEARCH_MAX_PAGE],
  ])("reads page %j as %d", (raw, page) => {
    expect(parsePage(raw)).toBe(page);
  });

  it("keeps the query in the URL, encoded, and leaves page 1 out", () => {
    expect(searchHref("Amy Smith")).toBe("/participants?q=Amy+Smith");
    expect(searchHref("a&b=c", 2)).toBe("/participants?q=a%26b%3Dc&page=2");
  });
});
