// THE current induction record (lib/participants/identity.ts): one order for the API, the
// drill-down, the search and declaration submission.
import { describe, expect, it } from "vitest";
import { currentRecord, inductionRecordOrderSql, orderInductionRecords } from "@/lib/participants/identity";

const d = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const record = (id: string, startDate: string, endDate: string | null, createdAt: string) => ({
  id,
  startDate: d(startDate),
  endDate: endDate === null ? null : d(endDate),
  createdAt: d(createdAt),
});

describe("orderInductionRecords", () => {
  it("puts the open record first, then the one that started last", () => {
    const first = record("a", "2024-09-01", "2025-03-31", "2024-08-01");
    const moved = record("b", "2025-04-01", null, "2025-04-01");
    const older = record("c", "2023-09-01", "2024-08-31", "2023-08-01");
    expect(orderInductionRecords([older, first, moved]).map((r) => r.id)).toEqual(["b", "a", "c"]);
    // An open record wins over a closed one that started later (a school-reported transfer).
    const closedLater = record("d", "2025-09-01", "2025-10-01", "2025-08-01");
    expect(currentRecord([closedLater, moved])?.id).toBe("b");
  });

  it("breaks a tie of start dates by the record created last, then by id (descending)", () => {
    const early = record("0f000000-0000-4000-8000-000000000001", "2025-04-01", null, "2025-03-01");
    const late = record("00000000-0000-4000-8000-000000000002", "2025-04-01", null, "2025-03-02");
    expect(currentRecord([early, late])?.id).toBe(late.id);
    expect(currentRecord([late, early])?.id).toBe(late.id);
    const twin = { ...early, id: "0f000000-0000-4000-8000-000000000002" };
    expect(orderInductionRecords([early, twin]).map((r) => r.id)).toEqual([twin.id, early.id]);
    expect(orderInductionRecords([twin, early]).map((r) => r.id)).toEqual([twin.id, early.id]);
  });

  it("orders rows without an id too (declaration submission reads raw rows), leaving a full tie as it was", () => {
    const a = { startDate: d("2025-04-01"), endDate: null, createdAt: d("2025-03-01"), schoolUrn: "100001" };
    const b = { ...a, schoolUrn: "100002" };
    expect(orderInductionRecords([a, b])).toEqual([a, b]);
    expect(currentRecord([])).toBeUndefined();
  });

  it("has the same order in SQL", () => {
    const sql = inductionRecordOrderSql("i");
    expect(sql.sql.replace(/\s+/g, " ")).toBe("(i.end_date IS NULL) DESC, i.start_date DESC, i.created_at DESC, i.id DESC");
    expect(sql.values).toEqual([]);
  });
});
