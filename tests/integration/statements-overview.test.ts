// Statements at a glance and the payments picture, on the demo data: the overview's current
// statement per provider is the earliest whose cut-off has not passed and its total is the one the
// statement page shows; the picture's figures (one calculation of the cohort) are each statement's
// own page figures, and its five parts add up to the total; and the statement page's data, drawn
// from one calculation of the cohort, is exactly the statement's view and the cohort's picture.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toDecimal } from "@/lib/engine";
import { listCurrentStatements, loadPaymentsPicture, loadStatementPage } from "@/lib/statements/overview";
import { paymentParts, PAYMENT_PARTS } from "@/lib/statements/rules/payments-picture";
import { loadStatementView } from "@/lib/statements/view";
import { seedDemo } from "@/prisma/seed/demo";
import { DEMO_TODAY } from "./demo-today";
import { statementWithoutContract } from "./no-contract";
import { availableKinds, createTestDb, type TestDb } from "./db";

describe.each(availableKinds())("statements at a glance on %s", (kind) => {
  let db: TestDb;

  beforeAll(async () => {
    db = await createTestDb(kind);
    await seedDemo(db, { today: DEMO_TODAY });
  });
  afterAll(async () => {
    await db?.drop();
  });

  it("every lead provider, each with its earliest statement whose cut-off has not passed, and that statement page's total", async () => {
    const overview = await listCurrentStatements(db.prisma, DEMO_TODAY);
    const providers = await db.prisma.leadProvider.findMany({ orderBy: { name: "asc" } });
    expect(overview.map((row) => row.provider.name)).toEqual(providers.map((p) => p.name));
    let withStatement = 0;
    for (const { provider, statement } of overview) {
      const expected = await db.prisma.statement.findFirst({
        where: { leadProviderId: provider.id, deadlineDate: { gte: DEMO_TODAY } },
        orderBy: [{ deadlineDate: "asc" }, { paymentDate: "asc" }, { id: "asc" }],
        include: { cohort: true },
      });
      expect(statement?.id ?? null).toBe(expected?.id ?? null);
      if (!statement || !expected) continue;
      withStatement++;
      expect(statement.cohortYear).toBe(expected.cohort.startYear);
      const page = await loadStatementView(db.prisma, statement.id);
      if (page?.kind !== "view") throw new Error("no view");
      expect(statement.totalWithVat).toBe(page.view.result.totalWithVat);
      expect(statement.total).toBe(page.view.result.total);
    }
    expect(withStatement).toBeGreaterThan(0);
  });

  it("the payments picture of a cohort carries each statement page's own figures, parts adding up to the total", async () => {
    const pairs = await db.prisma.statement.findMany({ distinct: ["leadProviderId", "cohortId"], select: { leadProviderId: true, cohortId: true }, take: 4 });
    expect(pairs.length).toBeGreaterThan(0);
    let checked = 0;
    for (const pair of pairs) {
      const picture = await loadPaymentsPicture(db.prisma, pair.leadProviderId, pair.cohortId, DEMO_TODAY);
      if (!picture) continue;
      const count = await db.prisma.statement.count({ where: pair });
      expect(picture.statements.length).toBe(count);
      for (const statement of picture.statements) {
        const page = await loadStatementView(db.prisma, statement.id);
        if (page?.kind !== "view") throw new Error("no view");
        expect(statement.parts).toEqual(paymentParts(page.view.result));
        expect(statement.totalWithVat).toBe(page.view.result.totalWithVat);
        const sum = PAYMENT_PARTS.reduce((acc, part) => acc.plus(toDecimal(statement.parts[part])), toDecimal("0"));
        expect(sum.equals(toDecimal(statement.parts.total))).toBe(true);
        checked++;
      }
      const current = picture.statements.filter((s) => s.deadlineDate >= DEMO_TODAY).sort((a, b) => +a.deadlineDate - +b.deadlineDate)[0];
      expect(picture.currentId).toBe(current?.id ?? null);
    }
    expect(checked).toBeGreaterThan(10);
  });

  it("the statement page's data (one calculation of the cohort) is the statement's own view and its cohort's picture, paid, payable or open", async () => {
    const statements = await db.prisma.statement.findMany({ select: { id: true, status: true, leadProviderId: true, cohortId: true }, orderBy: { id: "asc" } });
    const statuses = new Set<string>();
    // The picture on its own, once per provider and cohort (every statement of a cohort has the same one).
    const pictures = new Map<string, Awaited<ReturnType<typeof loadPaymentsPicture>>>();
    for (const statement of statements) {
      const page = await loadStatementPage(db.prisma, statement.id, DEMO_TODAY);
      const view = await loadStatementView(db.prisma, statement.id, DEMO_TODAY);
      const key = `${statement.leadProviderId}/${statement.cohortId}`;
      if (!pictures.has(key)) pictures.set(key, await loadPaymentsPicture(db.prisma, statement.leadProviderId, statement.cohortId, DEMO_TODAY));
      expect(page?.loaded).toEqual(view);
      expect(page?.picture).toEqual(pictures.get(key));
      statuses.add(`${statement.status}:${page?.loaded.kind}`);
    }
    expect(statuses).toEqual(new Set(["open:view", "payable:view", "paid:view"]));
    expect(await loadStatementPage(db.prisma, "00000000-0000-4000-8000-000000000000", DEMO_TODAY)).toBeNull();
  });

  it("a cohort without a contract: the page says so, and has no picture", async () => {
    const { statement, remove } = await statementWithoutContract(db.prisma, "Provider Without A Contract (page)");
    try {
      const page = await loadStatementPage(db.prisma, statement.id, DEMO_TODAY);
      expect(page?.loaded.kind).toBe("missing_contract");
      expect(page?.picture).toBeNull();
      expect(page?.loaded).toEqual(await loadStatementView(db.prisma, statement.id, DEMO_TODAY));
    } finally {
      // Leave the demo data as it was for the other tests.
      await remove();
    }
  });
});
