// The audit log's queries on the demo data: each filter keeps exactly the entries it names, the
// list is newest first, the CSV carries the same entries as the pages, and the ordering is served
// by an index.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditCsv } from "@/lib/audit/csv";
import { AUDIT_PAGE_SIZE, auditEntryBatches, listAuditEntries, type AuditQuery } from "@/lib/audit/queries";
import { AUDIT_CATEGORY_ACTIONS } from "@/lib/audit/rules/categories";
import { apiActor, writeAudit } from "@/lib/db/audit";
import { parseAuditFilters } from "@/lib/validation/audit-filters";
import { seedDemo } from "@/prisma/seed/demo";
import { DEMO_TODAY } from "./demo-today";
import { availableKinds, createTestDb, type TestDb } from "./db";

const ALL: AuditQuery = { who: null, what: [], from: null, until: null };

function query(params: Record<string, string | string[]>): AuditQuery {
  const parsed = parseAuditFilters(params);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.filters;
}

async function everything(db: TestDb, q: AuditQuery) {
  const rows = [];
  for await (const batch of auditEntryBatches(db.prisma, q, 7)) rows.push(...batch);
  return rows;
}

describe.each(availableKinds())("the audit log on %s", (kind) => {
  let db: TestDb;
  let staffId: string;
  let statementId: string;

  beforeAll(async () => {
    db = await createTestDb(kind);
    await seedDemo(db, { today: DEMO_TODAY });
    const staff = await db.prisma.staffUser.findFirstOrThrow();
    staffId = staff.id;
    const statement = await db.prisma.statement.findFirstOrThrow();
    statementId = statement.id;
    // A few entries of each kind of actor, at known moments.
    const at = new Date("2026-07-01T23:30:00Z");
    await db.prisma.auditLog.createMany({
      data: [
        { occurredAt: at, actorType: "staff", actorId: staff.id, actorLabel: staff.email, action: "statement.authorise", entityType: "statement", entityId: statement.id },
        { occurredAt: at, actorType: "system", actorId: "statements:mark-payable", actorLabel: "statements:mark-payable", action: "statement.mark_payable", entityType: "statement", entityId: statement.id },
      ],
    });
  });
  afterAll(async () => {
    await db?.drop();
  });

  it("lists every entry newest first, a page at a time", async () => {
    const total = await db.prisma.auditLog.count();
    expect(total).toBeGreaterThan(2);
    const first = await listAuditEntries(db.prisma, ALL, 1);
    expect(first.total).toBe(total);
    expect(first.items.length).toBe(Math.min(total, AUDIT_PAGE_SIZE));
    const times = first.items.map((row) => row.occurredAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const beyond = await listAuditEntries(db.prisma, ALL, 10_000);
    expect(beyond.page).toBe(first.pages);
  });

  it("who: finance users, lead providers, the system, one actor", async () => {
    for (const type of ["staff", "api", "system"] as const) {
      const rows = await everything(db, query({ who: type }));
      expect(rows.length).toBe(await db.prisma.auditLog.count({ where: { actorType: type } }));
      expect(rows.every((r) => r.actorType === type)).toBe(true);
    }
    const mine = await everything(db, query({ who: `staff:${staffId}` }));
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((r) => r.actorType === "staff")).toBe(true);
    expect(mine.map((r) => r.action)).toContain("statement.authorise");
  });

  it("what: only the chosen categories' actions", async () => {
    const voids = await everything(db, query({ what: "void" }));
    expect(voids.length).toBeGreaterThan(0);
    expect(voids.every((r) => AUDIT_CATEGORY_ACTIONS.void.includes(r.action))).toBe(true);
    expect(voids.length).toBe(await db.prisma.auditLog.count({ where: { action: { in: [...AUDIT_CATEGORY_ACTIONS.void] } } }));
    const money = await everything(db, query({ what: ["authorise", "mark-payable"] }));
    expect(money.map((r) => r.action).sort()).toEqual(["statement.authorise", "statement.mark_payable"]);
    expect(money.every((r) => r.target.kind === "statement" && r.target.statementId === statementId)).toBe(true);
    expect(await everything(db, query({ what: "merge" }))).toEqual([]);
  });

  it("dates: whole UK days, both ends inclusive", async () => {
    // 23:30 UTC on 1 July is 00:30 on 2 July in the UK.
    const onSecond = await everything(db, query({ from: "2/7/2026", to: "2/7/2026" }));
    expect(onSecond.map((r) => r.action).sort()).toEqual(["statement.authorise", "statement.mark_payable"]);
    expect(await everything(db, query({ from: "1/7/2026", to: "1/7/2026", what: "authorise" }))).toEqual([]);
    const all = await everything(db, ALL);
    const before = await everything(db, query({ to: "1/7/2026" }));
    const after = await everything(db, query({ from: "2/7/2026" }));
    expect(before.length + after.length).toBe(all.length);
  });

  it("the CSV has the header and one line per filtered entry, newest first", async () => {
    const q = query({ who: "api" });
    const rows = await everything(db, q);
    const text = await new Response(auditCsv(db.prisma, q)).text();
    const lines = text.replace(/^\uFEFF/, "").trimEnd().split("\r\n");
    expect(lines[0]).toBe("Occurred At,Who,Actor,Action,What,Record Type,Record ID,Participant ID,Reason,Page,API Token ID");
    expect(lines.length - 1).toBe(rows.length);
    expect(lines[1]).toContain(rows[0]!.entityId);
  });

  it("an API write's entry names the token it came with, on the page's rows and in the CSV", async () => {
    const token = await db.prisma.apiToken.findFirstOrThrow({ include: { leadProvider: true } });
    const declaration = await db.prisma.participantDeclaration.findFirstOrThrow();
    // writeAudit as an API write calls it, at a moment of its own (the log is append-only).
    const at = new Date("2026-06-15T12:00:00Z");
    await writeAudit(
      db.prisma,
      {
        actor: apiActor({ id: token.leadProviderId, name: token.leadProvider.name, tokenId: token.id }),
        action: "declaration.void",
        entityType: "declaration",
        entityId: declaration.id,
      },
      at,
    );
    const q = query({ who: "api", from: "15/6/2026", to: "15/6/2026" });
    const [row, ...others] = await everything(db, q);
    expect(others).toEqual([]);
    expect(row).toMatchObject({ actorType: "api", actorLabel: token.leadProvider.name, apiTokenId: token.id });
    const lines = (await new Response(auditCsv(db.prisma, q)).text()).trimEnd().split("\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[1]!.endsWith(`,${token.id}`)).toBe(true);
  });

  it("newest-first paging uses an index on occurred_at", async () => {
    // The demo is small enough for a sort to be cheaper; with sorting priced out, the planner must
    // still find an index that gives the order (a large log has no other way to page quickly).
    const plan = async (where: string) => {
      const rows = await db.prisma.$transaction(async (tx) => {
        await tx.$executeRawUnsafe("SET LOCAL enable_sort = off");
        return tx.$queryRawUnsafe<Record<string, string>[]>(`EXPLAIN SELECT id FROM audit_logs ${where} ORDER BY occurred_at DESC, id DESC LIMIT 50`);
      });
      return rows.map((row) => Object.values(row)[0]).join("\n");
    };
    expect(await plan("")).toMatch(/Index (Only )?Scan Backward using audit_logs_occurred_at_id_idx/);
    expect(await plan("WHERE actor_type = 'api'")).toMatch(/Index (Only )?Scan Backward using audit_logs_actor_type_occurred_at_id_idx/);
    expect(await plan("WHERE occurred_at >= '2026-01-01' AND occurred_at < '2026-02-01'")).toMatch(/Index (Only )?Scan Backward using audit_logs_/);
  });
});
