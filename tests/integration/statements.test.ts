// The statement pages' data: the page's view model carries exactly the engine's figures for the
// seeded statements (ECT-only and mentor-funded), the rendered page shows them, the declarations
// summary matches the line items, and the chooser and declaration lists read the right rows.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { StatementFigures, type StatementLinks } from "@/app/statements/_components/statement-figures";
import { loadCalculation } from "@/lib/statements/calculation";
import {
  authoriseStatement,
  defaultStatement,
  listCohortStatements,
  listProviderStatements,
  listStatementCohorts,
  listStatementDeclarations,
  listStatementProviders,
  loadStatementView,
  STATEMENT_LIST_PAGE_SIZE,
  type StatementView,
} from "@/lib/statements/queries";
import { DECLARATION_TYPES, DECLARATION_TYPE_LABELS } from "@/lib/domain/declaration-types";
import { isBillable, isRefundable, type DeclarationState } from "@/lib/domain/declaration-states";
import { calculateStatements, serializeStatementResults, type StatementJson } from "@/lib/engine";
import { formatMoneyForDisplay } from "@/lib/format/money";
import { seedDemo } from "@/prisma/seed/demo";
import { DEMO_TODAY } from "./demo-today";
import { availableKinds, createTestDb, type TestDb } from "./db";

const LINKS: StatementLinks = {
  voided: "/statements/x/voided",
  clawbacks: "/statements/x/clawbacks",
  adjustment: { add: "/add", change: (id) => `/change/${id}`, remove: (id) => `/remove/${id}` },
};

/** Text content: tags (and visually hidden spans) stripped, entities decoded, whitespace collapsed. */
function text(html: string): string {
  return html
    .replace(/<span class="govuk-visually-hidden">[\s\S]*?<\/span>/g, "")
    .replace(/<[^>]+>/g, "")
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}

/** The text of each cell of each row of the table with this caption. */
function tableRows(html: string, caption: string): string[][] {
  const start = html.indexOf(`<caption class="govuk-table__caption`);
  let at = start;
  while (at >= 0) {
    const end = html.indexOf("</table>", at);
    const table = html.slice(at, end);
    const captionHtml = table.slice(table.indexOf(">") + 1, table.indexOf("</caption>"));
    if (text(captionHtml) === caption) {
      return [...table.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((row) =>
        [...(row[1] ?? "").matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) => text(cell[1] ?? "")),
      );
    }
    at = html.indexOf(`<caption class="govuk-table__caption`, end);
  }
  throw new Error(`No table captioned "${caption}"`);
}

const money = (value: string) => formatMoneyForDisplay(value);

describe.each(availableKinds())("statement pages on %s", (kind) => {
  let db: TestDb;
  let providers: Map<string, string>;
  let cohorts: Map<number, string>;

  beforeAll(async () => {
    db = await createTestDb(kind);
    await seedDemo(db, { today: DEMO_TODAY });
    providers = new Map((await db.prisma.leadProvider.findMany()).map((p) => [p.name, p.id]));
    cohorts = new Map((await db.prisma.cohort.findMany()).map((c) => [c.startYear, c.id]));
  });
  afterAll(async () => {
    await db?.drop();
  });

  /** The engine's results for every statement of a provider and cohort, calculated independently of the page code. */
  async function engineResults(provider: string, year: number): Promise<Map<string, StatementJson>> {
    const calculation = await loadCalculation(db.prisma, providers.get(provider)!, cohorts.get(year)!);
    const results = serializeStatementResults(calculateStatements(calculation.input)).statements;
    return new Map(results.map((r) => [r.id, r]));
  }

  async function view(statementId: string): Promise<StatementView> {
    const loaded = await loadStatementView(db.prisma, statementId);
    if (loaded?.kind !== "view") throw new Error(`No view for ${statementId}`);
    return loaded.view;
  }

  async function lineStates(statementId: string) {
    return db.sql.query<{ declaration_type: string; mentor: boolean; state: DeclarationState; n: number }>(
      `SELECT d.declaration_type, d.course_identifier = 'ecf-mentor' AS mentor, li.state::text AS state, count(*)::int AS n
         FROM statement_line_items li JOIN participant_declarations d ON d.id = li.participant_declaration_id
        WHERE li.statement_id = $1 GROUP BY 1, 2, 3`,
      [statementId],
    );
  }

  it.each([
    ["Best Practice Network", 2024],
    ["Teach First", 2024],
    ["Ambition Institute", 2025],
    ["UCL Early Career Teacher Education", 2025],
  ] as const)("every %s %i statement's view carries exactly the engine's result", async (provider, year) => {
    const engine = await engineResults(provider, year);
    expect(engine.size).toBeGreaterThan(20);
    for (const [id, expected] of engine) {
      const v = await view(id);
      expect(v.result).toEqual(expected);
      expect(v.cohort.mentorFunding).toBe(year === 2025);
      expect(v.result.mentor === null).toBe(year !== 2025);
    }
  });

  it("an ECT-only statement (small bands: bands B to D, unpaid, clawbacks) renders the engine's figures", async () => {
    const engine = await engineResults("Best Practice Network", 2024);
    const withUnpaid = [...engine.values()].find((r) => DECLARATION_TYPES.some((t) => r.ect.outputs[t].unpaid > 0));
    const withClawbacks = [...engine.values()].find((r) => r.ect.clawbacks !== "0");
    expect(withUnpaid, "the demo has a statement with unpaid declarations").toBeDefined();
    expect(withClawbacks, "the demo has a statement with clawbacks").toBeDefined();

    for (const expected of [withUnpaid!, withClawbacks!]) {
      const v = await view(expected.id);
      const html = renderToStaticMarkup(createElement(StatementFigures, { view: v, links: LINKS }));
      expect(html).toContain(`data-testid="total-with-vat">${money(expected.totalWithVat)}<`);

      const letters = v.contract.bands.map((b) => b.letter);
      expect(letters).toEqual(["A", "B", "C", "D"]);
      const output = tableRows(html, "Output payments");
      expect(output[0]).toEqual(["Declaration type", "Band A", "Band B", "Band C", "Band D", "Payments"]);
      DECLARATION_TYPES.forEach((type, i) => {
        const o = expected.ect.outputs[type];
        expect(output[1 + i * 2]).toEqual([DECLARATION_TYPE_LABELS[type], ...letters.map((l) => String(o.bands[l]!.additions)), money(o.payment)]);
        expect(output[2 + i * 2]).toEqual(["Fee per participant", ...letters.map((l) => money(o.bands[l]!.feePerDeclaration)), ""]);
      });
      expect(output.at(-1)).toEqual(["Output payment total", "", "", "", "", money(expected.ect.outputPayment)]);

      const unpaidTypes = DECLARATION_TYPES.filter((t) => expected.ect.outputs[t].unpaid > 0);
      if (unpaidTypes.length > 0) {
        expect(tableRows(html, "Declarations beyond the top band's capacity: not paid").slice(1)).toEqual(
          unpaidTypes.map((t) => [DECLARATION_TYPE_LABELS[t], String(expected.ect.outputs[t].unpaid)]),
        );
      }
      if (expected.ect.clawbacks !== "0") {
        const rows = tableRows(html, "Clawbacks by declaration type and band");
        const banded = DECLARATION_TYPES.flatMap((t) =>
          letters.filter((l) => expected.ect.outputs[t].bands[l]!.subtractions > 0).map((l) => `Clawback for ${DECLARATION_TYPE_LABELS[t]} (Band: ${l})`),
        );
        expect(rows.slice(1, 1 + banded.length).map((r) => r[0])).toEqual(banded);
        expect(rows.at(-1)?.at(-1)).toBe(money(v.clawbacks.total));
        // The clawback rows add up to the engine's band and uplift clawbacks.
        const sum = v.clawbacks.rows.reduce((total, row) => total + Math.round(Number(row.amount) * 100), 0);
        expect(sum).toBe(Math.round((Number(expected.ect.clawbacks) + Number(expected.ect.upliftClawbacks)) * 100));
      }
      expect(tableRows(html, "Uplift fees")[1]).toEqual([
        "Sparsity or pupil premium uplift",
        String(expected.ect.upliftCount),
        "£100.00",
        money(expected.ect.upliftFees),
      ]);
      expect(html).toContain(`Service fee on this statement: <strong>${money(expected.ect.serviceFee)}</strong>`);
      expect(html).not.toContain("Mentor output payments");
    }
  });

  it("a mentor-funded statement shows ECT and mentor lines separately, with the engine's figures", async () => {
    const engine = await engineResults("Ambition Institute", 2025);
    const expected = [...engine.values()].find((r) => r.mentor !== null && r.mentor.outputPayment !== "0" && r.ect.outputPayment !== "0");
    expect(expected).toBeDefined();
    const v = await view(expected!.id);
    const html = renderToStaticMarkup(createElement(StatementFigures, { view: v, links: LINKS }));
    const mentor = expected!.mentor!;
    expect(tableRows(html, "Mentor output payments").slice(1)).toEqual([
      ["Started", String(mentor.outputs.started.additions), money(mentor.outputs.started.feePerDeclaration), money(mentor.outputs.started.payment)],
      ["Completed", String(mentor.outputs.completed.additions), money(mentor.outputs.completed.feePerDeclaration), money(mentor.outputs.completed.payment)],
      ["Mentor output payment total", "", "", money(mentor.outputPayment)],
    ]);
    expect(tableRows(html, "ECT output payments").at(-1)?.at(-1)).toBe(money(expected!.ect.outputPayment));
    const summary: [string, string][] = [
      ["ECT output payment", expected!.ect.outputPayment],
      ["Mentor output payment", mentor.outputPayment],
      ["Mentor total (excluding VAT)", mentor.total],
      ["ECT total (excluding VAT)", expected!.ect.total],
      ["Total (excluding VAT)", expected!.total],
    ];
    for (const [key, value] of summary) {
      expect(html).toContain(`<dt class="govuk-summary-list__key">${key}</dt><dd class="govuk-summary-list__value">${money(value)}</dd>`);
    }
    expect(html).toContain(`data-testid="total-with-vat">${money(expected!.totalWithVat)}<`);
    // The monthly service fee contract (Ambition 2025) says so.
    expect(html).toContain("The contract sets a monthly service fee of £52,500.00");
  });

  it("the declarations summary counts the statement's line items, and links voided and clawed-back counts", async () => {
    const statementId = (await db.prisma.statement.findFirstOrThrow({
      where: { leadProviderId: providers.get("Ambition Institute"), cohort: { startYear: 2025 }, status: "payable", outputFee: true },
    })).id;
    const v = await view(statementId);
    const rows = await lineStates(statementId);
    for (const type of DECLARATION_TYPES) {
      for (const mentor of [false, true]) {
        const expected = rows.filter((r) => r.declaration_type === type && r.mentor === mentor && isBillable(r.state)).reduce((n, r) => n + r.n, 0);
        expect(v.declarations.byType[type][mentor ? "mentor" : "ect"]).toBe(expected);
      }
    }
    const count = (test: (state: DeclarationState) => boolean, mentor: boolean) =>
      rows.filter((r) => r.mentor === mentor && test(r.state)).reduce((n, r) => n + r.n, 0);
    expect(v.declarations.voided).toEqual({ ect: count((s) => s === "voided", false), mentor: count((s) => s === "voided", true) });
    expect(v.declarations.clawedBack).toEqual({ ect: count(isRefundable, false), mentor: count(isRefundable, true) });
    expect(v.declarations.voided.ect).toBeGreaterThan(0);
    const html = renderToStaticMarkup(createElement(StatementFigures, { view: v, links: LINKS }));
    expect(html).toContain(`href="/statements/x/voided?type=ect">${v.declarations.voided.ect}<`);
  });

  it("a paid statement from before snapshots is calculated live; every view is plain JSON", async () => {
    const paid = await db.prisma.statement.findFirstOrThrow({ where: { status: "paid", outputFee: true } });
    expect(paid.snapshot).toBeNull();
    const loaded = await loadStatementView(db.prisma, paid.id);
    expect(loaded?.kind === "view" && loaded.source).toBe("live");
    if (loaded?.kind === "view") expect(JSON.parse(JSON.stringify(loaded.view))).toEqual(loaded.view);
    expect(await loadStatementView(db.prisma, "00000000-0000-4000-8000-000000000000")).toBeNull();
  });

  it("a statement whose provider has no contract for its cohort says so, and cannot be authorised", async () => {
    const provider = await db.prisma.leadProvider.create({ data: { name: "Provider Without A Contract" } });
    const statement = await db.prisma.statement.create({
      data: {
        leadProviderId: provider.id,
        cohortId: cohorts.get(2024)!,
        name: "November 2026",
        month: 11,
        year: 2026,
        deadlineDate: new Date("2026-10-31"),
        paymentDate: new Date("2026-11-25"),
        status: "payable",
      },
    });
    const loaded = await loadStatementView(db.prisma, statement.id);
    expect(loaded).toMatchObject({
      kind: "missing_contract",
      message: "Provider Without A Contract has no call-off contract for the 2024 cohort, so its statements cannot be calculated.",
    });
    const actor = { type: "staff" as const, id: "test", label: "finance@example.com" };
    expect(await authoriseStatement(db.prisma, { statementId: statement.id, actor })).toMatchObject({ ok: false, code: "missing_contract" });
    expect((await db.prisma.statement.findUniqueOrThrow({ where: { id: statement.id } })).status).toBe("payable");
    expect(await db.prisma.auditLog.count({ where: { entityId: statement.id } })).toBe(0);
    // Leave the demo data as it was for the other tests.
    await db.prisma.statement.delete({ where: { id: statement.id } });
    await db.prisma.leadProvider.delete({ where: { id: provider.id } });
  });

  it("the chooser offers each provider's cohorts and statements, and opens the list where the unpaid statements start", async () => {
    const list = await listStatementProviders(db.prisma);
    expect(list.map((p) => p.name)).toEqual(["Ambition Institute", "Best Practice Network", "Teach First", "UCL Early Career Teacher Education"]);
    const providerId = providers.get("Teach First")!;
    expect((await listStatementCohorts(db.prisma, providerId)).map((c) => c.startYear)).toEqual([2021, 2022, 2023, 2024, 2025, 2026]);
    const statements = await listCohortStatements(db.prisma, providerId, cohorts.get(2025)!);
    expect(statements.every((s, i) => i === 0 || s.paymentDate >= statements[i - 1]!.paymentDate)).toBe(true);
    expect(defaultStatement(statements)?.status).toBe("payable");
    expect(defaultStatement(statements)?.name).toBe("October 2026");

    const opened = await listProviderStatements(db.prisma, providerId, null, null);
    const paidCount = await db.prisma.statement.count({ where: { leadProviderId: providerId, status: "paid" } });
    expect(opened.page).toBe(Math.floor(paidCount / STATEMENT_LIST_PAGE_SIZE) + 1);
    expect(opened.items.some((s) => s.status !== "paid")).toBe(true);
    const last = await listProviderStatements(db.prisma, providerId, cohorts.get(2025)!, 999);
    expect(last.page).toBe(last.pages);
    expect(last.items.every((s) => s.cohortYear === 2025)).toBe(true);
  });

  it("the voided and clawed-back lists show only those line items, by participant name, filtered by type and paged", async () => {
    const statement = await db.prisma.statement.findFirstOrThrow({
      where: { leadProviderId: providers.get("Ambition Institute"), cohort: { startYear: 2025 }, status: "open", outputFee: true },
      orderBy: { paymentDate: "asc" },
    });
    const voided = await listStatementDeclarations(db.prisma, statement.id, "voided", { type: null, page: 1 });
    expect(voided.total).toBeGreaterThan(0);
    expect(voided.rows.every((r) => r.state === "voided")).toBe(true);
    const names = voided.rows.map((r) => r.participantName ?? "");
    expect([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(names.slice().sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const clawbacks = await listStatementDeclarations(db.prisma, statement.id, "clawbacks", { type: null, page: 1 });
    expect(clawbacks.total).toBeGreaterThan(0);
    expect(clawbacks.rows.every((r) => r.state === "awaiting_clawback" || r.state === "clawed_back")).toBe(true);
    const mentors = await listStatementDeclarations(db.prisma, statement.id, "clawbacks", { type: "mentor", page: 1 });
    expect(mentors.rows.every((r) => r.participantType === "mentor" && r.courseIdentifier === "ecf-mentor")).toBe(true);
    expect(mentors.total).toBe(clawbacks.counts.mentor);
    const beyond = await listStatementDeclarations(db.prisma, statement.id, "voided", { type: null, page: 5000 });
    expect(beyond.page).toBe(beyond.pages);
    expect(beyond.rows.length).toBeGreaterThan(0);
  });
});
