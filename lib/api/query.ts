// Query parameters of list endpoints: filter[...] and page[...]. An invalid value is a 400 with a
// message naming the parameter; unknown parameters are ignored.
import { parseIso8601 } from "./dates";
import { badRequest } from "./errors";
import { isUuid, normaliseUuid } from "@/lib/validation/ids";

export const DEFAULT_PER_PAGE = 100;
export const MAX_PER_PAGE = 3000;

export interface Page {
  page: number;
  perPage: number;
  skip: number;
  take: number;
}

function param(url: URL, name: string): string | null {
  const value = url.searchParams.get(name);
  return value === null || value.trim() === "" ? null : value.trim();
}

function wholeNumber(text: string): number | null {
  return /^\d{1,9}$/.test(text) ? Number(text) : null;
}

/** `page[page]` (default 1) and `page[per_page]` (default 100, at most 3000). */
export function parsePage(url: URL): Page {
  const pageText = param(url, "page[page]");
  const perPageText = param(url, "page[per_page]");
  const page = pageText === null ? 1 : wholeNumber(pageText);
  if (page === null || page < 1) throw badRequest("The '#/page[page]' must be a whole number of 1 or more.", "page[page]");
  const perPage = perPageText === null ? DEFAULT_PER_PAGE : wholeNumber(perPageText);
  if (perPage === null || perPage < 1 || perPage > MAX_PER_PAGE) {
    throw badRequest(`The '#/page[per_page]' must be a whole number from 1 to ${MAX_PER_PAGE}.`, "page[per_page]");
  }
  return { page, perPage, skip: (page - 1) * perPage, take: perPage };
}

/** `filter[cohort]`: one cohort start year, or several separated by commas ("2023,2024"). */
export function parseCohortFilter(url: URL, options: { required: true; single?: boolean }): number[];
export function parseCohortFilter(url: URL, options?: { required?: false; single?: boolean }): number[] | null;
export function parseCohortFilter(url: URL, options: { required?: boolean; single?: boolean } = {}): number[] | null {
  const text = param(url, "filter[cohort]");
  if (text === null) {
    if (options.required) throw badRequest("The filter '#/cohort' must be included in your search.", "filter[cohort]");
    return null;
  }
  const parts = text.split(",").map((p) => p.trim());
  if (parts.some((p) => !/^\d{4}$/.test(p)) || (options.single && parts.length > 1)) {
    throw badRequest(
      options.single
        ? "The filter '#/cohort' must be a cohort start year, for example 2024."
        : "The filter '#/cohort' must be a cohort start year, for example 2024, or several separated by commas.",
      "filter[cohort]",
    );
  }
  return [...new Set(parts.map(Number))];
}

/** `filter[updated_since]`: an ISO 8601 time. */
export function parseUpdatedSince(url: URL): Date | null {
  const text = param(url, "filter[updated_since]");
  if (text === null) return null;
  const date = parseIso8601(text);
  if (!date) {
    throw badRequest(
      "The filter '#/updated_since' must be a valid ISO 8601 time, for example 2024-05-31T02:22:32.000Z.",
      "filter[updated_since]",
    );
  }
  return date;
}

/** `filter[urn]`: a school's unique reference number (digits). */
export function parseUrnFilter(url: URL): string | null {
  const text = param(url, "filter[urn]");
  if (text === null) return null;
  if (!/^\d{1,10}$/.test(text)) throw badRequest("The filter '#/urn' must be a school URN, for example 123456.", "filter[urn]");
  return text;
}

/** `filter[participant_id]`: one participant id, or several separated by commas. */
export function parseParticipantIdFilter(url: URL): string[] | null {
  const text = param(url, "filter[participant_id]");
  if (text === null) return null;
  const parts = text.split(",").map((p) => p.trim());
  if (parts.some((p) => !isUuid(p))) {
    throw badRequest(
      "The filter '#/participant_id' must be a participant ID (a UUID), or several separated by commas.",
      "filter[participant_id]",
    );
  }
  return [...new Set(parts.map(normaliseUuid))];
}
