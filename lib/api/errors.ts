// JSON:API error documents: `{ "errors": [{ "title": "...", "detail": "..." }] }`.
// Route code throws ApiError (or returns errorResponse) and the route wrapper turns it into the
// response, so a bad request can never escape as a 500 with a stack trace.
import { jsonResponse } from "./response";

export interface ApiErrorItem {
  /** The attribute or parameter concerned (e.g. "declaration_date"), or a short summary. */
  title: string;
  /** A sentence to show as it is. */
  detail: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly errors: readonly ApiErrorItem[],
    readonly headers: Record<string, string> = {},
  ) {
    super(errors.map((e) => `${e.title}: ${e.detail}`).join("; "));
    this.name = "ApiError";
  }

  toResponse(): Response {
    return errorResponse(this.status, this.errors, this.headers);
  }
}

export function errorResponse(status: number, errors: readonly ApiErrorItem[], headers: Record<string, string> = {}): Response {
  return jsonResponse({ errors: errors.map(({ title, detail }) => ({ title, detail })) }, status, headers);
}

export const BAD_REQUEST_TITLE = "Bad request";
/** The message for a body that is not `{ "data": { "type": …, "attributes": { … } } }`. */
export const BAD_STRUCTURE_DETAIL = "Correct json data structure required. See API docs for reference.";
export const NOT_FOUND_TITLE = "Resource not found";
export const NOT_FOUND_DETAIL = "Nothing could be found for the provided details";

export function badRequest(detail: string, title: string = BAD_REQUEST_TITLE): ApiError {
  return new ApiError(400, [{ title, detail }]);
}

/** 404: also the answer for another lead provider's records and for malformed ids. */
export function notFound(): ApiError {
  return new ApiError(404, [{ title: NOT_FOUND_TITLE, detail: NOT_FOUND_DETAIL }]);
}

export const TOO_MANY_REQUESTS_TITLE = "Too many requests";

/** 429: the token's requests a minute are used up (lib/auth/api-rate-limit.ts); Retry-After in seconds. */
export function tooManyRequests(retryAfterSeconds: number, perMinute: number): Response {
  return errorResponse(
    429,
    [
      {
        title: TOO_MANY_REQUESTS_TITLE,
        detail: `Your API token can make ${perMinute.toLocaleString("en-GB")} requests a minute. Wait ${retryAfterSeconds} ${retryAfterSeconds === 1 ? "second" : "seconds"} and try again.`,
      },
    ],
    { "Retry-After": String(retryAfterSeconds) },
  );
}

export function unprocessable(errors: readonly ApiErrorItem[]): ApiError {
  return new ApiError(422, errors);
}

/**
 * Collects field errors in the order checks run, keeping only the first error for each field:
 * a 422 lists every failing field once, with the most basic problem first.
 */
export class FieldErrors {
  private readonly items: ApiErrorItem[] = [];

  add(title: string, detail: string): void {
    if (!this.has(title)) this.items.push({ title, detail });
  }

  has(title: string): boolean {
    return this.items.some((e) => e.title === title);
  }

  get size(): number {
    return this.items.length;
  }

  /** The errors, in check order, or ordered by `fieldOrder` (fields not in it last, in check order). */
  list(fieldOrder: readonly string[] = []): ApiErrorItem[] {
    const rank = (title: string) => {
      const i = fieldOrder.indexOf(title);
      return i === -1 ? fieldOrder.length : i;
    };
    return this.items.map((item, i) => ({ item, i })).sort((a, b) => rank(a.item.title) - rank(b.item.title) || a.i - b.i).map(({ item }) => item);
  }
}
