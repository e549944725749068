// The duplicate records pages' addresses, in one place.
export const DUPLICATES_PATH = "/duplicates";

export function duplicatesPagePath(page: number): `/${string}` {
  return page > 1 ? `/duplicates?page=${page}` : "/duplicates";
}

/** Two records side by side. */
export function comparePath(first: string, second: string): `/${string}` {
  return `/duplicates/${first}/${second}`;
}

/** Keep `kept`, merge `retired` into it: the check-your-answers page. */
export function mergePath(kept: string, retired: string): `/${string}` {
  return `/duplicates/${kept}/${retired}/merge`;
}
