// The shared bad-input corpus (issue 8): text that every form field, query parameter, path id and
// API attribute must answer with a clear message (or, where the text is legitimate, store and show
// escaped), never a 500, and without changing anything it should not.

export interface CorpusEntry {
  name: string;
  value: string;
}

export const SCRIPT = "<script>alert(1)</script>";

export const CORPUS: CorpusEntry[] = [
  { name: "empty", value: "" },
  { name: "whitespace only", value: " \t  \n " },
  { name: "malformed UUID", value: "not-a-uuid" },
  { name: "almost a UUID", value: "6b0e2b52-7a6f-4c4e-9b3c-00000000000g" },
  { name: "unknown UUID", value: "6b0e2b52-7a6f-4c4e-9b3c-000000000000" },
  { name: "nil UUID", value: "00000000-0000-0000-0000-000000000000" },
  { name: "10 kB string", value: "x".repeat(10_240) },
  { name: "unicode", value: "Zoë Ångström 名前 😀 \u0000 nul" },
  { name: "right-to-left", value: "\u202Eمرحبا بالعالم\u202C שלום" },
  { name: "SQL metacharacters", value: "'; DROP TABLE users; --" },
  { name: "SQL wildcard", value: "%_\\'\"" },
  { name: "HTML/script", value: SCRIPT },
  { name: "HTML attribute", value: '"><img src=x onerror=alert(1)>' },
  { name: "too many decimals", value: "12.345" },
  { name: "negative amount", value: "-99999999999999" },
  { name: "huge amount", value: "99999999999999" },
  { name: "overflowing number", value: "1e309" },
  { name: "NaN", value: "NaN" },
  { name: "invalid date", value: "2024-02-30" },
  { name: "not a date", value: "31/13/2024" },
  { name: "future date", value: "2999-01-01T00:00:00Z" },
  { name: "negative page", value: "-1" },
  { name: "path traversal", value: "../../etc/passwd" },
];

/** Values of the wrong JSON type for an API attribute that expects a string. */
export const WRONG_JSON_TYPES: { name: string; value: unknown }[] = [
  { name: "null", value: null },
  { name: "number", value: 12345 },
  { name: "huge number", value: 1e308 },
  { name: "boolean", value: true },
  { name: "array", value: ["a", "b"] },
  { name: "object", value: { nested: { deep: [1, 2, 3] } } },
];

/** Every corpus value as an API attribute value: the strings and the wrong JSON types. */
export const JSON_CORPUS: { name: string; value: unknown }[] = [...CORPUS, ...WRONG_JSON_TYPES];

/** The page must not contain the script element unescaped (it may show the text, escaped). */
export function hasUnescapedScript(html: string): boolean {
  return html.includes(SCRIPT) || html.includes("<img src=x onerror=alert(1)>");
}
