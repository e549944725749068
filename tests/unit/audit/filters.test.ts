// The audit log's filters: the query string read by one zod schema, errors in GOV.UK words.
import { describe, expect, it } from "vitest";
import { AUDIT_FILTER_MESSAGES, auditFilterQuery, parseAuditFilters, parseFilterDate, ukStartOfDay } from "@/lib/validation/audit-filters";

const UUID = "6b0e2b52-7a6f-4c4e-9b3c-0000000000AB";

function errors(params: Record<string, string | string[]>) {
  const parsed = parseAuditFilters(params);
  return parsed.ok ? [] : parsed.errors;
}

describe("audit filters", () => {
  it("no filters: everything, page 1", () => {
    const parsed = parseAuditFilters({});
    expect(parsed).toMatchObject({ ok: true, filters: { who: null, what: [], from: null, until: null, page: 1 } });
  });

  it("who: anyone, an actor type, or one finance user or lead provider", () => {
    const who = (value: string) => {
      const parsed = parseAuditFilters({ who: value });
      return parsed.ok ? parsed.filters.who : "error";
    };
    expect(who("")).toBeNull();
    expect(who("staff")).toEqual({ type: "staff", id: null });
    expect(who("system")).toEqual({ type: "system", id: null });
    expect(who(`api:${UUID}`)).toEqual({ type: "api", id: UUID.toLowerCase() });
    for (const bad of ["robot", "staff:not-a-uuid", `system:${UUID}`, `api:${UUID}:x`, "x".repeat(10_000)]) expect(who(bad)).toBe("error");
    expect(errors({ who: "robot" })).toEqual([{ field: "who", message: AUDIT_FILTER_MESSAGES.who }]);
  });

  it("what: known categories, repeated; an unknown one is an error", () => {
    const parsed = parseAuditFilters({ what: ["void", "merge", "void"] });
    expect(parsed.ok && parsed.filters.what).toEqual(["void", "merge"]);
    expect(errors({ what: ["void", "<script>"] })).toEqual([{ field: "what", message: AUDIT_FILTER_MESSAGES.what }]);
    expect(errors({ what: Array.from({ length: 500 }, () => "void") })).toEqual([{ field: "what", message: AUDIT_FILTER_MESSAGES.what }]);
  });

  it("dates: day/month/year or ISO, real days only", () => {
    expect(parseFilterDate("27/3/2026")?.toISOString()).toBe("2026-03-27T00:00:00.000Z");
    expect(parseFilterDate(" 07 - 03 - 2026 ")?.toISOString()).toBe("2026-03-07T00:00:00.000Z");
    expect(parseFilterDate("2026-03-27")?.toISOString()).toBe("2026-03-27T00:00:00.000Z");
    for (const bad of ["30/2/2026", "31/13/2024", "2024-02-30", "yesterday", "1/1/26", "1".repeat(30), "2999-01-01T00:00:00Z"]) expect(parseFilterDate(bad)).toBeNull();
    expect(errors({ from: "30/2/2026", to: "nope" })).toEqual([
      { field: "from", message: AUDIT_FILTER_MESSAGES.realDate },
      { field: "to", message: AUDIT_FILTER_MESSAGES.realDate },
    ]);
  });

  it("the range is whole UK days, both inclusive; the end may not be before the start", () => {
    const parsed = parseAuditFilters({ from: "1/7/2026", to: "1/7/2026" });
    // British Summer Time: the UK day starts at 23:00 UTC the day before.
    expect(parsed.ok && parsed.filters.from?.toISOString()).toBe("2026-06-30T23:00:00.000Z");
    expect(parsed.ok && parsed.filters.until?.toISOString()).toBe("2026-07-01T23:00:00.000Z");
    expect(ukStartOfDay(new Date("2026-01-15T00:00:00Z")).toISOString()).toBe("2026-01-15T00:00:00.000Z");
    expect(errors({ from: "2/7/2026", to: "1/7/2026" })).toEqual([{ field: "to", message: AUDIT_FILTER_MESSAGES.endBeforeStart }]);
  });

  it("errors come in the form's order and values are shown back trimmed to size", () => {
    const parsed = parseAuditFilters({ to: "x", who: "x", from: "x".repeat(10_000) });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors.map((e) => e.field)).toEqual(["who", "from", "to"]);
    expect(parsed.values.from.length).toBeLessThanOrEqual(40);
  });

  it("a bad page is page 1; the query string round-trips", () => {
    const parsed = parseAuditFilters({ page: "-1" });
    expect(parsed.ok && parsed.filters.page).toBe(1);
    const values = { who: "staff", what: ["void", "merge"], from: "1/1/2026", to: "" };
    expect(auditFilterQuery(values, 2)).toBe("who=staff&what=void&what=merge&from=1%2F1%2F2026&page=2");
    const again = parseAuditFilters(Object.fromEntries([...new URLSearchParams(auditFilterQuery(values))].reduce((m, [k, v]) => m.set(k, m.has(k) ? [m.get(k)!, v].flat() : v), new Map<string, string | string[]>())));
    expect(again.ok && again.filters.what).toEqual(["void", "merge"]);
  });
});
