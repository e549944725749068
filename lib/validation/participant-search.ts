// What the participant search box accepts (a GET form: the query lives in the URL).
//   - blank                         → a hint, no query
//   - more than 200 characters      → refused with a message, no query
//   - a UUID                        → exact look-up of a participant, external or declaration id
//   - looks like an id but is not a UUID (hex and hyphens, a hyphen, 8+ characters)
//                                   → "… is not a valid ID", no query
//   - anything else                 → partial, case-insensitive text search of name, email and TRN
import { isUuid } from "@/lib/validation/ids";

export const SEARCH_MAX_LENGTH = 200;
export const SEARCH_PAGE_SIZE = 25;
/**
 * A search is not counted past this many matches: it says there are more than this and asks for a
 * narrower search (no ranking and exact count of thousands of rows nobody reads).
 */
export const SEARCH_MATCH_LIMIT = 1000;
/** Pages beyond the last page of SEARCH_MATCH_LIMIT matches are refused. */
export const SEARCH_MAX_PAGE = Math.ceil(SEARCH_MATCH_LIMIT / SEARCH_PAGE_SIZE);
/**
 * Queries this short (one or two characters) match the start of a name, surname, email address or
 * TRN, through prefix indexes; longer ones match anywhere, through the trigram indexes (which need
 * three characters).
 */
export const SHORT_QUERY_MAX_LENGTH = 2;

export const SEARCH_MESSAGES = {
  empty: "Enter a name, email address, TRN, participant ID, external ID or declaration ID to search for a participant.",
  tooLong: `Search term must be ${SEARCH_MAX_LENGTH} characters or fewer`,
  malformedId: (value: string) => `“${value}” is not a valid ID. Check you copied all of it`,
  unknownId: (value: string) => `No participant or declaration has the ID ${value}.`,
  tooMany: (value: string) => `More than ${SEARCH_MATCH_LIMIT.toLocaleString("en-GB")} participants match “${value}”`,
} as const;

const ID_LIKE = /^[0-9a-f-]+$/i;

/** Hex digits and hyphens only, at least one hyphen, at least 8 characters. */
export function looksLikeId(value: string): boolean {
  return value.length >= 8 && value.includes("-") && ID_LIKE.test(value);
}

export type ParsedSearch =
  | { kind: "none" }
  | { kind: "empty"; message: string }
  | { kind: "too_long"; q: string; message: string }
  | { kind: "malformed_id"; q: string; message: string }
  | { kind: "id"; q: string; id: string }
  | { kind: "text"; q: string };

type Param = string | string[] | undefined;

function first(value: Param): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** `q` from the URL: `none` when the form has not been submitted (no `q` at all). */
export function parseSearchQuery(raw: Param): ParsedSearch {
  const value = first(raw);
  if (value === undefined) return { kind: "none" };
  // Control characters are never part of a name, email, TRN or id, and PostgreSQL refuses a NUL
  // in a text parameter (a 500): read them as spaces.
  const q = value.replace(/[\u0000-\u001f\u007f]/g, " ").trim();
  if (q === "") return { kind: "empty", message: SEARCH_MESSAGES.empty };
  if (q.length > SEARCH_MAX_LENGTH) return { kind: "too_long", q, message: SEARCH_MESSAGES.tooLong };
  if (isUuid(q)) return { kind: "id", q, id: q.toLowerCase() };
  if (looksLikeId(q)) return { kind: "malformed_id", q, message: SEARCH_MESSAGES.malformedId(q) };
  return { kind: "text", q };
}

/** `page` from the URL: a whole number from 1; anything else is page 1. */
export function parsePage(raw: Param): number {
  const value = first(raw)?.trim() ?? "";
  if (!/^\d{1,6}$/.test(value)) return 1;
  const page = Number(value);
  return page >= 1 ? Math.min(page, SEARCH_MAX_PAGE) : 1;
}

/** The URL of a search page: `/participants?q=…&page=…` (page 1 has no `page`). */
export function searchHref(q: string, page = 1): string {
  const params = new URLSearchParams({ q });
  if (page > 1) params.set("page", String(page));
  return `/participants?${params.toString()}`;
}
