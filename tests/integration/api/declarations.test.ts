// POST/GET /api/v3/participant-declarations, GET …/{id}, PUT …/{id}/void: the seed's validations
// (one test per message, exact text), the statement a declaration lands on, concurrency, and
// isolation between lead providers.
import { describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { GET as listDeclarations, POST as postDeclaration } from "@/app/api/v3/participant-declarations/route";
import { GET as getDeclaration } from "@/app/api/v3/participant-declarations/[id]/route";
import { PUT as voidDeclaration } from "@/app/api/v3/participant-declarations/[id]/void/route";
import { availableKinds } from "../db";
import {
  AMBITION,
  BPN,
  ISO_MS,
  TEACH_FIRST,
  TEST_NOW,
  UUID,
  apiRequest,
  call,
  declarationBody,
  makeParticipant,
  useSeededApi,
  type Fixture,
} from "./helpers";

const SEED = {
  participantNotRecognised:
    "Your update cannot be made as the '#/participant_id' is not recognised. Check participant details and try again.",
  cohortFrozen2021:
    "You cannot submit or void declarations for the 2021 cohort. The funding contract for this cohort has ended. Get in touch if you need to discuss this with us",
  courseNotRecognised: "The entered '#/course_identifier' is not recognised for the given participant. Check details and try again.",
  npq: "NPQ Courses are no longer supported",
  dateMissing: "Enter a '#/declaration_date'.",
  dateInvalid: "Enter a valid RCF3339 '#/declaration_date'.",
  evidenceMissing: "Enter a '#/evidence_held' value for this participant.",
  evidenceInvalid: "Enter an available '#/evidence_held' type for this participant's event and course.",
  duplicate: "A declaration has already been submitted that will be, or has been, paid for this event",
  typeNotInSchedule: "The property '#/declaration_type' does not exist for this schedule.",
  beforeStart: "Enter a '#/declaration_date' that's on or after the milestone start.",
  afterEnd: "Enter a '#/declaration_date' that's before the milestone end date.",
  future: "The '#/declaration_date' value cannot be a future date. Check the date and try again.",
  mentorAfterJune2025:
    "You cannot send retained or extended declarations for participants who began their mentor training after June 2025. Resubmit this declaration with either a started or completed declaration.",
};

const STARTED_2025 = "2025-10-01T10:00:00.000Z";

function post(attributes: Record<string, unknown>, as = AMBITION, headers?: Record<string, string>) {
  return call(postDeclaration, apiRequest("POST", "/api/v3/participant-declarations", { as, body: declarationBody(attributes), headers }));
}

function started(fixture: Fixture, extra: Record<string, unknown> = {}) {
  return { participant_id: fixture.userId, declaration_type: "started", declaration_date: STARTED_2025, course_identifier: "ecf-induction", ...extra };
}

describe.each(availableKinds())("declarations API on %s", (kind) => {
  const ctx = useSeededApi(kind);
  const ect2025 = (extra: Partial<Parameters<typeof makeParticipant>[1]> = {}) => makeParticipant(ctx.prisma, { provider: AMBITION, cohort: 2025, ...extra });

  async function expectOneError(attributes: Record<string, unknown>, title: string, detail: string, as = AMBITION) {
    const result = await post(attributes, as);
    expect(result.status).toBe(422);
    expect(result.body).toEqual({ errors: [{ title, detail }] });
  }

  describe("POST: a valid declaration", () => {
    it("is created eligible, on the provider's next open output statement, with the guidance's response shape and an audit entry", async () => {
      const mentor = await ect2025({ type: "mentor" });
      const fixture = await ect2025({ mentorProfileId: mentor.profileId });
      const result = await post(started(fixture, { evidence_held: "training-event-attended", unknown_attribute: "ignored" }));
      expect(result.status).toBe(200);
      const data = result.body.data;
      expect(data.id).toMatch(UUID);
      expect(data.type).toBe("participant-declaration");
      expect(Object.keys(data.attributes)).toEqual([
        "participant_id", "declaration_type", "declaration_date", "course_identifier", "state", "updated_at", "created_at",
        "delivery_partner_id", "statement_id", "clawback_statement_id", "ineligible_for_funding_reason", "mentor_id",
        "uplift_paid", "evidence_held", "has_passed", "lead_provider_name",
      ]);
      const openStatement = ctx.seed.examples.openOutputStatements[`${AMBITION} 2025`];
      expect(data.attributes).toMatchObject({
        participant_id: fixture.userId,
        declaration_type: "started",
        declaration_date: STARTED_2025,
        course_identifier: "ecf-induction",
        state: "eligible",
        delivery_partner_id: fixture.deliveryPartnerId,
        statement_id: openStatement,
        clawback_statement_id: null,
        ineligible_for_funding_reason: null,
        mentor_id: mentor.userId,
        uplift_paid: false,
        evidence_held: "training-event-attended",
        has_passed: null,
        lead_provider_name: AMBITION,
      });
      expect(data.attributes.created_at).toMatch(ISO_MS);
      expect(data.attributes.updated_at).toMatch(ISO_MS);

      const lineItems = await ctx.prisma.statementLineItem.findMany({ where: { participantDeclarationId: data.id } });
      expect(lineItems.map((li) => [li.statementId, li.state])).toEqual([[openStatement, "eligible"]]);
      const statement = await ctx.prisma.statement.findUniqueOrThrow({ where: { id: openStatement as string } });
      expect([statement.status, statement.outputFee, statement.name]).toEqual(["open", true, "January 2027"]);
      const audit = await ctx.prisma.auditLog.findMany({ where: { entityId: data.id } });
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({
        action: "declaration.submit",
        actorType: "api",
        actorId: await ctx.providerId(AMBITION),
        actorLabel: AMBITION,
        apiTokenId: await ctx.tokenId(AMBITION),
        userId: fixture.userId,
      });
    });

    it("stays submitted, on no statement, while eligibility for funding is not known", async () => {
      const fixture = await ect2025({ eligibleForFunding: null });
      const result = await post(started(fixture));
      expect(result.status).toBe(200);
      expect(result.body.data.attributes).toMatchObject({ state: "submitted", statement_id: null, evidence_held: null });
      expect(await ctx.prisma.statementLineItem.count({ where: { participantDeclarationId: result.body.data.id } })).toBe(0);
    });

    it("is ineligible, with the participant's reason, on the statement but carrying no money", async () => {
      const fixture = await ect2025({ eligibleForFunding: false, ineligibleReason: "previous_induction" });
      const result = await post(started(fixture));
      expect(result.status).toBe(200);
      expect(result.body.data.attributes).toMatchObject({
        state: "ineligible",
        ineligible_for_funding_reason: "previous_induction",
        statement_id: ctx.seed.examples.openOutputStatements[`${AMBITION} 2025`],
      });
    });

    it("caches the uplift flags: uplift_paid for a started declaration of a participant with an uplift", async () => {
      // Cohort 2024: from 2025 contracts carry no uplift.
      const fixture = await makeParticipant(ctx.prisma, { provider: AMBITION, cohort: 2024, sparsity: true });
      const result = await post(started(fixture, { declaration_date: "2024-10-01T10:00:00.000Z" }));
      expect(result.body.data.attributes.uplift_paid).toBe(true);
      const row = await ctx.prisma.participantDeclaration.findUniqueOrThrow({ where: { id: result.body.data.id } });
      expect([row.sparsityUplift, row.pupilPremiumUplift]).toEqual([true, false]);
    });

    it("accepts a registration's external identifier and answers with the participant's user id", async () => {
      const fixture = await ect2025({ externalIdentifier: randomUUID() });
      const result = await post(started(fixture, { participant_id: fixture.externalIdentifier.toUpperCase() }));
      expect(result.status).toBe(200);
      expect(result.body.data.attributes.participant_id).toBe(fixture.userId);
    });

    it("accepts a date on the milestone end date (inclusive) and in another time zone", async () => {
      const fixture = await ect2025();
      const result = await post(started(fixture, { declaration_date: "2025-12-31T23:59:59Z" }));
      expect(result.status).toBe(200);
      const second = await ect2025();
      const offset = await post(started(second, { declaration_date: "2025-06-01T00:30:00+01:00" }));
      expect(offset.status).toBe(422);
      expect(offset.body).toEqual({ errors: [{ title: "declaration_date", detail: SEED.beforeStart }] });
    });

    it("lets a provider backdate a declaration to before a withdrawal", async () => {
      const fixture = await ect2025({ trainingStatus: "withdrawn", trainingStatusReason: "moved-school", trainingStatusDate: new Date("2025-11-01T11:00:00.000Z") });
      const result = await post(started(fixture, { declaration_date: "2025-10-31T09:00:00.000Z" }));
      expect(result.status).toBe(200);
    });

    it("allows a new declaration once the earlier one was voided", async () => {
      const fixture = await ect2025();
      const first = await post(started(fixture));
      const voided = await call(voidDeclaration, apiRequest("PUT", `/api/v3/participant-declarations/${first.body.data.id}/void`), { id: first.body.data.id });
      expect(voided.body.data.attributes.state).toBe("voided");
      const again = await post(started(fixture));
      expect(again.status).toBe(200);
      expect(again.body.data.id).not.toBe(first.body.data.id);
    });

    it("creates exactly one declaration from 20 identical requests sent at once; the others get the duplicate message", async () => {
      const fixture = await ect2025();
      const results = await Promise.all(Array.from({ length: 20 }, () => post(started(fixture))));
      const statuses = results.map((r) => r.status).sort();
      expect(statuses.filter((s) => s === 200)).toHaveLength(1);
      expect(statuses.filter((s) => s === 422)).toHaveLength(19);
      for (const r of results.filter((x) => x.status === 422)) expect(r.body).toEqual({ errors: [{ title: "participant_id", detail: SEED.duplicate }] });
      expect(await ctx.prisma.participantDeclaration.count({ where: { participantProfileId: fixture.profileId } })).toBe(1);
      expect(await ctx.prisma.statementLineItem.count({ where: { declaration: { participantProfileId: fixture.profileId } } })).toBe(1);
    });
  });

  describe("POST: each validation message, word for word", () => {
    it("participant_id missing", async () => {
      const fixture = await ect2025();
      // Missing or empty: the seed's "not recognised", never a message of our own.
      const notRecognised = "Your update cannot be made as the '#/participant_id' is not recognised. Check participant details and try again.";
      await expectOneError(started(fixture, { participant_id: undefined }), "participant_id", notRecognised);
      await expectOneError(started(fixture, { participant_id: "" }), "participant_id", notRecognised);
      await expectOneError(started(fixture, { participant_id: "   " }), "participant_id", notRecognised);
    });

    it("participant_id unknown", async () => {
      const fixture = await ect2025();
      await expectOneError(started(fixture, { participant_id: randomUUID() }), "participant_id", SEED.participantNotRecognised);
    });

    it("participant_id not a UUID", async () => {
      const fixture = await ect2025();
      await expectOneError(started(fixture, { participant_id: "not-an-id" }), "participant_id", SEED.participantNotRecognised);
    });

    it("participant_id of another provider's participant is not recognised", async () => {
      const fixture = await ect2025();
      await expectOneError(started(fixture), "participant_id", SEED.participantNotRecognised, BPN);
    });

    it("declaration_type missing", async () => {
      const fixture = await ect2025();
      await expectOneError(started(fixture, { declaration_type: "" }), "declaration_type", "Enter a '#/declaration_type'.");
    });

    it("declaration_date missing", async () => {
      const fixture = await ect2025();
      await expectOneError(started(fixture, { declaration_date: undefined }), "declaration_date", SEED.dateMissing);
    });

    it("declaration_date not RFC 3339", async () => {
      const fixture = await ect2025();
      for (const date of ["2025-10-01", "01/10/2025", "2025-02-30T10:00:00Z", "2025-10-01T10:00:00", 20251001]) {
        await expectOneError(started(fixture, { declaration_date: date }), "declaration_date", SEED.dateInvalid);
      }
    });

    it("declaration_date in the future", async () => {
      const fixture = await ect2025({ schedule: "ecf-standard-april" });
      const tomorrow = new Date(TEST_NOW.getTime() + 86_400_000).toISOString();
      await expectOneError(started(fixture, { declaration_type: "retained-1", evidence_held: "other", declaration_date: tomorrow }), "declaration_date", SEED.future);
    });

    it("declaration_date after the withdrawal, with the withdrawal date filled in", async () => {
      const fixture = await ect2025({ trainingStatus: "withdrawn", trainingStatusReason: "left-teaching-profession", trainingStatusDate: new Date("2025-11-01T11:00:00.000Z") });
      await expectOneError(
        started(fixture, { declaration_date: "2025-11-02T09:00:00.000Z" }),
        "declaration_date",
        "This participant withdrew from this course on 2025-11-01T11:00:00.000Z. Enter a '#/declaration_date' that's on or before the withdrawal date.",
      );
    });

    it("declaration_date before the milestone start", async () => {
      const fixture = await ect2025();
      await expectOneError(started(fixture, { declaration_date: "2025-05-31T23:59:59.000Z" }), "declaration_date", SEED.beforeStart);
    });

    it("declaration_date after the milestone end", async () => {
      const fixture = await ect2025();
      await expectOneError(started(fixture, { declaration_date: "2026-01-01T00:00:00.000Z" }), "declaration_date", SEED.afterEnd);
    });

    it("course_identifier missing", async () => {
      const fixture = await ect2025();
      await expectOneError(started(fixture, { course_identifier: null }), "course_identifier", "Enter a '#/course_identifier'.");
    });

    it("course_identifier not this participant's (a mentor course for an ECT)", async () => {
      const fixture = await ect2025();
      await expectOneError(started(fixture, { course_identifier: "ecf-mentor" }), "course_identifier", SEED.courseNotRecognised);
    });

    it("course_identifier unknown", async () => {
      const fixture = await ect2025();
      await expectOneError(started(fixture, { course_identifier: "ecf-something" }), "course_identifier", SEED.courseNotRecognised);
    });

    it("an NPQ course is refused before anything else", async () => {
      await expectOneError({ participant_id: "x", course_identifier: "npq-leading-teaching" }, "course_identifier", SEED.npq);
    });

    it("evidence_held missing for a type that needs it", async () => {
      const fixture = await ect2025();
      await expectOneError(started(fixture, { declaration_type: "retained-1", declaration_date: "2026-02-01T10:00:00.000Z" }), "evidence_held", SEED.evidenceMissing);
    });

    it("evidence_held not available for the event and course", async () => {
      const fixture = await ect2025();
      await expectOneError(
        started(fixture, { declaration_type: "retained-1", declaration_date: "2026-02-01T10:00:00.000Z", evidence_held: "75-percent-engagement-met" }),
        "evidence_held",
        SEED.evidenceInvalid,
      );
    });

    it("a duplicate of a declaration that will be, or has been, paid", async () => {
      const fixture = await ect2025();
      expect((await post(started(fixture))).status).toBe(200);
      await expectOneError(started(fixture, { declaration_date: "2025-11-15T10:00:00.000Z" }), "participant_id", SEED.duplicate);
    });

    it("declaration_type that does not exist for the schedule (unknown type)", async () => {
      const fixture = await ect2025();
      await expectOneError(started(fixture, { declaration_type: "retained-5", evidence_held: "other" }), "declaration_type", SEED.typeNotInSchedule);
    });

    it("declaration_type that does not exist for the schedule (no milestone for it)", async () => {
      const cohort = await ctx.prisma.cohort.findUniqueOrThrow({ where: { startYear: 2025 } });
      await ctx.prisma.schedule.create({
        data: {
          cohortId: cohort.id,
          identifier: "ecf-test-started-only",
          name: "Test: started only",
          milestones: { create: [{ declarationType: "started", name: "Started", startDate: new Date("2025-06-01"), milestoneDate: new Date("2025-12-31") }] },
        },
      });
      const fixture = await ect2025({ schedule: "ecf-test-started-only" });
      expect((await post(started(fixture))).status).toBe(200);
      await expectOneError(
        started(fixture, { declaration_type: "retained-1", declaration_date: "2026-02-01T10:00:00.000Z", evidence_held: "other" }),
        "declaration_type",
        SEED.typeNotInSchedule,
      );
    });

    it("a mentor who began after June 2025 can only declare started or completed", async () => {
      const mentor = await ect2025({ type: "mentor" });
      await expectOneError(
        started(mentor, { course_identifier: "ecf-mentor", declaration_type: "retained-1", declaration_date: "2026-02-01T10:00:00.000Z", evidence_held: "other" }),
        "declaration_type",
        SEED.mentorAfterJune2025,
      );
      // …even in a cohort without mentor funding, when their training began after June 2025;
      const late = await makeParticipant(ctx.prisma, { provider: AMBITION, cohort: 2024, type: "mentor", schedule: "ecf-replacement-september", startDate: new Date("2025-09-01") });
      await expectOneError(
        { participant_id: late.userId, course_identifier: "ecf-mentor", declaration_type: "retained-3", declaration_date: "2025-10-01T10:00:00.000Z", evidence_held: "other" },
        "declaration_type",
        SEED.mentorAfterJune2025,
      );
      // …while one who began before may.
      const early = await makeParticipant(ctx.prisma, { provider: AMBITION, cohort: 2024, type: "mentor", startDate: new Date("2024-09-01") });
      const allowed = await post({ participant_id: early.userId, course_identifier: "ecf-mentor", declaration_type: "retained-3", declaration_date: "2025-10-01T10:00:00.000Z", evidence_held: "other" });
      expect(allowed.status).toBe(200);
    });

    it("a frozen cohort", async () => {
      const fixture = await makeParticipant(ctx.prisma, { provider: AMBITION, cohort: 2021 });
      await expectOneError(started(fixture, { declaration_date: "2021-10-01T10:00:00.000Z" }), "cohort", SEED.cohortFrozen2021);
    });

    it("no open output statement to attach the declaration to", async () => {
      // Cohort 2023's output statements have all been paid (its last, April 2026).
      const open = await ctx.prisma.statement.count({ where: { cohort: { startYear: 2023 }, outputFee: true, status: "open" } });
      expect(open).toBe(0);
      const fixture = await makeParticipant(ctx.prisma, { provider: AMBITION, cohort: 2023 });
      await expectOneError(
        started(fixture, { declaration_date: "2023-10-01T10:00:00.000Z" }),
        "cohort",
        "There is no open output statement for the 2023 cohort to attach this declaration to.",
      );
    });

    it("lists every failing field at once, one error each", async () => {
      const result = await post({ participant_id: randomUUID(), declaration_type: "retained-2", declaration_date: "yesterday", course_identifier: "ecf-induction" });
      expect(result.status).toBe(422);
      expect(result.body.errors).toEqual([
        { title: "participant_id", detail: SEED.participantNotRecognised },
        { title: "declaration_date", detail: SEED.dateInvalid },
        { title: "evidence_held", detail: SEED.evidenceMissing },
      ]);
    });
  });

  describe("POST: X-With-Server-Date", () => {
    it("is ignored unless the sandbox allows it", async () => {
      const fixture = await ect2025({ schedule: "ecf-standard-april" });
      const result = await post(
        started(fixture, { declaration_type: "retained-1", declaration_date: "2026-12-01T10:00:00.000Z", evidence_held: "other" }),
        AMBITION,
        { "X-With-Server-Date": "2027-01-10T10:42:00Z" },
      );
      expect(result.status).toBe(422);
      expect(result.body.errors).toEqual([{ title: "declaration_date", detail: SEED.future }]);
    });

    it("in the sandbox (API_ALLOW_SERVER_DATE=true), sets the time of the submission: the future check and the statement", async () => {
      ctx.setAllowServerDate(true);
      try {
        const fixture = await ect2025({ schedule: "ecf-standard-april" });
        const attributes = started(fixture, { declaration_type: "retained-2", declaration_date: "2027-01-05T10:00:00.000Z", evidence_held: "other" });
        const result = await post(attributes, AMBITION, { "X-With-Server-Date": "2027-01-10T10:42:00Z" });
        expect(result.status).toBe(200);
        const statement = await ctx.prisma.statement.findUniqueOrThrow({ where: { id: result.body.data.attributes.statement_id } });
        expect(statement.name).toBe("April 2027");
        const invalid = await post(attributes, AMBITION, { "X-With-Server-Date": "10 January 2027" });
        expect(invalid.status).toBe(400);
        expect(invalid.body).toEqual({
          errors: [{ title: "X-With-Server-Date", detail: "The 'X-With-Server-Date' header must be an RFC 3339 date and time, for example 2025-01-10T10:42:00Z." }],
        });
      } finally {
        ctx.setAllowServerDate(false);
      }
    });
  });

  describe("GET", () => {
    it("lists only the provider's declarations, oldest first, in the guidance's shape", async () => {
      const result = await call(listDeclarations, apiRequest("GET", "/api/v3/participant-declarations?page[per_page]=3000"));
      expect(result.status).toBe(200);
      const ambition = await ctx.providerId(AMBITION);
      expect(result.body.data.length).toBe(await ctx.prisma.participantDeclaration.count({ where: { leadProviderId: ambition } }));
      for (const d of result.body.data) expect(d.attributes.lead_provider_name).toBe(AMBITION);
      const created = result.body.data.map((d: { attributes: { created_at: string } }) => d.attributes.created_at);
      expect([...created].sort()).toEqual(created);
    });

    it("paginates with page[page] and page[per_page] (default 100)", async () => {
      const all = await call(listDeclarations, apiRequest("GET", "/api/v3/participant-declarations?page[per_page]=3000"));
      const first = await call(listDeclarations, apiRequest("GET", "/api/v3/participant-declarations"));
      expect(first.body.data).toHaveLength(100);
      const page3 = await call(listDeclarations, apiRequest("GET", "/api/v3/participant-declarations?page[page]=3&page[per_page]=7"));
      expect(page3.body.data.map((d: { id: string }) => d.id)).toEqual(all.body.data.slice(14, 21).map((d: { id: string }) => d.id));
      const beyond = await call(listDeclarations, apiRequest("GET", "/api/v3/participant-declarations?page[page]=999"));
      expect(beyond.body).toEqual({ data: [] });
    });

    it("filters by participant_id (user id or registration id)", async () => {
      const fixture = await ect2025({ externalIdentifier: randomUUID() });
      const created = await post(started(fixture));
      for (const id of [fixture.userId, fixture.externalIdentifier]) {
        const result = await call(listDeclarations, apiRequest("GET", `/api/v3/participant-declarations?filter[participant_id]=${id}`));
        expect(result.body.data.map((d: { id: string }) => d.id)).toEqual([created.body.data.id]);
      }
      const none = await call(listDeclarations, apiRequest("GET", `/api/v3/participant-declarations?filter[participant_id]=${randomUUID()}`));
      expect(none.body).toEqual({ data: [] });
    });

    it("filters by cohort", async () => {
      const result = await call(listDeclarations, apiRequest("GET", "/api/v3/participant-declarations?filter[cohort]=2023&page[per_page]=3000"));
      const ambition = await ctx.providerId(AMBITION);
      expect(result.body.data.length).toBe(await ctx.prisma.participantDeclaration.count({ where: { leadProviderId: ambition, cohort: { startYear: 2023 } } }));
      expect(result.body.data.length).toBeGreaterThan(0);
      const both = await call(listDeclarations, apiRequest("GET", "/api/v3/participant-declarations?filter[cohort]=2023,2024&page[per_page]=3000"));
      expect(both.body.data.length).toBe(await ctx.prisma.participantDeclaration.count({ where: { leadProviderId: ambition, cohort: { startYear: { in: [2023, 2024] } } } }));
    });

    it("filters by updated_since", async () => {
      // The last three weeks before the demo's today.
      const since = "2026-10-01T00:00:00Z";
      const result = await call(listDeclarations, apiRequest("GET", `/api/v3/participant-declarations?filter[updated_since]=${since}&page[per_page]=3000`));
      const ambition = await ctx.providerId(AMBITION);
      const expected = await ctx.prisma.participantDeclaration.count({ where: { leadProviderId: ambition, updatedAt: { gte: new Date(since) } } });
      expect(result.body.data.length).toBe(expected);
      expect(expected).toBeGreaterThan(0);
      for (const d of result.body.data) expect(d.attributes.updated_at >= "2026-10-01T00:00:00.000Z").toBe(true);
      const older = await call(listDeclarations, apiRequest("GET", "/api/v3/participant-declarations?filter[updated_since]=2020-01-01&page[per_page]=3000"));
      expect(older.body.data.length).toBeGreaterThan(expected);
    });

    it("shows one declaration; another provider's or an unknown one is a 404", async () => {
      const fixture = await ect2025();
      const created = await post(started(fixture));
      const id = created.body.data.id;
      const own = await call(getDeclaration, apiRequest("GET", `/api/v3/participant-declarations/${id}`), { id });
      expect(own.status).toBe(200);
      expect(own.body).toEqual(created.body);
      for (const [as, target] of [[BPN, id], [AMBITION, randomUUID()], [AMBITION, "not-a-uuid"]] as const) {
        const other = await call(getDeclaration, apiRequest("GET", `/api/v3/participant-declarations/${target}`, { as }), { id: target });
        expect(other.status).toBe(404);
        expect(other.body).toEqual({ errors: [{ title: "Resource not found", detail: "Nothing could be found for the provided details" }] });
      }
    });
  });

  describe("PUT …/void", () => {
    const voidAs = (id: string, as = AMBITION) => call(voidDeclaration, apiRequest("PUT", `/api/v3/participant-declarations/${id}/void`, { as }), { id });

    it("voids an eligible declaration, which stays on its statement", async () => {
      const fixture = await ect2025();
      const created = await post(started(fixture));
      const result = await voidAs(created.body.data.id);
      expect(result.status).toBe(200);
      expect(result.body.data.attributes).toMatchObject({ state: "voided", statement_id: created.body.data.attributes.statement_id, clawback_statement_id: null });
      const audit = await ctx.prisma.auditLog.findFirstOrThrow({ where: { entityId: created.body.data.id, action: "declaration.void" } });
      const provider = await ctx.providerId(AMBITION);
      expect([audit.actorType, audit.actorId, audit.actorLabel, audit.apiTokenId]).toEqual(["api", provider, AMBITION, await ctx.tokenId(AMBITION)]);
      const row = await ctx.prisma.participantDeclaration.findUniqueOrThrow({ where: { id: created.body.data.id } });
      expect([row.state, row.voidedBy, row.voidedAt]).toEqual(["voided", `api:${provider}`, TEST_NOW]);
    });

    it("puts a paid declaration awaiting clawback on the next open output statement", async () => {
      const ambition = await ctx.providerId(AMBITION);
      const paid = await ctx.prisma.participantDeclaration.findFirstOrThrow({
        where: { leadProviderId: ambition, state: "paid", cohort: { startYear: 2024 } },
        include: { lineItems: true },
      });
      const result = await voidAs(paid.id);
      expect(result.status).toBe(200);
      expect(result.body.data.attributes).toMatchObject({
        state: "awaiting_clawback",
        statement_id: paid.lineItems[0]?.statementId,
        clawback_statement_id: ctx.seed.examples.openOutputStatements[`${AMBITION} 2024`],
      });
    });

    it("refuses a declaration that is already voided (422)", async () => {
      const fixture = await ect2025();
      const created = await post(started(fixture));
      await voidAs(created.body.data.id);
      const again = await voidAs(created.body.data.id);
      expect(again.status).toBe(422);
      expect(again.body).toEqual({ errors: [{ title: "declaration_id", detail: "This declaration has already been voided." }] });
    });

    it("voids an ineligible declaration of a cohort with no output statement left; only a clawback needs one", async () => {
      // Cohort 2023 is not frozen, but its last output statement (April 2026) has been paid.
      const ambition = await ctx.providerId(AMBITION);
      const cohort2023 = await ctx.prisma.cohort.findUniqueOrThrow({ where: { startYear: 2023 } });
      expect(await ctx.prisma.statement.count({ where: { cohortId: cohort2023.id, leadProviderId: ambition, outputFee: true, status: "open" } })).toBe(0);
      const fixture = await makeParticipant(ctx.prisma, { provider: AMBITION, cohort: 2023, eligibleForFunding: false });
      const paidStatement = await ctx.prisma.statement.findFirstOrThrow({ where: { cohortId: cohort2023.id, leadProviderId: ambition, outputFee: true, status: "paid" } });
      const declare = (state: "ineligible" | "paid") =>
        ctx.prisma.participantDeclaration.create({
          data: {
            participantProfileId: fixture.profileId,
            userId: fixture.userId,
            leadProviderId: ambition,
            cohortId: cohort2023.id,
            declarationType: state === "paid" ? "retained-1" : "started",
            declarationDate: new Date("2024-01-15T10:00:00.000Z"),
            courseIdentifier: "ecf-induction",
            state,
            lineItems: { create: { statementId: paidStatement.id, state } },
          },
        });
      const ineligible = await declare("ineligible");
      const voided = await voidAs(ineligible.id);
      expect(voided.status).toBe(200);
      expect(voided.body.data.attributes).toMatchObject({ state: "voided", clawback_statement_id: null });
      const paid = await declare("paid");
      const refused = await voidAs(paid.id);
      expect(refused.status).toBe(422);
      expect(refused.body).toEqual({
        errors: [{ title: "declaration_id", detail: "There is no open output statement for the 2023 cohort to claw this payment back on, so this declaration cannot be voided." }],
      });
      expect((await ctx.prisma.participantDeclaration.findUniqueOrThrow({ where: { id: paid.id } })).state).toBe("paid");
    });

    it("refuses a declaration of a frozen cohort (422, the seed's message)", async () => {
      const ambition = await ctx.providerId(AMBITION);
      const frozen = await ctx.prisma.participantDeclaration.findFirstOrThrow({ where: { leadProviderId: ambition, state: "paid", cohort: { startYear: 2021 } } });
      const result = await voidAs(frozen.id);
      expect(result.status).toBe(422);
      expect(result.body).toEqual({ errors: [{ title: "declaration_id", detail: SEED.cohortFrozen2021 }] });
    });

    it("is a 404 for another provider's declaration, an unknown id or a malformed one, and changes nothing", async () => {
      const teachFirst = await ctx.providerId(TEACH_FIRST);
      const theirs = await ctx.prisma.participantDeclaration.findFirstOrThrow({ where: { leadProviderId: teachFirst, state: "eligible" } });
      expect((await voidAs(theirs.id)).status).toBe(404);
      expect((await ctx.prisma.participantDeclaration.findUniqueOrThrow({ where: { id: theirs.id } })).state).toBe("eligible");
      expect((await voidAs(randomUUID())).status).toBe(404);
      expect((await voidAs("123")).status).toBe(404);
    });
  });
});
