// Request helpers for the route handlers: path ids and JSON:API bodies.
import { parseEnvelope } from "@/lib/api/validation/envelope";
import { readJsonBody } from "./body";
import { notFound, badRequest, unprocessable, type ApiErrorItem } from "./errors";
import { isUuid, normaliseUuid } from "@/lib/validation/ids";
import { parseRfc3339 } from "./dates";

/** A UUID from the path; anything else cannot name a record, so it is a 404. */
export function pathId(value: unknown): string {
  if (!isUuid(value)) throw notFound();
  return normaliseUuid(value);
}

/** The `data.attributes` of a JSON:API body of the given type (400 for anything else). */
export async function readAttributes(request: Request, type: string): Promise<Record<string, unknown>> {
  const envelope = parseEnvelope(await readJsonBody(request), type);
  if (!envelope.ok) throw badRequest(envelope.detail);
  return envelope.attributes;
}

/** 422 when there are field errors. */
export function throwIfInvalid(errors: readonly ApiErrorItem[]): void {
  if (errors.length > 0) throw unprocessable(errors);
}

/**
 * The sandbox's X-With-Server-Date header: when allowed (API_ALLOW_SERVER_DATE=true), the
 * request is handled as if it were that time. Otherwise the header is ignored.
 */
export function serverDate(request: Request, now: Date, allowed: boolean): Date {
  const header = request.headers.get("x-with-server-date");
  if (!allowed || header === null) return now;
  const date = parseRfc3339(header.trim());
  if (!date) {
    throw badRequest("The 'X-With-Server-Date' header must be an RFC 3339 date and time, for example 2025-01-10T10:42:00Z.", "X-With-Server-Date");
  }
  return date;
}
