// The statement pages' data. Figures worked out by hand (at the end): statements seeded row by row
// with the demo's contract numbers, their totals to the penny on the rendered page. Wiring on the
// demo data: the page's view model carries exactly the engine's figures for the seeded statements
// (ECT-only and mentor-funded), the rendered page shows them, the declarations summary matches the
// line items, and the chooser and declaration lists read the right rows.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { StatementFigures, type StatementLinks } from "@/app/statements/_components/statement-figures";
import { loadCalculation } from "@/lib/statements/calculation";
import { authoriseStatement } from "@/lib/statements/authorise";
import {
  defaultStatement,
  listCohortStatements,
  listProviderStatements,
  listStatementCohorts,
  listStatementDeclarations,
  listStatementProviders,
  STATEMENT_LIST_PAGE_SIZE,
} from "@/lib/statements/queries";
import { loadStatementView, type StatementView } from "@/lib/statements/view";
import { DECLARATION_TYPES, DECLARATION_TYPE_LABELS } from "@/lib/domain/declaration-types";
import { isBillable, isRefundable, type DeclarationState } from "@/lib/domain/declaration-states";
import { calculateStatements, serializeStatementResults, type StatementJson } from "@/lib/engine";
import { formatMoneyForDisplay } from "@/lib/format/money";
import { seedDemo } from "@/prisma/seed/demo";
import { DEMO_TODAY } from "./demo-today";
import { statementWithoutContract } from "./no-contract";
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
    const { statement, remove } = await statementWithoutContract(db.prisma, "Provider Without A Contract");
    const loaded = await loadStatementView(db.prisma, statement.id);
    expect(loaded).toMatchObject({
      kind: "missing_contract",
      message: "Provider Without A Contract has no call-off contract for the 2024 cohort, so its statements cannot be calculated.",
    });
    const actor = { type: "staff" as const, id: "test", label: "finance@example.com" };
    // It has no line items either, so DfE's authorise rule refuses it before the calculation would
    // (missing_contract is the refusal for a statement with declarations and no contract).
    const checked = { fingerprint: "0".repeat(64), totalWithVat: "0" };
    expect(await authoriseStatement(db.prisma, { statementId: statement.id, actor, checked })).toMatchObject({ ok: false, code: "no_declarations" });
    expect((await db.prisma.statement.findUniqueOrThrow({ where: { id: statement.id } })).status).toBe("payable");
    expect(await db.prisma.auditLog.count({ where: { entityId: statement.id } })).toBe(0);
    // Leave the demo data as it was for the other tests.
    await remove();
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

// ---------------------------------------------------------------------------
// Hand-worked figures: statements seeded row by row below, their totals worked out by hand from
// those rows and the contract numbers (the demo's Best Practice Network 2024 and Ambition Institute
// 2025 contracts), not by the engine. Money to the penny, as the page shows it.
// ---------------------------------------------------------------------------

type Flags = { sparsityUplift?: boolean; pupilPremiumUplift?: boolean };
type LineItemSpec = { statementId: string; state: DeclarationState };

describe.each(availableKinds())("hand-worked statement figures on %s", (kind) => {
  let db: TestDb;
  let pooled: { september: string; october: string; noInstalment: string };
  let funded: { november: string };

  beforeAll(async () => {
    db = await createTestDb(kind);
    const p = db.prisma;
    const provider = await p.leadProvider.create({ data: { name: "Hand Worked Institute", vatChargeable: true } });
    let serial = 0;

    async function statement(cohortId: string, name: string, month: number, year: number, status: "open" | "payable" | "paid", serviceFeeInstalment: number | null) {
      const made = await p.statement.create({
        data: {
          leadProviderId: provider.id,
          cohortId,
          name,
          month,
          year,
          serviceFeeInstalment,
          deadlineDate: new Date(Date.UTC(year, month - 2, 28)),
          paymentDate: new Date(Date.UTC(year, month - 1, 25)),
          status,
        },
      });
      return made.id;
    }

    /** One participant's declaration, with a line item on each statement given. */
    async function declaration(
      cohortId: string,
      type: "ect" | "mentor",
      declarationType: string,
      state: DeclarationState,
      lineItems: LineItemSpec[],
      flags: Flags = {},
    ) {
      serial += 1;
      const user = await p.user.create({ data: { fullName: `Participant ${String(serial).padStart(2, "0")}`, email: `hand-${serial}@example.com` } });
      const identity = await p.participantIdentity.create({ data: { userId: user.id, externalIdentifier: user.id, email: user.email } });
      const profile = await p.participantProfile.create({ data: { participantIdentityId: identity.id, type, eligibleForFunding: true, ...flags } });
      const made = await p.participantDeclaration.create({
        data: {
          participantProfileId: profile.id,
          userId: user.id,
          leadProviderId: provider.id,
          cohortId,
          declarationType,
          declarationDate: new Date("2030-08-01T10:00:00Z"),
          courseIdentifier: type === "mentor" ? "ecf-mentor" : "ecf-induction",
          state,
          ...flags,
        },
      });
      for (const item of lineItems) await p.statementLineItem.create({ data: { statementId: item.statementId, participantDeclarationId: made.id, state: item.state } });
    }

    // -- Cohort 2030: ECTs and mentors pooled in the bands (no separate mentor funding). ----------
    // The Best Practice Network 2024 contract: bands A 1–20 £995, B 21–40 £979, C 41–60 £966,
    // D 61–70 £949 (60% output, 40% service fee); recruitment target 60; set-up fee £1,500; uplift £100.
    const cohort2030 = await p.cohort.create({ data: { startYear: 2030, mentorFunding: false } });
    await p.callOffContract.create({
      data: {
        leadProviderId: provider.id,
        cohortId: cohort2030.id,
        recruitmentTarget: 60,
        setUpFee: "1500.00",
        upliftAmount: "100.00",
        bands: {
          create: [
            { min: null, max: 20, perParticipant: "995.00" },
            { min: 21, max: 40, perParticipant: "979.00" },
            { min: 41, max: 60, perParticipant: "966.00" },
            { min: 61, max: 70, perParticipant: "949.00" },
          ],
        },
      },
    });
    const september = await statement(cohort2030.id, "September 2030", 9, 2030, "paid", 1);
    const october = await statement(cohort2030.id, "October 2030", 10, 2030, "payable", 2);
    // A statement that pays no service-fee instalment (the 30th of a calendar).
    const noInstalment = await statement(cohort2030.id, "April 2033", 4, 2033, "open", null);
    pooled = { september, october, noInstalment };
    // September: 19 ECTs started (paid); 3 attract the uplift: sparsity, pupil premium, both. The
    // sparsity one is voided after payment: a clawback on October. One more started, voided unpaid.
    await declaration(cohort2030.id, "ect", "started", "awaiting_clawback", [{ statementId: september, state: "paid" }, { statementId: october, state: "awaiting_clawback" }], { sparsityUplift: true });
    await declaration(cohort2030.id, "ect", "started", "paid", [{ statementId: september, state: "paid" }], { pupilPremiumUplift: true });
    await declaration(cohort2030.id, "ect", "started", "paid", [{ statementId: september, state: "paid" }], { sparsityUplift: true, pupilPremiumUplift: true });
    for (let i = 0; i < 16; i += 1) await declaration(cohort2030.id, "ect", "started", "paid", [{ statementId: september, state: "paid" }]);
    await declaration(cohort2030.id, "ect", "started", "voided", [{ statementId: september, state: "voided" }]);
    // October: 3 ECTs started (one with both uplifts), 1 mentor started (pupil premium), 2 ECTs
    // retained-1 (payable), 1 retained-1 ineligible, 1 started voided; two adjustments.
    await declaration(cohort2030.id, "ect", "started", "payable", [{ statementId: october, state: "payable" }], { sparsityUplift: true, pupilPremiumUplift: true });
    await declaration(cohort2030.id, "ect", "started", "payable", [{ statementId: october, state: "payable" }]);
    await declaration(cohort2030.id, "ect", "started", "payable", [{ statementId: october, state: "payable" }]);
    await declaration(cohort2030.id, "mentor", "started", "payable", [{ statementId: october, state: "payable" }], { pupilPremiumUplift: true });
    await declaration(cohort2030.id, "ect", "retained-1", "payable", [{ statementId: october, state: "payable" }]);
    await declaration(cohort2030.id, "ect", "retained-1", "payable", [{ statementId: october, state: "payable" }]);
    await declaration(cohort2030.id, "ect", "retained-1", "ineligible", [{ statementId: october, state: "ineligible" }]);
    await declaration(cohort2030.id, "ect", "started", "voided", [{ statementId: october, state: "voided" }]);
    await p.additionalAdjustment.create({ data: { statementId: october, name: "Mobilisation support", amount: "1250.50" } });
    await p.additionalAdjustment.create({ data: { statementId: october, name: "Overpayment recovery", amount: "-300.00" } });

    // -- Cohort 2031: mentors funded separately. ---------------------------------------------------
    // The Ambition Institute 2025 contract: bands A 1–2,000 £1,000, B 2,001–4,000 £975, C 4,001+ £950;
    // monthly service fee £52,500; no uplift (none from the 2025 cohort); mentor contract £1,000 per participant.
    const cohort2031 = await p.cohort.create({ data: { startYear: 2031, mentorFunding: true } });
    await p.callOffContract.create({
      data: {
        leadProviderId: provider.id,
        cohortId: cohort2031.id,
        recruitmentTarget: 4600,
        setUpFee: "95000.00",
        monthlyServiceFee: "52500.00",
        upliftAmount: null,
        bands: {
          create: [
            { min: null, max: 2000, perParticipant: "1000.00" },
            { min: 2001, max: 4000, perParticipant: "975.00" },
            { min: 4001, max: null, perParticipant: "950.00" },
          ],
        },
      },
    });
    await p.mentorCallOffContract.create({ data: { leadProviderId: provider.id, cohortId: cohort2031.id, paymentPerParticipant: "1000.00" } });
    const octoberFunded = await statement(cohort2031.id, "October 2031", 10, 2031, "paid", 7);
    const november = await statement(cohort2031.id, "November 2031", 11, 2031, "open", 8);
    funded = { november };
    // October: a mentor started (paid), voided after payment: a mentor clawback on November.
    await declaration(cohort2031.id, "mentor", "started", "awaiting_clawback", [{ statementId: octoberFunded, state: "paid" }, { statementId: november, state: "awaiting_clawback" }]);
    // November: 2 ECTs started (one with sparsity), 1 ECT completed, 1 ECT started voided;
    // 3 mentors started (one with sparsity), 1 mentor completed.
    await declaration(cohort2031.id, "ect", "started", "eligible", [{ statementId: november, state: "eligible" }], { sparsityUplift: true });
    await declaration(cohort2031.id, "ect", "started", "eligible", [{ statementId: november, state: "eligible" }]);
    await declaration(cohort2031.id, "ect", "completed", "eligible", [{ statementId: november, state: "eligible" }]);
    await declaration(cohort2031.id, "ect", "started", "voided", [{ statementId: november, state: "voided" }]);
    await declaration(cohort2031.id, "mentor", "started", "eligible", [{ statementId: november, state: "eligible" }], { sparsityUplift: true });
    await declaration(cohort2031.id, "mentor", "started", "eligible", [{ statementId: november, state: "eligible" }]);
    await declaration(cohort2031.id, "mentor", "started", "eligible", [{ statementId: november, state: "eligible" }]);
    await declaration(cohort2031.id, "mentor", "completed", "eligible", [{ statementId: november, state: "eligible" }]);
  });
  afterAll(async () => {
    await db?.drop();
  });

  async function page(statementId: string): Promise<{ v: StatementView; html: string }> {
    const loaded = await loadStatementView(db.prisma, statementId);
    if (loaded?.kind !== "view") throw new Error(`No view for ${statementId}`);
    return { v: loaded.view, html: renderToStaticMarkup(createElement(StatementFigures, { view: loaded.view, links: LINKS })) };
  }

  const summary = (key: string, value: string) => `<dt class="govuk-summary-list__key">${key}</dt><dd class="govuk-summary-list__value">${value}</dd>`;

  /** Each summary list row (key, value) is on the page. */
  function expectSummaryRows(html: string, rows: [key: string, value: string][]) {
    for (const [key, value] of rows) expect(html).toContain(summary(key, value));
  }

  // Service fee (formula; no monthly fee): the recruitment target of 60 fills A, B and C (20 each).
  //   A 20 × £995 × 40% = £7,960;  B 20 × £979 × 40% = £7,832;  C 20 × £966 × 40% = £7,728;  D 0.
  //   Set-up fee deduction: 20 in A of A's capacity 20 → the whole £1,500.
  //   Total £7,960 + £7,832 + £7,728 − £1,500 = £22,020, in 29 instalments: £22,020 ÷ 29 = £759.3103…
  //   → £759.31 for instalments 1–28 (the 29th: £22,020 − 28 × £759.31 = £759.32).
  // Output fee per declaration = band price × 60% output × the type's share (started 20%, retained 15%):
  //   started A £119.40, B £117.48, C £115.92, D £113.88;  retained-1 A £89.55, B £88.11.

  it("a pooled statement with no history: 19 started in band A, 3 uplifts, the service fee, VAT", async () => {
    const { v, html } = await page(pooled.september);
    // Output: 19 × £119.40 = £2,268.60.  Uplift: 3 × £100 = £300 (both flags count once).
    // Instalment 1 of 29: £759.31.
    // Total: £759.31 + £2,268.60 + £300 = £3,327.91
    // VAT 20%: £665.582 → £665.58.  With VAT: £3,993.492 → £3,993.49.
    expect(tableRows(html, "Output payments")[1]).toEqual(["Started", "19", "0", "0", "0", "£2,268.60"]);
    expect(tableRows(html, "Uplift fees")[1]).toEqual(["Sparsity or pupil premium uplift", "3", "£100.00", "£300.00"]);
    expect(html).toContain("Service fee on this statement: <strong>£759.31</strong>");
    expect(html).toContain(">Service fee: instalment 1 of 29</p>");
    expect(tableRows(html, "How the service fee is worked out").at(-1)).toEqual(["Instalment 1 of 29", "", "", "", "£759.31"]);
    expectSummaryRows(html, [
      ["Total (excluding VAT)", "£3,327.91"],
      ["VAT", "£665.58"],
    ]);
    expect(html).toContain(`data-testid="total-with-vat">£3,993.49<`);
    expect(html).toContain("Nothing is clawed back on this statement.");
    expect(v.declarations.voided).toEqual({ ect: 1, mentor: 0 });
  });

  it("a pooled statement after it: bands filled by the earlier one, a mentor in the bands, a clawback, adjustments", async () => {
    const { v, html } = await page(pooled.october);
    // Started: 19 earlier fill A to 19. Now 4 billable (3 ECTs + 1 mentor, pooled): A takes 1, B 3.
    //   1 × £119.40 + 3 × £117.48 = £119.40 + £352.44 = £471.84.
    //   The 1 started clawback comes off this statement's additions, highest band first: B, −£117.48.
    // Retained-1: none earlier; 2 billable → A: 2 × £89.55 = £179.10. (The ineligible one: nothing.)
    // Output payment: £471.84 + £179.10 = £650.94.
    // Uplift: the ECT with both flags and the mentor (pupil premium): 2 × £100 = £200; clawback −£100.
    // Adjustments: £1,250.50 − £300.00 = £950.50.
    // Instalment 2 of 29: £759.31.
    // Total: £759.31 + £650.94 + £200 − £117.48 − £100 + £950.50 = £2,343.27
    // VAT 20%: £468.654 → £468.65.  With VAT: £2,811.924 → £2,811.92.
    const output = tableRows(html, "Output payments");
    expect(output[1]).toEqual(["Started", "1", "3", "0", "0", "£471.84"]);
    expect(output[2]).toEqual(["Fee per participant", "£119.40", "£117.48", "£115.92", "£113.88", ""]);
    expect(output[3]).toEqual(["Retained 1", "2", "0", "0", "0", "£179.10"]);
    expect(output[4]).toEqual(["Fee per participant", "£89.55", "£88.11", "£86.94", "£85.41", ""]);
    expect(output.at(-1)).toEqual(["Output payment total", "", "", "", "", "£650.94"]);
    expect(tableRows(html, "Clawbacks by declaration type and band").slice(1)).toEqual([
      ["Clawback for Started (Band: B)", "1", "−£117.48", "−£117.48"],
      ["Uplift clawback", "1", "−£100.00", "−£100.00"],
      ["Clawbacks total", "", "", "−£217.48"],
    ]);
    expectSummaryRows(html, [
      ["Output payment", "£650.94"],
      ["Service fee", "£759.31"],
      ["Uplift fees", "£200.00"],
      ["Clawbacks", "−£117.48"],
      ["Uplift clawbacks", "−£100.00"],
      ["Additional adjustments", "£950.50"],
      ["Total (excluding VAT)", "£2,343.27"],
      ["VAT", "£468.65"],
    ]);
    expect(html).toContain(`data-testid="total-with-vat">£2,811.92<`);
    // The declarations summary: billable by type, the clawback, and the voided one.
    expect(v.declarations.byType.started).toEqual({ ect: 3, mentor: 1 });
    expect(v.declarations.byType["retained-1"]).toEqual({ ect: 2, mentor: 0 });
    expect(v.declarations.clawedBack).toEqual({ ect: 1, mentor: 0 });
    expect(v.declarations.voided).toEqual({ ect: 1, mentor: 0 });
  });

  it("a statement that pays no service-fee instalment says so and pays no service fee", async () => {
    const { html } = await page(pooled.noInstalment);
    expect(html).toContain("This statement pays no service fee: the contract&#x27;s 29 instalments are paid on other statements.");
    expectSummaryRows(html, [["Service fee", "£0.00"]]);
    expect(tableRows(html, "How the service fee is worked out").at(-1)).toEqual(["On this statement (no instalment)", "", "", "", "£0.00"]);
  });

  it("a mentor-funded statement: ECTs in the bands with the monthly service fee, no uplift, mentors at £500, each side with VAT", async () => {
    const { v, html } = await page(funded.november);
    // ECT side: started 2 in band A at 20% × £1,000 × 60% = £120 → £240; completed 1 in A → £120.
    //   Output £360; no uplift (from 2025 contracts have none, so the ECT with sparsity earns
    //   nothing more); the monthly service fee £52,500 as instalment 8 of 29.
    //   ECT total £52,500 + £360 = £52,860; VAT £10,572.
    // Mentor side: started 3 × £500 (50% of £1,000) = £1,500, completed 1 × £500; output £2,000;
    //   clawback 1 started −£500. Total £1,500; VAT £300.
    // Statement: £52,860 + £1,500 = £54,360; VAT £10,872; with VAT £65,232.
    expect(tableRows(html, "ECT output payments").at(-1)).toEqual(["ECT output payment total", "", "", "", "£360.00"]);
    // No uplift rows at all on a mentor-funded statement.
    expect(html).not.toContain("Uplift fees");
    expect(html).not.toContain("Uplift clawbacks");
    expect(html).toContain(">Service fee: instalment 8 of 29</p>");
    expect(tableRows(html, "Mentor output payments").slice(1)).toEqual([
      ["Started", "3", "£500.00", "£1,500.00"],
      ["Completed", "1", "£500.00", "£500.00"],
      ["Mentor output payment total", "", "", "£2,000.00"],
    ]);
    expect(tableRows(html, "Clawbacks by declaration type and band").slice(1)).toEqual([
      ["Mentor clawback for Started", "1", "−£500.00", "−£500.00"],
      ["Clawbacks total", "", "", "−£500.00"],
    ]);
    expectSummaryRows(html, [
      ["ECT output payment", "£360.00"],
      ["Service fee", "£52,500.00"],
      ["ECT total (excluding VAT)", "£52,860.00"],
      ["ECT VAT", "£10,572.00"],
      ["Mentor output payment", "£2,000.00"],
      ["Mentor clawbacks", "−£500.00"],
      ["Mentor total (excluding VAT)", "£1,500.00"],
      ["Mentor VAT", "£300.00"],
      ["Total (excluding VAT)", "£54,360.00"],
      ["VAT", "£10,872.00"],
    ]);
    expect(html).toContain(`data-testid="total-with-vat">£65,232.00<`);
    expect(v.declarations.byType.started).toEqual({ ect: 2, mentor: 3 });
    expect(v.declarations.byType.completed).toEqual({ ect: 1, mentor: 1 });
    expect(v.declarations.clawedBack).toEqual({ ect: 0, mentor: 1 });
  });
});
