// zod building blocks for API request attributes. Each field reports exactly one message (the
// first problem), so a 422 lists every failing attribute once with the API's own wording.
import { z } from "zod";

export interface FieldIssue {
  /** The attribute, e.g. "declaration_date". */
  title: string;
  detail: string;
}

/** A required text attribute: missing/blank → `missing`; not a string (or one with a NUL) → `invalid`. Trimmed. */
export function requiredText(missing: string, invalid: string) {
  return z.unknown().transform((value, ctx): string => {
    if (value === undefined || value === null || (typeof value === "string" && value.trim() === "")) {
      ctx.addIssue({ code: "custom", message: missing });
      return z.NEVER;
    }
    // A NUL is never part of a real value, and PostgreSQL refuses it in a text parameter (a 500).
    if (typeof value !== "string" || value.includes("\u0000")) {
      ctx.addIssue({ code: "custom", message: invalid });
      return z.NEVER;
    }
    return value.trim();
  });
}

/** An optional text attribute: missing/blank → null; not a string (or one with a NUL) → `invalid`. Trimmed. */
export function optionalText(invalid: string) {
  return z.unknown().transform((value, ctx): string | null => {
    if (value === undefined || value === null || (typeof value === "string" && value.trim() === "")) return null;
    // A NUL is never part of a real value, and PostgreSQL refuses it in a text parameter (a 500).
    if (typeof value !== "string" || value.includes("\u0000")) {
      ctx.addIssue({ code: "custom", message: invalid });
      return z.NEVER;
    }
    return value.trim();
  });
}

/** Runs one field's schema; on failure records its first message under `title`. */
export function check<T>(schema: z.ZodType<T>, value: unknown, title: string, issues: FieldIssue[]): T | undefined {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  if (!issues.some((i) => i.title === title)) issues.push({ title, detail: result.error.issues[0]?.message ?? "Enter a valid value." });
  return undefined;
}
