// Ids in paths, filters, queries and bodies are UUIDs. Anything else cannot name a record: a 404
// (paths), a message (searches) or a validation error (bodies) — never a database error.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}

/** Lower-cased for comparisons (PostgreSQL prints UUIDs in lower case). */
export function normaliseUuid(value: string): string {
  return value.toLowerCase();
}
