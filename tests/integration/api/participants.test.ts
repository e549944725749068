// GET /api/v3/participants/ecf (+ {id}), …/transfers, …/{id}/transfers, /api/v3/unfunded-mentors/ecf
// (+ {id}): shapes as in the guidance, filters, pagination and isolation between lead providers; a
// retired participant id resolved the same way by the API, the finance search and the drill-down.
import { describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { GET as listParticipants } from "@/app/api/v3/participants/ecf/route";
import { GET as getParticipant } from "@/app/api/v3/participants/ecf/[id]/route";
import { GET as listTransfers } from "@/app/api/v3/participants/ecf/transfers/route";
import { GET as getTransfers } from "@/app/api/v3/participants/ecf/[id]/transfers/route";
import { GET as listUnfunded } from "@/app/api/v3/unfunded-mentors/ecf/route";
import { GET as getUnfunded } from "@/app/api/v3/unfunded-mentors/ecf/[id]/route";
import { loadParticipant } from "@/lib/participants/detail";
import { resolveParticipant } from "@/lib/participants/identity";
import { findParticipantById } from "@/lib/participants/search";
import { availableKinds } from "../db";
import { AMBITION, BPN, ISO_MS, TEACH_FIRST, UCL, YMD, apiRequest, call, makeParticipant, useSeededApi, type Json } from "./helpers";

const ENROLMENT_KEYS = [
  "training_record_id", "email", "mentor_id", "school_urn", "participant_type", "cohort", "training_status", "participant_status",
  "teacher_reference_number_validated", "eligible_for_funding", "pupil_premium_uplift", "sparsity_uplift", "schedule_identifier",
  "delivery_partner_id", "withdrawal", "deferral", "created_at", "induction_end_date", "mentor_funding_end_date",
  "cohort_changed_after_payments_frozen",
];

const ids = (body: Json): string[] => body.data.map((d: { id: string }) => d.id);

describe.each(availableKinds())("participants API on %s", (kind) => {
  const ctx = useSeededApi(kind);
  const example = (key: string) => ctx.seed.examples.participants[key] as string;
  const get = (id: string, as = AMBITION) => call(getParticipant, apiRequest("GET", `/api/v3/participants/ecf/${id}`, { as }), { id });

  /** The users whose training records have an induction record with the provider. */
  async function visibleUserIds(provider: string, cohort?: number): Promise<string[]> {
    const rows = await ctx.prisma.participantIdentity.findMany({
      where: { profiles: { some: { inductionRecords: { some: { leadProvider: { name: provider }, ...(cohort ? { schedule: { cohort: { startYear: cohort } } } : {}) } } } } },
      select: { userId: true },
    });
    return [...new Set(rows.map((r) => r.userId))];
  }

  describe("GET /participants/ecf", () => {
    it("lists every participant the provider trains, in the guidance's shape", async () => {
      const result = await call(listParticipants, apiRequest("GET", "/api/v3/participants/ecf?page[per_page]=3000"));
      expect(result.status).toBe(200);
      expect(new Set(ids(result.body))).toEqual(new Set(await visibleUserIds(AMBITION)));
      const first = result.body.data[0];
      expect(first.type).toBe("participant");
      expect(Object.keys(first.attributes)).toEqual(["full_name", "teacher_reference_number", "updated_at", "ecf_enrolments", "participant_id_changes"]);
      expect(Object.keys(first.attributes.ecf_enrolments[0])).toEqual(ENROLMENT_KEYS);
      const enrolment = first.attributes.ecf_enrolments[0];
      expect(typeof enrolment.cohort).toBe("string");
      expect(enrolment.created_at).toMatch(ISO_MS);
      expect(first.attributes.updated_at).toMatch(ISO_MS);
    });

    it("paginates in a stable order (default 100 per page)", async () => {
      const all = ids((await call(listParticipants, apiRequest("GET", "/api/v3/participants/ecf?page[per_page]=3000"))).body);
      expect(all.length).toBeGreaterThan(10);
      const pages: string[] = [];
      for (let page = 1; pages.length < all.length; page += 1) {
        const result = await call(listParticipants, apiRequest("GET", `/api/v3/participants/ecf?page[page]=${page}&page[per_page]=7`));
        expect(result.body.data.length).toBeLessThanOrEqual(7);
        if (result.body.data.length === 0) break;
        pages.push(...ids(result.body));
      }
      expect(pages).toEqual(all);
      expect((await call(listParticipants, apiRequest("GET", "/api/v3/participants/ecf"))).body.data.length).toBe(Math.min(100, all.length));
    });

    it("filters by cohort (one or several)", async () => {
      const result = await call(listParticipants, apiRequest("GET", "/api/v3/participants/ecf?filter[cohort]=2025&page[per_page]=3000"));
      expect(new Set(ids(result.body))).toEqual(new Set(await visibleUserIds(AMBITION, 2025)));
      for (const p of result.body.data) expect(p.attributes.ecf_enrolments.some((e: Json) => e.cohort === "2025")).toBe(true);
      const both = await call(listParticipants, apiRequest("GET", "/api/v3/participants/ecf?filter[cohort]=2023,2025&page[per_page]=3000"));
      expect(new Set(ids(both.body))).toEqual(new Set([...(await visibleUserIds(AMBITION, 2023)), ...(await visibleUserIds(AMBITION, 2025))]));
    });

    it("filters by updated_since", async () => {
      const all = (await call(listParticipants, apiRequest("GET", "/api/v3/participants/ecf?page[per_page]=3000"))).body.data as Json[];
      const since = "2025-09-01T00:00:00.000Z";
      const result = await call(listParticipants, apiRequest("GET", `/api/v3/participants/ecf?filter[updated_since]=${since}&page[per_page]=3000`));
      const expected = all.filter((p) => p.attributes.updated_at >= since).map((p) => p.id);
      expect(expected.length).toBeGreaterThan(0);
      expect(expected.length).toBeLessThan(all.length);
      expect(ids(result.body)).toEqual(expected);
    });

    it("a change to the provider's induction record moves updated_at, so updated_since finds it", async () => {
      const fixture = await makeParticipant(ctx.prisma, { provider: AMBITION, cohort: 2025 });
      await ctx.prisma.inductionRecord.update({ where: { id: fixture.recordId }, data: { participantStatus: "leaving" } });
      const record = await ctx.prisma.inductionRecord.findUniqueOrThrow({ where: { id: fixture.recordId } });
      const since = new Date(record.updatedAt.getTime() - 1).toISOString();
      const result = await call(listParticipants, apiRequest("GET", `/api/v3/participants/ecf?filter[updated_since]=${since}&page[per_page]=3000`));
      expect(ids(result.body)).toContain(fixture.userId);
    });

    it("never shows another provider's participants", async () => {
      const teachFirst = new Set(ids((await call(listParticipants, apiRequest("GET", "/api/v3/participants/ecf?page[per_page]=3000", { as: TEACH_FIRST }))).body));
      const ambitionOnly = (await visibleUserIds(AMBITION)).filter((id) => !teachFirst.has(id));
      expect(ambitionOnly.length).toBeGreaterThan(0);
      expect(new Set([...teachFirst])).toEqual(new Set(await visibleUserIds(TEACH_FIRST)));
    });
  });

  describe("GET /participants/ecf/{id}", () => {
    it("shows a participant with their enrolment: mentor, school, schedule, delivery partner", async () => {
      const mentor = await makeParticipant(ctx.prisma, { provider: AMBITION, cohort: 2025, type: "mentor" });
      const fixture = await makeParticipant(ctx.prisma, { provider: AMBITION, cohort: 2025, mentorProfileId: mentor.profileId, schedule: "ecf-standard-january", sparsity: true });
      const result = await get(fixture.userId);
      expect(result.status).toBe(200);
      const school = await ctx.prisma.school.findUniqueOrThrow({ where: { id: fixture.schoolId } });
      expect(result.body.data).toMatchObject({
        id: fixture.userId,
        type: "participant",
        attributes: {
          full_name: `Fixture Person ${fixture.userId.slice(0, 8)}`,
          participant_id_changes: [],
          ecf_enrolments: [
            {
              training_record_id: fixture.profileId,
              email: `fixture.${fixture.userId.slice(0, 8)}@school.example.com`,
              mentor_id: mentor.userId,
              school_urn: school.urn,
              participant_type: "ect",
              cohort: "2025",
              training_status: "active",
              participant_status: "active",
              teacher_reference_number_validated: true,
              eligible_for_funding: true,
              pupil_premium_uplift: false,
              sparsity_uplift: true,
              schedule_identifier: "ecf-standard-january",
              delivery_partner_id: fixture.deliveryPartnerId,
              withdrawal: null,
              deferral: null,
              induction_end_date: null,
              mentor_funding_end_date: null,
              cohort_changed_after_payments_frozen: false,
            },
          ],
        },
      });
    });

    it("shows withdrawal and deferral details", async () => {
      const withdrawn = (await get(example("withdrawn"))).body.data.attributes.ecf_enrolments[0];
      expect(withdrawn.training_status).toBe("withdrawn");
      expect(withdrawn.withdrawal).toEqual({ reason: expect.any(String), date: expect.stringMatching(ISO_MS) });
      expect(withdrawn.deferral).toBeNull();
      const deferred = (await get(example("deferred"))).body.data.attributes.ecf_enrolments[0];
      expect(deferred).toMatchObject({ training_status: "deferred", withdrawal: null, deferral: { reason: "career-break" } });
    });

    it("accepts a retired participant id and answers with the current one, listing the change", async () => {
      const userId = example("participantIdChanged");
      const change = await ctx.prisma.participantIdChange.findFirstOrThrow({ where: { userId } });
      const result = await get(change.fromParticipantId);
      expect(result.status).toBe(200);
      expect(result.body.data.id).toBe(userId);
      expect(result.body.data.attributes.participant_id_changes).toEqual([
        { from_participant_id: change.fromParticipantId, to_participant_id: userId, changed_at: change.changedAt.toISOString() },
      ]);
    });

    it("resolves a retired id as the finance search and the drill-down do: all reach the kept user", async () => {
      const kept = await makeParticipant(ctx.prisma, { provider: AMBITION, cohort: 2025 });
      // Retired by a merge: no user and no registration has this id any more, only the change does.
      const retired = randomUUID();
      const changedAt = new Date("2026-01-10T09:00:00.000Z");
      await ctx.prisma.participantIdChange.create({ data: { userId: kept.userId, fromParticipantId: retired, toParticipantId: kept.userId, changedAt } });
      expect(await ctx.prisma.user.count({ where: { id: retired } })).toBe(0);
      expect(await ctx.prisma.participantIdentity.count({ where: { externalIdentifier: retired } })).toBe(0);

      expect(await resolveParticipant(ctx.prisma, retired)).toEqual({ userId: kept.userId, matchedBy: "retired_id" });
      // The API: GET /api/v3/participants/ecf/{retired id}.
      const result = await get(retired);
      expect(result.status).toBe(200);
      expect(result.body.data.id).toBe(kept.userId);
      expect(result.body.data.attributes.participant_id_changes).toEqual([
        { from_participant_id: retired, to_participant_id: kept.userId, changed_at: changedAt.toISOString() },
      ]);
      expect((await get(retired, BPN)).status).toBe(404);
      // The finance search box (an exact id goes straight to the participant), in either case.
      expect(await findParticipantById(ctx.prisma, retired)).toEqual({ userId: kept.userId, matchedBy: "retired_id", declarationId: null });
      expect(await findParticipantById(ctx.prisma, retired.toUpperCase())).toEqual({ userId: kept.userId, matchedBy: "retired_id", declarationId: null });
      // The drill-down loader (/participants/{retired id}).
      const detail = await loadParticipant(ctx.prisma, retired);
      expect(detail?.user.id).toBe(kept.userId);
      expect(detail?.idChanges).toEqual([{ fromParticipantId: retired, toParticipantId: kept.userId, changedAt }]);
    });

    it("shows a participant who transferred away as left and withdrawn to the old provider, active to the new one", async () => {
      const userId = example("transferredToAnotherProvider");
      const old = (await get(userId, AMBITION)).body.data.attributes.ecf_enrolments[0];
      expect(old).toMatchObject({ participant_status: "left", training_status: "withdrawn" });
      const current = (await get(userId, TEACH_FIRST)).body.data.attributes.ecf_enrolments[0];
      expect(current).toMatchObject({ participant_status: "active", training_status: "active" });
      expect(current.school_urn).not.toBe(old.school_urn);
    });

    it("is a 404 for another provider's participant and for unknown ids", async () => {
      const fixture = await makeParticipant(ctx.prisma, { provider: AMBITION, cohort: 2024 });
      for (const [id, as] of [[fixture.userId, BPN], [randomUUID(), AMBITION]] as const) {
        const result = await get(id, as);
        expect(result.status).toBe(404);
        expect(result.body).toEqual({ errors: [{ title: "Resource not found", detail: "Nothing could be found for the provided details" }] });
      }
    });
  });

  describe("transfers", () => {
    it("lists a move to another provider to both the leaving and the joining provider", async () => {
      const userId = example("transferredToAnotherProvider");
      for (const as of [AMBITION, TEACH_FIRST]) {
        const result = await call(listTransfers, apiRequest("GET", "/api/v3/participants/ecf/transfers", { as }));
        expect(result.status).toBe(200);
        const entry = result.body.data.find((d: Json) => d.id === userId);
        expect(entry).toBeDefined();
        expect(entry.type).toBe("participant-transfer");
        expect(Object.keys(entry.attributes)).toEqual(["updated_at", "transfers"]);
        expect(entry.attributes.transfers).toEqual([
          {
            training_record_id: expect.any(String),
            transfer_type: "new_provider",
            status: "complete",
            leaving: { school_urn: expect.any(String), provider: AMBITION, date: expect.stringMatching(YMD) },
            joining: { school_urn: expect.any(String), provider: TEACH_FIRST, date: expect.stringMatching(YMD) },
            created_at: expect.stringMatching(ISO_MS),
          },
        ]);
      }
      const others = await call(listTransfers, apiRequest("GET", "/api/v3/participants/ecf/transfers", { as: BPN }));
      expect(ids(others.body)).not.toContain(userId);
    });

    it("shows a school move with the same provider as new_school", async () => {
      const userId = example("transferredSchoolSameProvider");
      const result = await call(getTransfers, apiRequest("GET", `/api/v3/participants/ecf/${userId}/transfers`, { as: UCL }), { id: userId });
      expect(result.status).toBe(200);
      expect(result.body.data.attributes.transfers).toMatchObject([{ transfer_type: "new_school", status: "complete", leaving: { provider: UCL }, joining: { provider: UCL } }]);
    });

    it("is incomplete until the joining date, and unknown with no joining school yet", async () => {
      const fixture = await makeParticipant(ctx.prisma, { provider: BPN, cohort: 2025 });
      const tf = await ctx.prisma.partnership.findFirstOrThrow({ where: { leadProvider: { name: TEACH_FIRST }, cohort: { startYear: 2025 }, status: "active" } });
      await ctx.prisma.inductionRecord.update({
        where: { id: fixture.recordId },
        data: { endDate: new Date("2026-12-31"), schoolTransfer: true, participantStatus: "leaving" },
      });
      const leavingOnly = await call(getTransfers, apiRequest("GET", `/api/v3/participants/ecf/${fixture.userId}/transfers`, { as: BPN }), { id: fixture.userId });
      expect(leavingOnly.body.data.attributes.transfers).toMatchObject([
        { transfer_type: "unknown", status: "incomplete", leaving: { provider: BPN, date: "2026-12-31" }, joining: null },
      ]);
      const record = await ctx.prisma.inductionRecord.findUniqueOrThrow({ where: { id: fixture.recordId } });
      await ctx.prisma.inductionRecord.create({
        data: {
          participantProfileId: fixture.profileId,
          leadProviderId: tf.leadProviderId,
          schoolId: tf.schoolId,
          deliveryPartnerId: tf.deliveryPartnerId,
          partnershipId: tf.id,
          scheduleId: record.scheduleId,
          participantStatus: "joining",
          startDate: new Date("2027-01-01"),
        },
      });
      for (const as of [BPN, TEACH_FIRST]) {
        const result = await call(getTransfers, apiRequest("GET", `/api/v3/participants/ecf/${fixture.userId}/transfers`, { as }), { id: fixture.userId });
        expect(result.body.data.attributes.transfers).toMatchObject([
          { transfer_type: "new_provider", status: "incomplete", leaving: { provider: BPN, date: "2026-12-31" }, joining: { provider: TEACH_FIRST, date: "2027-01-01" } },
        ]);
      }
    });

    it("shows no transfers for a participant who has not moved, and 404 to another provider", async () => {
      const fixture = await makeParticipant(ctx.prisma, { provider: AMBITION, cohort: 2025 });
      const own = await call(getTransfers, apiRequest("GET", `/api/v3/participants/ecf/${fixture.userId}/transfers`), { id: fixture.userId });
      expect(own.status).toBe(200);
      expect(own.body.data).toMatchObject({ id: fixture.userId, type: "participant-transfer", attributes: { transfers: [] } });
      const other = await call(getTransfers, apiRequest("GET", `/api/v3/participants/ecf/${fixture.userId}/transfers`, { as: UCL }), { id: fixture.userId });
      expect(other.status).toBe(404);
    });

    it("paginates", async () => {
      const all = ids((await call(listTransfers, apiRequest("GET", "/api/v3/participants/ecf/transfers?page[per_page]=3000", { as: TEACH_FIRST }))).body);
      const second = ids((await call(listTransfers, apiRequest("GET", "/api/v3/participants/ecf/transfers?page[page]=2&page[per_page]=1", { as: TEACH_FIRST }))).body);
      expect(second).toEqual(all.slice(1, 2));
    });
  });

  describe("unfunded mentors", () => {
    it("lists mentors of the provider's ECTs who train with another provider", async () => {
      const ectUserId = example("ectWithUnfundedMentor");
      const ect = await ctx.prisma.participantProfile.findFirstOrThrow({
        where: { participantIdentity: { userId: ectUserId }, type: "ect" },
        include: { mentorProfile: { include: { participantIdentity: { include: { user: true } } } } },
      });
      const mentor = ect.mentorProfile;
      expect(mentor).not.toBeNull();
      const result = await call(listUnfunded, apiRequest("GET", "/api/v3/unfunded-mentors/ecf"));
      expect(result.status).toBe(200);
      const entry = result.body.data.find((d: Json) => d.id === mentor?.participantIdentity.userId);
      expect(entry).toEqual({
        id: mentor?.participantIdentity.userId,
        type: "unfunded-mentor",
        attributes: {
          full_name: mentor?.participantIdentity.user.fullName,
          email: mentor?.participantIdentity.email,
          teacher_reference_number: mentor?.trn,
          created_at: expect.stringMatching(ISO_MS),
          updated_at: expect.stringMatching(ISO_MS),
        },
      });
      // The provider's own mentors are participants, not unfunded mentors.
      const own = await ctx.prisma.participantIdentity.findMany({
        where: { profiles: { some: { type: "mentor", inductionRecords: { some: { leadProvider: { name: AMBITION } } } } } },
        select: { userId: true },
      });
      for (const d of result.body.data) expect(own.map((o) => o.userId)).not.toContain(d.id);
    });

    it("shows one unfunded mentor; a 404 to a provider whose ECTs they do not mentor", async () => {
      const mentor = await makeParticipant(ctx.prisma, { provider: UCL, cohort: 2025, type: "mentor" });
      await makeParticipant(ctx.prisma, { provider: AMBITION, cohort: 2025, mentorProfileId: mentor.profileId });
      const own = await call(getUnfunded, apiRequest("GET", `/api/v3/unfunded-mentors/ecf/${mentor.userId}`), { id: mentor.userId });
      expect(own.status).toBe(200);
      expect(own.body.data).toMatchObject({ id: mentor.userId, type: "unfunded-mentor", attributes: { full_name: `Fixture Person ${mentor.userId.slice(0, 8)}` } });
      for (const as of [BPN, UCL]) {
        const other = await call(getUnfunded, apiRequest("GET", `/api/v3/unfunded-mentors/ecf/${mentor.userId}`, { as }), { id: mentor.userId });
        expect(other.status).toBe(404);
      }
    });

    it("paginates", async () => {
      const all = ids((await call(listUnfunded, apiRequest("GET", "/api/v3/unfunded-mentors/ecf?page[per_page]=3000"))).body);
      expect(all.length).toBeGreaterThanOrEqual(2);
      const second = ids((await call(listUnfunded, apiRequest("GET", "/api/v3/unfunded-mentors/ecf?page[page]=2&page[per_page]=1"))).body);
      expect(second).toEqual(all.slice(1, 2));
    });
  });
});
