/** Join class names, skipping falsy values (mirrors the templates' `{%- if params.classes %} {{ params.classes }}{% endif %}`). */
export function cx(...classes: Array<string | false | null | undefined>): string {
  return classes.filter((c): c is string => typeof c === "string" && c.trim() !== "").join(" ");
}

/** Combine `aria-describedby` ids in template order, or `undefined` when there are none. */
export function describedByIds(...ids: Array<string | false | null | undefined>): string | undefined {
  const joined = cx(...ids);
  return joined === "" ? undefined : joined;
}

/** `true` when a ReactNode-ish value should be rendered (mirrors Nunjucks truthiness of text/html params). */
export function hasContent(node: unknown): boolean {
  return node !== undefined && node !== null && node !== false && node !== "";
}

export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;
