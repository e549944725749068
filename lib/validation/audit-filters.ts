// The audit log's filters (a GET form: the filters live in the URL, so a filtered list can be
// bookmarked and downloaded). One zod schema reads the query string; anything the form could not
// have sent is a GOV.UK error on the field, never a database error.
//   who   ""            anyone
//         staff | api | system              any finance user / lead provider / system
//         staff:<uuid> | api:<uuid>         one finance user / one lead provider
//   what  zero or more categories (lib/audit/rules/categories.ts), repeated `what=…`
//   from, to  a date, "27/3/2026" or "2026-03-27" (whole UK days, as the page shows times; both inclusive)
//   page  1, 2, … (anything else: 1)
import { z } from "zod";
import { AUDIT_ACTOR_TYPES, isAuditCategory, type AuditActorType, type AuditCategory } from "@/lib/audit/rules/categories";
import { parseIsoDate } from "@/lib/domain/dates";
import { isUuid } from "@/lib/validation/ids";
import { parsePage } from "@/lib/validation/participant-search";

export const AUDIT_FILTER_MESSAGES = {
  who: "Select who made the change from the list",
  what: "Select the types of change from the list",
  realDate: "Enter a real date",
  endBeforeStart: "The end date must be the same as or after the start date",
} as const;

/** Longer than any date anyone types ("27 / 03 / 2026"): refused before it is parsed. */
const DATE_MAX_LENGTH = 20;
/** More categories than exist means the URL was not made by the form. */
const WHAT_MAX = 20;

export type AuditWho = { type: AuditActorType; id: string | null } | null;

export type AuditFilters = {
  who: AuditWho;
  what: AuditCategory[];
  /** Inclusive: midnight UK time at the start of the "from" day. */
  from: Date | null;
  /** Exclusive: midnight UK time after the "to" day. */
  until: Date | null;
  page: number;
};

/** What the form shows back: the values as typed. */
export type AuditFilterValues = { who: string; what: string[]; from: string; to: string };

export type AuditFilterField = "who" | "what" | "from" | "to";
export type AuditFilterError = { field: AuditFilterField; message: string };

export type AuditFilterParse =
  | { ok: true; filters: AuditFilters; values: AuditFilterValues }
  | { ok: false; errors: AuditFilterError[]; values: AuditFilterValues };

type Param = string | string[] | undefined;

/** A calendar day as typed: "27/3/2026", "27-03-2026", "27 3 2026" or "2026-03-27". Null when it is no real day. */
export function parseFilterDate(raw: string): Date | null {
  const text = raw.trim();
  if (text.length > DATE_MAX_LENGTH) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return parseIsoDate(text);
  const match = /^(\d{1,2})\s*[/\-. ]\s*(\d{1,2})\s*[/\-. ]\s*(\d{4})$/.exec(text);
  if (!match) return null;
  const iso = `${match[3]}-${match[2]!.padStart(2, "0")}-${match[1]!.padStart(2, "0")}`;
  return parseIsoDate(iso);
}

function whoSchema() {
  return z
    .string()
    .max(60, AUDIT_FILTER_MESSAGES.who)
    .transform((value, ctx): AuditWho => {
      const text = value.trim();
      if (text === "") return null;
      const [type, id, ...rest] = text.split(":");
      if (rest.length > 0 || !(AUDIT_ACTOR_TYPES as readonly string[]).includes(type ?? "")) {
        ctx.addIssue({ code: "custom", message: AUDIT_FILTER_MESSAGES.who });
        return z.NEVER;
      }
      if (id === undefined) return { type: type as AuditActorType, id: null };
      if (type === "system" || !isUuid(id)) {
        ctx.addIssue({ code: "custom", message: AUDIT_FILTER_MESSAGES.who });
        return z.NEVER;
      }
      return { type: type as AuditActorType, id: id.toLowerCase() };
    });
}

const dateSchema = z.string().transform((value, ctx): Date | null => {
  if (value.trim() === "") return null;
  const date = parseFilterDate(value);
  if (!date) {
    ctx.addIssue({ code: "custom", message: AUDIT_FILTER_MESSAGES.realDate });
    return z.NEVER;
  }
  return date;
});

export const AUDIT_FILTERS_SCHEMA = z
  .object({
    who: whoSchema(),
    what: z
      .array(z.string())
      .max(WHAT_MAX, AUDIT_FILTER_MESSAGES.what)
      .refine((values) => values.every(isAuditCategory), AUDIT_FILTER_MESSAGES.what)
      .transform((values) => [...new Set(values)] as AuditCategory[]),
    from: dateSchema,
    to: dateSchema,
  })
  .superRefine((value, ctx) => {
    if (value.from && value.to && value.to < value.from) {
      ctx.addIssue({ code: "custom", path: ["to"], message: AUDIT_FILTER_MESSAGES.endBeforeStart });
    }
  });

function one(value: Param): string {
  return (Array.isArray(value) ? value[0] : value) ?? "";
}

function many(value: Param): string[] {
  const values = value === undefined ? [] : Array.isArray(value) ? value : [value];
  return values.filter((v) => v !== "");
}

const DAY_MS = 24 * 60 * 60 * 1000;

const LONDON = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  hourCycle: "h23",
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "numeric",
  minute: "numeric",
});

/** The moment UK clocks show midnight at the start of this calendar day (given as UTC midnight). */
export function ukStartOfDay(day: Date): Date {
  const p: Record<string, number> = {};
  for (const part of LONDON.formatToParts(day)) p[part.type] = Number(part.value);
  const wall = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!);
  return new Date(day.getTime() - (wall - day.getTime()));
}
const ORDER: readonly AuditFilterField[] = ["who", "what", "from", "to"];

/** The filters from `/audit?who=…&what=…&from=…&to=…&page=…` (also the CSV's query string). */
export function parseAuditFilters(params: Record<string, Param>): AuditFilterParse {
  const values: AuditFilterValues = { who: one(params.who), what: many(params.what), from: one(params.from), to: one(params.to) };
  const shown: AuditFilterValues = {
    ...values,
    // Never echo a huge value back into the page.
    who: values.who.slice(0, 60),
    what: values.what.slice(0, WHAT_MAX).filter(isAuditCategory),
    from: values.from.slice(0, DATE_MAX_LENGTH * 2),
    to: values.to.slice(0, DATE_MAX_LENGTH * 2),
  };
  const result = AUDIT_FILTERS_SCHEMA.safeParse(values);
  if (!result.success) {
    const errors = new Map<AuditFilterField, string>();
    for (const issue of result.error.issues) {
      const field = issue.path[0] as AuditFilterField | undefined;
      if (field && ORDER.includes(field) && !errors.has(field)) errors.set(field, issue.message);
    }
    return { ok: false, values: shown, errors: ORDER.flatMap((field) => (errors.has(field) ? [{ field, message: errors.get(field)! }] : [])) };
  }
  const { who, what, from, to } = result.data;
  return {
    ok: true,
    values: shown,
    filters: {
      who,
      what,
      from: from ? ukStartOfDay(from) : null,
      until: to ? ukStartOfDay(new Date(to.getTime() + DAY_MS)) : null,
      page: parsePage(params.page),
    },
  };
}

/** The query string of these filters (without `page` when it is 1), for links and the CSV. */
export function auditFilterQuery(values: AuditFilterValues, page = 1): string {
  const query = new URLSearchParams();
  if (values.who) query.set("who", values.who);
  for (const what of values.what) query.append("what", what);
  if (values.from) query.set("from", values.from);
  if (values.to) query.set("to", values.to);
  if (page > 1) query.set("page", String(page));
  return query.toString();
}
