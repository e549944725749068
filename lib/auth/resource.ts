// The one loader for a finance page about one record: the role check, the ids from the URL
// (a malformed one is a 404, never a database error), the load, and a 404 when nothing is found.
import { notFound } from "next/navigation";
import type { Queryable } from "@/lib/db/query";
import { getPrisma } from "@/lib/db/client";
import { isUuid, normaliseUuid } from "@/lib/validation/ids";
import { requireStaff, type Role } from "./guard";
import type { StaffIdentity } from "./staff";

/** An id from a path segment: the lower-cased UUID, or null when it cannot name a record. */
export function pathId(raw: string | undefined): string | null {
  const text = raw?.trim();
  return text && isUuid(text) ? normaliseUuid(text) : null;
}

export type Loaded<T> = { user: StaffIdentity; data: T };

/**
 * `requireStaff(role, returnTo)`, then `load(prisma, ...ids)` with each raw path id parsed;
 * `notFound()` for a malformed id or when `load` finds nothing.
 */
export async function requireResource<T, Ids extends string[]>(
  role: Role,
  returnTo: string,
  rawIds: { [K in keyof Ids]: string },
  load: (prisma: Queryable, ...ids: Ids) => Promise<T | null | undefined>,
): Promise<Loaded<T>> {
  const user = await requireStaff(role, returnTo);
  const ids = rawIds.map(pathId);
  if (ids.some((id) => id === null)) notFound();
  const data = await load(await getPrisma(), ...(ids as Ids));
  if (data === null || data === undefined) notFound();
  return { user, data };
}
