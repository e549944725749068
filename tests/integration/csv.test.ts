// The statement declarations CSV: exact columns in order, one row per line item ordered by
// participant name, RFC 4180 quoting, formula injection neutralised, ISO 8601 dates, rows with no
// school, delivery partner or induction record kept; and a 100,000-row export (30,000 on PGlite)
// streamed from a cursor with its memory measured.
import v8 from "node:v8";
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { calculateStatement } from "@/lib/statements/calculation";
import {
  csvWriter,
  neutraliseFormula,
  STATEMENT_CSV_HEADERS,
  statementCsvFilename,
  statementDeclarationsCsv,
} from "@/lib/statements/csv";
import { explainStatementCsv, statementCsvRowBatches, type StatementCsvRow } from "@/lib/statements/csv-rows";
import { MENTOR_COURSE_IDENTIFIER } from "@/lib/domain/courses";
import { DECLARATION_STATES, type DeclarationState } from "@/lib/domain/declaration-states";
import { attractsUplift, upliftEffect, type UpliftTerms } from "@/lib/engine/uplift";
import { createLargeStatement } from "@/tests/unit/statements/large-statement";
import { availableKinds, withTestDb, type TestDb } from "./db";

/** The column list, verbatim. */
const EXPECTED_HEADER =
  "Participant ID, Participant Name, TRN, Type, Mentor Profile ID, Schedule, Eligible For Funding, Eligible For Funding Reason, Sparsity Uplift, Pupil Premium Uplift, Sparsity And Pp, Lead Provider Name, Delivery Partner Name, School Urn, School Name, Training Status, Training Status Reason, Declaration ID, Declaration Status, Declaration Type, Declaration Date, Declaration Created At, Statement Name, Statement ID, Uplift Payable".split(
    ", ",
  );

/** A strict RFC 4180 reader (CRLF records, quoted fields with doubled quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (c === '"') {
        quoted = false;
        i += 1;
      } else {
        field += c;
        i += 1;
      }
    } else if (c === '"' && field === "") {
      quoted = true;
      i += 1;
    } else if (c === ",") {
      row.push(field);
      field = "";
      i += 1;
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i += 2;
    } else if (c === "\r" || c === "\n" || c === '"') {
      throw new Error(`Unquoted ${JSON.stringify(c)} at ${i}`);
    } else {
      field += c;
      i += 1;
    }
  }
  if (field !== "" || row.length > 0) throw new Error("The file does not end with CRLF");
  return rows;
}

/** The bytes as text, keeping the byte order mark (Response.text() would drop it). */
async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(await new Response(stream).arrayBuffer());
}

/** The garbage collector, to tell live memory from garbage not yet collected. */
function collector(): () => void {
  v8.setFlagsFromString("--expose-gc");
  return vm.runInNewContext("gc") as () => void;
}

const NAMES = [
  "Zed Last",
  "Able, First",
  'Ann "Quote" Smith',
  "Multi\nLine",
  "=1+2 Formula",
  "+Plus Name",
  "-Minus Name",
  "@At Name",
  "\tTab Name",
  "\rCarriage Name",
  "Bea Mentor",
  "Cal No Induction",
  "Dee No School",
];

/** A call-off contract with one unbounded £1,000 band. */
async function createContract(db: TestDb, leadProviderId: string, cohortId: string, upliftAmount: string | null) {
  await db.prisma.callOffContract.create({
    data: { leadProviderId, cohortId, recruitmentTarget: 100, setUpFee: "0", upliftAmount, bands: { create: [{ min: 0, max: null, perParticipant: "1000.00" }] } },
  });
}

async function fixture(db: TestDb) {
  const p = db.prisma;
  const provider = await p.leadProvider.create({ data: { name: 'Ambition, "Quoted" Institute' } });
  const cohort = await p.cohort.create({ data: { startYear: 2031 } });
  const schedule = await p.schedule.create({ data: { cohortId: cohort.id, identifier: "ecf-standard-september", name: "ECF Standard September" } });
  await createContract(db, provider.id, cohort.id, "100.00");
  const statement = await p.statement.create({
    data: {
      leadProviderId: provider.id,
      cohortId: cohort.id,
      name: "January 2032",
      month: 1,
      year: 2032,
      deadlineDate: new Date("2031-12-31"),
      paymentDate: new Date("2032-01-25"),
    },
  });
  const school = await p.school.create({ data: { urn: "100001", name: "St Mary's, Upper\nSchool" } });
  const partners = await Promise.all(
    ['=HYPERLINK("http://example.com")', "+44 Partners", "Plain Partners"].map((name) => p.deliveryPartner.create({ data: { name } })),
  );
  const made: { name: string; declarationId: string; state: DeclarationState; uplift: boolean; type: string }[] = [];
  for (const [i, fullName] of NAMES.entries()) {
    const mentor = fullName === "Bea Mentor";
    const user = await p.user.create({ data: { fullName, email: `csv-${i}@example.com` } });
    const identity = await p.participantIdentity.create({ data: { userId: user.id, externalIdentifier: user.id, email: user.email } });
    const profile = await p.participantProfile.create({
      data: {
        participantIdentityId: identity.id,
        type: mentor ? "mentor" : "ect",
        trn: mentor ? null : String(2000000 + i),
        eligibleForFunding: i === 1 ? false : i === 2 ? null : true,
        ineligibleForFundingReason: i === 1 ? "duplicate_declaration" : null,
        sparsityUplift: i % 3 === 0,
        pupilPremiumUplift: i % 2 === 0,
      },
    });
    if (fullName !== "Cal No Induction") {
      await p.inductionRecord.create({
        data: {
          participantProfileId: profile.id,
          leadProviderId: provider.id,
          schoolId: fullName === "Dee No School" ? null : school.id,
          deliveryPartnerId: partners[i % 3]!.id,
          scheduleId: schedule.id,
          trainingStatus: i === 4 ? "withdrawn" : "active",
          trainingStatusReason: i === 4 ? "left-teaching-profession" : null,
          startDate: new Date("2031-09-01T00:00:00Z"),
        },
      });
    }
    const state: DeclarationState = i === 6 ? "voided" : i === 7 ? "ineligible" : "eligible";
    const type = i === 8 ? "retained-1" : "started";
    const declaration = await p.participantDeclaration.create({
      data: {
        participantProfileId: profile.id,
        userId: user.id,
        leadProviderId: provider.id,
        cohortId: cohort.id,
        deliveryPartnerId: fullName === "Dee No School" ? null : partners[i % 3]!.id,
        declarationType: type,
        declarationDate: new Date(Date.UTC(2031, 9, 1 + i, 10, 30, 15, 250)),
        courseIdentifier: mentor ? "ecf-mentor" : "ecf-induction",
        state,
        sparsityUplift: i % 3 === 0,
        pupilPremiumUplift: i % 2 === 0,
        createdAt: new Date(Date.UTC(2031, 10, 1 + i, 8, 0, 0, 0)),
      },
    });
    await p.statementLineItem.create({ data: { statementId: statement.id, participantDeclarationId: declaration.id, state } });
    made.push({ name: fullName, declarationId: declaration.id, state, uplift: i % 3 === 0 || i % 2 === 0, type });
  }
  return { statement, provider, made };
}

/**
 * Every case of the uplift rule, as rows: three contracts (ECTs and mentors pooled with an uplift
 * amount; a cohort that funds mentors separately, with an uplift amount; no uplift amount), and on
 * each statement an ECT and a mentor declaration for every uplift flag pair, started and completed,
 * in every state.
 */
async function upliftFixture(db: TestDb) {
  const p = db.prisma;
  const provider = await p.leadProvider.create({ data: { name: "Uplift Institute" } });
  const contexts = [
    { name: "pooled", year: 2031, mentorFunding: false, upliftAmount: "100.00" as string | null },
    { name: "mentor-funded", year: 2032, mentorFunding: true, upliftAmount: "100.00" as string | null },
    { name: "no uplift amount", year: 2033, mentorFunding: false, upliftAmount: null as string | null },
  ];
  const flags = [
    { sparsityUplift: true, pupilPremiumUplift: false },
    { sparsityUplift: false, pupilPremiumUplift: true },
    { sparsityUplift: true, pupilPremiumUplift: true },
    { sparsityUplift: false, pupilPremiumUplift: false },
  ];
  const made = new Map<string, { context: string; terms: UpliftTerms; mentor: boolean }>();
  const statements: { context: string; id: string }[] = [];
  for (const context of contexts) {
    const cohort = await p.cohort.create({ data: { startYear: context.year, mentorFunding: context.mentorFunding } });
    await createContract(db, provider.id, cohort.id, context.upliftAmount);
    if (context.mentorFunding) await p.mentorCallOffContract.create({ data: { leadProviderId: provider.id, cohortId: cohort.id, paymentPerParticipant: "1000.00" } });
    const statement = await p.statement.create({
      data: {
        leadProviderId: provider.id,
        cohortId: cohort.id,
        name: "January",
        month: 1,
        year: context.year + 1,
        deadlineDate: new Date(Date.UTC(context.year, 11, 31)),
        paymentDate: new Date(Date.UTC(context.year + 1, 0, 25)),
      },
    });
    statements.push({ context: context.name, id: statement.id });
    const terms: UpliftTerms = { hasUpliftAmount: context.upliftAmount !== null, mentorFunding: context.mentorFunding };
    for (const mentor of [false, true]) {
      const user = await p.user.create({ data: { fullName: `${context.name} ${mentor ? "mentor" : "ECT"}`, email: `uplift-${context.year}-${mentor}@example.com` } });
      const identity = await p.participantIdentity.create({ data: { userId: user.id, externalIdentifier: user.id, email: user.email } });
      // A profile per flag pair and state: the database allows one live declaration per profile,
      // course and type (migration 20261206002300_hardening), and this fixture has every state of each.
      const profileIds = flags.map(() => DECLARATION_STATES.map(() => crypto.randomUUID()));
      await p.participantProfile.createMany({
        data: profileIds.flat().map((id) => ({ id, participantIdentityId: identity.id, type: mentor ? "mentor" : "ect", eligibleForFunding: true })),
      });
      const declarations = flags.flatMap((flag, f) =>
        ["started", "completed"].flatMap((declarationType) =>
          DECLARATION_STATES.map((state, s) => ({
            id: crypto.randomUUID(),
            participantProfileId: profileIds[f]![s]!,
            userId: user.id,
            leadProviderId: provider.id,
            cohortId: cohort.id,
            declarationType,
            declarationDate: new Date(Date.UTC(context.year, 9, 1)),
            courseIdentifier: mentor ? MENTOR_COURSE_IDENTIFIER : "ecf-induction",
            state,
            ...flag,
          })),
        ),
      );
      await p.participantDeclaration.createMany({ data: declarations });
      await p.statementLineItem.createMany({ data: declarations.map((d) => ({ statementId: statement.id, participantDeclarationId: d.id, state: d.state })) });
      for (const d of declarations) made.set(d.id, { context: context.name, terms, mentor });
    }
  }
  return { made, statements };
}

async function csvRows(db: TestDb, statementId: string): Promise<StatementCsvRow[]> {
  const rows: StatementCsvRow[] = [];
  for await (const batch of statementCsvRowBatches(db.sql, statementId, 50)) rows.push(...batch);
  return rows;
}

describe.each(availableKinds())("declarations CSV on %s", (kind) => {
  it("has the columns in order, a row per line item by participant name, escaping, neutralised formulas, ISO dates and blank cells", async () => {
    await withTestDb(kind, async (db) => {
      const { statement, made } = await fixture(db);
      const text = await readAll(statementDeclarationsCsv(db, statement.id, { batchSize: 4 }));
      expect(text.startsWith("\uFEFF")).toBe(true);
      const [header, ...rows] = parseCsv(text.slice(1));
      expect(header).toEqual(EXPECTED_HEADER);
      expect(STATEMENT_CSV_HEADERS).toEqual(EXPECTED_HEADER);
      expect(rows).toHaveLength(NAMES.length);
      const column = (name: string) => EXPECTED_HEADER.indexOf(name);
      const cell = (row: string[], name: string) => row[column(name)]!;

      // Ordered by participant name, as the database orders names.
      const ordered = await db.sql.query<{ full_name: string }>(`SELECT full_name FROM users ORDER BY full_name`);
      expect(rows.map((r) => cell(r, "Participant Name"))).toEqual(ordered.map((r) => neutraliseFormula(r.full_name)));
      expect(rows.findIndex((r) => cell(r, "Participant Name") === "Able, First")).toBeLessThan(
        rows.findIndex((r) => cell(r, "Participant Name") === "Zed Last"),
      );

      const byDeclaration = new Map(rows.map((r) => [cell(r, "Declaration ID"), r]));
      for (const m of made) {
        const row = byDeclaration.get(m.declarationId)!;
        expect(row).toBeDefined();
        // Escaping round-trips; a cell starting with = + - @ tab or CR gets a leading '.
        expect(cell(row, "Participant Name")).toBe(/^[=+\-@\t\r]/.test(m.name) ? `'${m.name}` : m.name);
        expect(cell(row, "Declaration Status")).toBe(m.state);
        expect(cell(row, "Declaration Type")).toBe(m.type);
        expect(cell(row, "Statement Name")).toBe("January 2032");
        expect(cell(row, "Statement ID")).toBe(statement.id);
        expect(cell(row, "Lead Provider Name")).toBe('Ambition, "Quoted" Institute');
        expect(cell(row, "Declaration Date")).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
        expect(cell(row, "Declaration Created At")).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      }
      const declarations = await db.prisma.participantDeclaration.findMany();
      for (const d of declarations) {
        const row = byDeclaration.get(d.id)!;
        expect(cell(row, "Declaration Date")).toBe(d.declarationDate.toISOString());
        expect(cell(row, "Declaration Created At")).toBe(d.createdAt.toISOString());
        expect(cell(row, "Participant ID")).toBe(d.userId);
      }
      expect(cell(byDeclaration.get(made[0]!.declarationId)!, "Declaration Date")).toBe("2031-10-01T10:30:15.250Z");

      const named = (name: string) => rows.find((r) => cell(r, "Participant Name") === name)!;
      expect(cell(named("Multi\nLine"), "School Name")).toBe("St Mary's, Upper\nSchool");
      expect(cell(named("Zed Last"), "Delivery Partner Name")).toBe(`'=HYPERLINK("http://example.com")`);
      expect(cell(named("Able, First"), "Delivery Partner Name")).toBe("'+44 Partners");
      expect(cell(named("Able, First"), "Eligible For Funding")).toBe("false");
      expect(cell(named("Able, First"), "Eligible For Funding Reason")).toBe("duplicate_declaration");
      expect(cell(named('Ann "Quote" Smith'), "Eligible For Funding")).toBe("");
      expect(cell(named("'=1+2 Formula"), "Training Status")).toBe("withdrawn");
      expect(cell(named("'=1+2 Formula"), "Training Status Reason")).toBe("left-teaching-profession");
      expect(cell(named("Bea Mentor"), "Type")).toBe("mentor");
      expect(cell(named("Bea Mentor"), "TRN")).toBe("");
      expect(cell(named("Zed Last"), "Type")).toBe("ect");
      expect(cell(named("Zed Last"), "Schedule")).toBe("ecf-standard-september");
      // No induction record, no school, no delivery partner: still there, with blank cells.
      const noInduction = named("Cal No Induction");
      for (const name of ["Schedule", "School Urn", "School Name", "Training Status", "Training Status Reason"]) expect(cell(noInduction, name)).toBe("");
      const noSchool = named("Dee No School");
      for (const name of ["School Urn", "School Name", "Delivery Partner Name"]) expect(cell(noSchool, name)).toBe("");
      expect(cell(noSchool, "Schedule")).toBe("ecf-standard-september");

      for (const row of rows) {
        expect(["true", "false"]).toContain(cell(row, "Sparsity Uplift"));
        expect(cell(row, "Sparsity And Pp")).toBe(String(cell(row, "Sparsity Uplift") === "true" && cell(row, "Pupil Premium Uplift") === "true"));
      }
      // "Uplift Payable" marks exactly the line items the engine pays the uplift for.
      const calculation = await calculateStatement(db.prisma, statement.id);
      const upliftPayable = rows.filter((r) => cell(r, "Uplift Payable") === "true").length;
      expect(upliftPayable).toBe(calculation!.result.ect.upliftCount);
      expect(upliftPayable).toBeGreaterThan(0);
      expect(rows.some((r) => cell(r, "Uplift Payable") === "false" && cell(r, "Sparsity Uplift") === "true")).toBe(true);

      // A statement with no line items: just the header.
      const empty = await db.prisma.statement.create({
        data: { leadProviderId: statement.leadProviderId, cohortId: statement.cohortId, name: "February 2032", month: 2, year: 2032, deadlineDate: new Date("2032-01-31"), paymentDate: new Date("2032-02-25") },
      });
      expect(parseCsv((await readAll(statementDeclarationsCsv(db, empty.id))).slice(1))).toEqual([EXPECTED_HEADER]);
    });
  });

  it("keeps the order by participant name through a rename and a move to another participant, on a paid statement too, from the index", async () => {
    await withTestDb(kind, async (db) => {
      const { statement, made } = await fixture(db);
      const names = async () => {
        const [, ...rows] = parseCsv((await readAll(statementDeclarationsCsv(db, statement.id, { batchSize: 4 }))).slice(1));
        return rows.map((r) => r[EXPECTED_HEADER.indexOf("Participant Name")]!);
      };
      const asDatabaseOrders = async () =>
        (await db.sql.query<{ full_name: string }>(`SELECT full_name FROM users ORDER BY full_name`)).map((r) => neutraliseFormula(r.full_name));
      /** Each line item's copy of the name against its participant's name now. */
      const copies = () =>
        db.sql.query<{ copy: string | null; name: string }>(
          `SELECT li.participant_name AS copy, u.full_name AS name
             FROM statement_line_items li JOIN participant_declarations d ON d.id = li.participant_declaration_id JOIN users u ON u.id = d.user_id`,
        );
      const lineItems = () => db.prisma.statementLineItem.findMany({ select: { id: true, statementId: true, state: true, updatedAt: true }, orderBy: { id: "asc" } });
      const zed = await db.prisma.user.findFirstOrThrow({ where: { fullName: "Zed Last" } });
      expect((await names())[NAMES.length - 1]).toBe("Zed Last");

      // Renamed: the participant's rows move to where the new name sorts.
      await db.prisma.user.update({ where: { id: zed.id }, data: { fullName: "Aaron Renamed" } });
      const renamed = await names();
      expect(renamed).not.toContain("Zed Last");
      expect(renamed.indexOf("Aaron Renamed")).toBeLessThan(renamed.indexOf("Able, First"));
      expect(renamed).toEqual(await asDatabaseOrders());

      // On a paid statement the copy still follows: it is not a paid fact, and nothing else changes.
      await db.sql.query(`UPDATE statements SET status = 'paid' WHERE id = $1`, [statement.id]);
      const paidLineItems = await lineItems();
      await db.prisma.user.update({ where: { id: zed.id }, data: { fullName: "Zed Last" } });
      expect(await names()).toEqual(await asDatabaseOrders());
      expect((await names())[NAMES.length - 1]).toBe("Zed Last");
      expect(await lineItems()).toEqual(paidLineItems);
      // Whatever is written to the copy, the database keeps the participant's name...
      await db.sql.query(`UPDATE statement_line_items SET participant_name = 'Somebody Else' WHERE statement_id = $1`, [statement.id]);
      for (const row of await copies()) expect(row.copy).toBe(row.name);
      // ...and a paid line item's facts still cannot change alongside it.
      await expect(
        db.sql.query(`UPDATE statement_line_items SET participant_name = 'Somebody Else', state = 'voided' WHERE statement_id = $1 AND state = 'eligible'`, [
          statement.id,
        ]),
      ).rejects.toThrow(/is paid: its line items cannot change/);
      expect(await lineItems()).toEqual(paidLineItems);

      // A line item inserted with a wrong name, or none, gets the participant's (checked once per INSERT).
      const next = await db.prisma.statement.create({
        data: { leadProviderId: statement.leadProviderId, cohortId: statement.cohortId, name: "February 2032", month: 2, year: 2032, deadlineDate: new Date("2032-01-31"), paymentDate: new Date("2032-02-25") },
      });
      await db.sql.query(
        `INSERT INTO statement_line_items (id, statement_id, participant_declaration_id, state, participant_name, updated_at)
         SELECT gen_random_uuid(), $1::uuid, d.id, 'eligible', w.name, now()
           FROM unnest($2::uuid[], $3::text[]) AS w(declaration_id, name)
           JOIN participant_declarations d ON d.id = w.declaration_id`,
        [next.id, made.slice(0, 3).map((m) => m.declarationId), ["Somebody Else", null, made[2]!.name]],
      );
      await db.sql.query(
        `INSERT INTO statement_line_items (id, statement_id, participant_declaration_id, state, participant_name, updated_at)
         VALUES (gen_random_uuid(), $1::uuid, $2::uuid, 'eligible', 'Somebody Else', now()),
                (gen_random_uuid(), $1::uuid, $3::uuid, 'eligible', NULL, now())`,
        [next.id, made[3]!.declarationId, made[4]!.declarationId],
      );
      expect(await db.prisma.statementLineItem.count({ where: { statementId: next.id } })).toBe(5);
      for (const row of await copies()) expect(row.copy).toBe(row.name);

      // A declaration moved to another participant (merging duplicates) takes that participant's name.
      const able = await db.prisma.user.findFirstOrThrow({ where: { fullName: "Able, First" } });
      await db.prisma.participantDeclaration.update({ where: { id: made.find((m) => m.name === "Zed Last")!.declarationId }, data: { userId: able.id } });
      for (const row of await copies()) expect(row.copy).toBe(row.name);
      const moved = await names();
      expect(moved.filter((n) => n === "Able, First")).toHaveLength(2);
      expect(moved).not.toContain("Zed Last");

      // The order is read from the index on (statement, name), not sorted before the first row.
      const plan = await explainStatementCsv(db.sql, statement.id);
      expect(plan).toContain("statement_line_items_statement_id_participant_name_idx");
      // Every full sort in the plan is of something else (each row's few induction records): none puts
      // the line items in order. Only an incremental sort may, within the runs of one name the index gives.
      const lines = plan.split("\n");
      const fullSortKeys = lines
        .map((line, i) => (/\bSort {2}\(/.test(line) && !/Incremental Sort/.test(line) ? (lines[i + 1] ?? "") : null))
        .filter((key): key is string => key !== null);
      expect(fullSortKeys.length).toBeGreaterThan(0);
      for (const key of fullSortKeys) expect(key).not.toMatch(/participant_name/);
      expect(plan).toMatch(/Presorted Key: li\.participant_name/);

      // Analysed (the benchmark's measure of the database's work): run over every line item of the
      // statement, and timed.
      const rowsOnStatement = await db.prisma.statementLineItem.count({ where: { statementId: statement.id } });
      const analysed = (await explainStatementCsv(db.sql, statement.id, { analyze: true })).split("\n");
      expect(analysed[0]).toMatch(new RegExp(`\\(actual rows=${rowsOnStatement}(\\.00)? loops=1\\)$`));
      expect(analysed.at(-1)).toMatch(/^Execution Time: \d+\.\d+ ms$/);
    });
  });

  it("'Uplift Payable' is the engine's uplift rule (upliftEffect) on every row, and adds up to the engine's uplift count", async () => {
    await withTestDb(kind, async (db) => {
      const { made, statements } = await upliftFixture(db);
      const payable: Record<string, number> = {};
      for (const statement of statements) {
        const rows = await csvRows(db, statement.id);
        // 2 participants × 4 flag pairs × 2 declaration types × 8 states.
        expect(rows).toHaveLength(128);
        for (const row of rows) {
          const { terms, mentor } = made.get(row.declaration_id)!;
          const line = {
            declarationType: row.declaration_type,
            participantType: mentor ? ("mentor" as const) : ("ect" as const),
            state: row.declaration_status as DeclarationState,
            uplift: attractsUplift({ sparsityUplift: row.sparsity_uplift, pupilPremiumUplift: row.pupil_premium_uplift }),
          };
          expect({ declaration: row.declaration_id, upliftPayable: row.uplift_payable }).toEqual({
            declaration: row.declaration_id,
            upliftPayable: upliftEffect(line, terms) === "fee",
          });
        }
        payable[statement.context] = rows.filter((row) => row.uplift_payable).length;
        const calculation = await calculateStatement(db.prisma, statement.id);
        expect(payable[statement.context]).toBe(calculation!.result.ect.upliftCount);
      }
      // By hand: started × 3 billable states × 3 flag pairs with an uplift (sparsity, pupil premium,
      // both) = 9 per participant. Pooled: the ECT and the mentor (18); mentor-funded: the ECT only
      // (9); no uplift amount on the contract: none.
      expect(payable).toEqual({ pooled: 18, "mentor-funded": 9, "no uplift amount": 0 });
    });
  });

  it("stops reading (and ends its transaction) when the download is cancelled", async () => {
    await withTestDb(kind, async (db) => {
      const { statement } = await fixture(db);
      const reader = statementDeclarationsCsv(db, statement.id, { batchSize: 2 }).getReader();
      const first = await reader.read();
      expect(new TextDecoder().decode(first.value)).toContain("Participant ID");
      await reader.read();
      await reader.cancel();
      if (kind === "postgres") {
        const [open] = await db.sql.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'`,
        );
        expect(open!.n).toBe(0);
      }
      // The connection is free again (PGlite has only one): a write goes through at once.
      await db.prisma.statementLineItem.updateMany({ where: { statementId: statement.id }, data: { state: "payable" } });
      expect(await db.prisma.statementLineItem.count({ where: { statementId: statement.id, state: "payable" } })).toBe(NAMES.length);
    });
  });

  it("streams a large statement (100,000 rows; 30,000 on PGlite) with bounded memory", { timeout: 600_000 }, async () => {
    await withTestDb(kind, async (db) => {
      // PGlite runs in this process, so its RSS is not the export's and is not checked; what stays
      // alive is, over 30 batches of 1,000. Making 100,000 rows took PGlite about 85 s on a 2-core
      // machine, for no check the 30,000 do not make.
      const rows = kind === "postgres" ? 100_000 : 30_000;
      const large = await createLargeStatement(db.sql, rows, "csvtest");
      const gc = collector();
      gc();
      const start = process.memoryUsage();
      let peakRss = start.rss;
      let peakLiveHeap = start.heapUsed;
      let bytes = 0;
      let records = 0;
      let chunks = 0;
      let firstByteMs = 0;
      const began = performance.now();
      const reader = statementDeclarationsCsv(db, large.statementId).getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        if (bytes === 0) firstByteMs = performance.now() - began;
        bytes += value.byteLength;
        for (let i = 0; i < value.length; i += 1) if (value[i] === 10) records += 1;
        chunks += 1;
        peakRss = Math.max(peakRss, process.memoryUsage().rss);
        // Every 10,000 rows: what is still alive after a full collection.
        if (chunks % 10 === 0) {
          gc();
          peakLiveHeap = Math.max(peakLiveHeap, process.memoryUsage().heapUsed);
        }
      }
      const seconds = (performance.now() - began) / 1000;
      const mib = (n: number) => (n / 1024 / 1024).toFixed(1);
      console.log(
        `[csv ${kind}] ${rows.toLocaleString("en-GB")} rows, ${mib(bytes)} MiB in ${seconds.toFixed(2)} s ` +
          `(first byte ${firstByteMs.toFixed(0)} ms, ${Math.round(rows / seconds).toLocaleString("en-GB")} rows/s); ` +
          `peak RSS growth ${mib(peakRss - start.rss)} MiB, peak live heap growth ${mib(peakLiveHeap - start.heapUsed)} MiB`,
      );
      // Header plus one line per line item (names contain no newlines in this data).
      expect(records).toBe(rows + 1);
      expect(bytes).toBeGreaterThan(rows * 300);
      // The file is ~34 MiB of text at 100,000 rows and several times that as row objects; what stays
      // alive is a batch or two, whatever the row count. (PGlite runs in this process: its memory counts too.)
      expect(peakLiveHeap - start.heapUsed).toBeLessThan(16 * 1024 * 1024);
      if (kind === "postgres") expect(peakRss - start.rss).toBeLessThan(64 * 1024 * 1024);
    });
  });
});

describe("CSV helpers", () => {
  it("neutralises cells a spreadsheet would run as a formula", () => {
    for (const value of ["=SUM(A1)", "+1", "-1", "@cmd", "\tx", "\rx"]) expect(neutraliseFormula(value)).toBe(`'${value}`);
    for (const value of ["", "Ann", "1-2", "a=b", " =x", "'quoted"]) expect(neutraliseFormula(value)).toBe(value);
  });

  it("writes each batch as exact RFC 4180 text: CRLF rows, quoting only where needed, formulas neutralised and quoted", () => {
    type Row = { text: string | null; flag: boolean | null; when: Date | null; count: number | null };
    const writer = csvWriter<Row>([
      { key: "text", header: "Text" },
      { key: "flag", header: "Flag, yes or no" },
      { key: "when", header: "When" },
      { key: "count", header: "Count" },
    ]);
    expect(writer.header()).toBe('\uFEFFText,"Flag, yes or no",When,Count\r\n');
    expect(writer.records([])).toBe("");
    const rows: Row[] = [
      { text: "Plain", flag: true, when: new Date("2031-10-01T10:30:15.250Z"), count: 3 },
      { text: 'Ann "Quote", Smith', flag: false, when: null, count: null },
      { text: "Multi\nLine", flag: null, when: null, count: 0 },
      { text: "=1+2", flag: null, when: null, count: null },
      // A formula with a line break in it is still neutralised (the whole cell, not its first line).
      { text: "=HYPERLINK(\n\"x\")", flag: null, when: null, count: null },
      { text: "a=b", flag: null, when: null, count: null },
      { text: null, flag: null, when: null, count: null },
    ];
    expect(writer.records(rows)).toBe(
      [
        "Plain,true,2031-10-01T10:30:15.250Z,3",
        '"Ann ""Quote"", Smith",false,,',
        '"Multi\nLine",,,0',
        `"'=1+2",,,`,
        `"'=HYPERLINK(\n""x"")",,,`,
        "a=b,,,",
        ",,,",
      ].join("\r\n") + "\r\n",
    );
  });

  it("names the file after the provider, cohort and statement, without non-word characters", () => {
    expect(statementCsvFilename({ providerName: 'Ambition, "Quoted" Institute', cohortYear: 2031, statementName: "January 2032" })).toBe(
      "ECF-Declarations-AmbitionQuotedInstitute-Cohort2031-January2032.csv",
    );
    expect(statementCsvFilename({ providerName: "UCL Early Career Teacher Education", cohortYear: 2025, statementName: "November 2026" })).toBe(
      "ECF-Declarations-UCLEarlyCareerTeacherEducation-Cohort2025-November2026.csv",
    );
  });
});
