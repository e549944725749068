// Recognising a database refusal the code expects (a constraint doing its job), whichever driver
// adapter reported it: Prisma's pg adapter throws a DriverAdapterError carrying PostgreSQL's message,
// PGlite's the same, and Prisma may wrap either (`cause`, `meta`).

const VIOLATION = /violates (unique|exclusion) constraint/;

function texts(error: unknown, depth = 0): string[] {
  if (depth > 4 || error === null || typeof error !== "object") return typeof error === "string" ? [error] : [];
  const record = error as { message?: unknown; meta?: unknown; cause?: unknown };
  const own = typeof record.message === "string" ? [record.message] : [];
  const meta = record.meta && typeof record.meta === "object" ? [JSON.stringify(record.meta)] : [];
  return [...own, ...meta, ...texts(record.cause, depth + 1)];
}

/** Whether `error` is PostgreSQL refusing a write for the unique or exclusion constraint `name`. */
export function violatesConstraint(error: unknown, name: string): boolean {
  return texts(error).some((text) => VIOLATION.test(text) && text.includes(`"${name}"`));
}
