// PUT /api/v3/participants/ecf/{id}/defer | resume | withdraw | change-schedule: the rules, the
// messages, the audit trail, and isolation between lead providers.
import { describe, expect, it } from "vitest";
import { PUT as defer } from "@/app/api/v3/participants/ecf/[id]/defer/route";
import { PUT as resume } from "@/app/api/v3/participants/ecf/[id]/resume/route";
import { PUT as withdraw } from "@/app/api/v3/participants/ecf/[id]/withdraw/route";
import { PUT as changeSchedule } from "@/app/api/v3/participants/ecf/[id]/change-schedule/route";
import { POST as postDeclaration } from "@/app/api/v3/participant-declarations/route";
import type { RouteHandler } from "@/lib/api/route";
import { availableKinds } from "../db";
import { AMBITION, BPN, TEST_NOW, apiRequest, call, declarationBody, makeParticipant, useSeededApi, type FixtureOptions } from "./helpers";

const M = {
  courseMissing: "Enter a '#/course_identifier' value for this participant.",
  courseNotRecognised: "The entered '#/course_identifier' is not recognised for the given participant. Check details and try again.",
  reasonMissing: "Enter a '#/reason' value for this participant.",
  reasonNotRecognised: "The entered '#/reason' is not recognised for the given participant. Check details and try again.",
  withdrawn: "The participant has withdrawn from this course, so its training details cannot be changed.",
  alreadyWithdrawn: "The participant is already withdrawn.",
  alreadyDeferred: "The participant is already deferred.",
  alreadyActive: "The participant is already active.",
  scheduleMissing: "Enter a '#/schedule_identifier' value for this participant.",
  scheduleNotRecognised: "The property '#/schedule_identifier' does not exist for this cohort. Check the schedule and try again.",
  replacementForMentors: "The '#/schedule_identifier' ecf-replacement schedules are for mentors only. Choose another schedule.",
  sameSchedule: "The participant is already on this '#/schedule_identifier' for this cohort.",
  cohortNotRecognised: "The '#/cohort' you have entered is invalid. Check cohort details and try again.",
  cohortWithDeclarations: "You cannot change the '#/cohort' of a participant who has declarations that will be, or have been, paid. Void them first.",
  cohortFrozen: "You cannot move participants into or out of the 2021 cohort. The funding contract for this cohort has ended.",
};

type Handler = RouteHandler<{ id: string }>;
const TYPES = new Map<Handler, [string, string]>([
  [defer, ["defer", "participant-defer"]],
  [resume, ["resume", "participant-resume"]],
  [withdraw, ["withdraw", "participant-withdraw"]],
  [changeSchedule, ["change-schedule", "participant-change-schedule"]],
]);

function put(handler: Handler, id: string, attributes: Record<string, unknown>, as = AMBITION) {
  const [path, type] = TYPES.get(handler) as [string, string];
  return call(handler, apiRequest("PUT", `/api/v3/participants/ecf/${id}/${path}`, { as, body: { data: { type, attributes } } }), { id });
}

describe.each(availableKinds())("participant actions on %s", (kind) => {
  const ctx = useSeededApi(kind);
  const fixture = (options: Partial<FixtureOptions> = {}) => makeParticipant(ctx.prisma, { provider: AMBITION, cohort: 2025, ...options });
  const enrolmentOf = (body: { data: { attributes: { ecf_enrolments: Record<string, unknown>[] } } }) => body.data.attributes.ecf_enrolments[0];

  async function expect422(promise: ReturnType<typeof put>, title: string, detail: string) {
    const result = await promise;
    expect(result.status).toBe(422);
    expect(result.body).toEqual({ errors: [{ title, detail }] });
  }

  describe("defer", () => {
    it("defers an active participant, with the reason and date, and an audit entry", async () => {
      const p = await fixture();
      const result = await put(defer, p.userId, { reason: "career-break", course_identifier: "ecf-induction" });
      expect(result.status).toBe(200);
      expect(result.body.data.id).toBe(p.userId);
      expect(enrolmentOf(result.body)).toMatchObject({ training_status: "deferred", deferral: { reason: "career-break", date: TEST_NOW.toISOString() }, withdrawal: null });
      const audit = await ctx.prisma.auditLog.findFirstOrThrow({ where: { entityId: p.profileId, action: "participant.defer" } });
      expect(audit).toMatchObject({ actorType: "api", actorId: await ctx.providerId(AMBITION), apiTokenId: await ctx.tokenId(AMBITION), userId: p.userId, reason: "career-break" });
    });

    it.each(["bereavement", "long-term-sickness", "parental-leave", "career-break", "other"])("accepts the reason %s", async (reason) => {
      const p = await fixture();
      expect((await put(defer, p.userId, { reason, course_identifier: "ecf-induction" })).status).toBe(200);
    });

    it("refuses an unknown or missing reason, and a missing or wrong course", async () => {
      const p = await fixture();
      await expect422(put(defer, p.userId, { reason: "holiday", course_identifier: "ecf-induction" }), "reason", M.reasonNotRecognised);
      await expect422(put(defer, p.userId, { course_identifier: "ecf-induction" }), "reason", M.reasonMissing);
      await expect422(put(defer, p.userId, { reason: "other" }), "course_identifier", M.courseMissing);
      await expect422(put(defer, p.userId, { reason: "other", course_identifier: "ecf-mentor" }), "course_identifier", M.courseNotRecognised);
    });

    it("refuses a participant who is already deferred, or withdrawn", async () => {
      const deferred = await fixture({ trainingStatus: "deferred", trainingStatusReason: "other", trainingStatusDate: new Date("2026-01-01") });
      await expect422(put(defer, deferred.userId, { reason: "other", course_identifier: "ecf-induction" }), "participant_id", M.alreadyDeferred);
      const withdrawn = await fixture({ trainingStatus: "withdrawn", trainingStatusReason: "other", trainingStatusDate: new Date("2026-01-01") });
      await expect422(put(defer, withdrawn.userId, { reason: "other", course_identifier: "ecf-induction" }), "participant_id", M.withdrawn);
    });
  });

  describe("resume", () => {
    it("resumes a deferred participant", async () => {
      const p = await fixture({ trainingStatus: "deferred", trainingStatusReason: "parental-leave", trainingStatusDate: new Date("2026-01-01") });
      const result = await put(resume, p.userId, { course_identifier: "ecf-induction" });
      expect(result.status).toBe(200);
      expect(enrolmentOf(result.body)).toMatchObject({ training_status: "active", deferral: null, withdrawal: null });
      expect(await ctx.prisma.auditLog.count({ where: { entityId: p.profileId, action: "participant.resume" } })).toBe(1);
    });

    it("refuses an active or a withdrawn participant", async () => {
      const active = await fixture();
      await expect422(put(resume, active.userId, { course_identifier: "ecf-induction" }), "participant_id", M.alreadyActive);
      const withdrawn = await fixture({ trainingStatus: "withdrawn", trainingStatusReason: "other", trainingStatusDate: new Date("2026-01-01") });
      await expect422(put(resume, withdrawn.userId, { course_identifier: "ecf-induction" }), "participant_id", M.withdrawn);
    });
  });

  describe("withdraw", () => {
    it("withdraws a deferred participant, with the reason, date and an audit entry", async () => {
      const p = await fixture({ trainingStatus: "deferred", trainingStatusReason: "other", trainingStatusDate: new Date("2026-01-01") });
      const result = await put(withdraw, p.userId, { reason: "left-teaching-profession", course_identifier: "ecf-induction" });
      expect(result.status).toBe(200);
      expect(enrolmentOf(result.body)).toMatchObject({ training_status: "withdrawn", withdrawal: { reason: "left-teaching-profession", date: TEST_NOW.toISOString() }, deferral: null });
      const audit = await ctx.prisma.auditLog.findFirstOrThrow({ where: { entityId: p.profileId, action: "participant.withdraw" } });
      expect((audit.before as { trainingStatus: string }).trainingStatus).toBe("deferred");
      expect((audit.after as { trainingStatus: string }).trainingStatus).toBe("withdrawn");
    });

    it("accepts mentor-no-longer-being-mentor for mentors only", async () => {
      const ect = await fixture();
      await expect422(put(withdraw, ect.userId, { reason: "mentor-no-longer-being-mentor", course_identifier: "ecf-induction" }), "reason", M.reasonNotRecognised);
      const mentor = await fixture({ type: "mentor" });
      expect((await put(withdraw, mentor.userId, { reason: "mentor-no-longer-being-mentor", course_identifier: "ecf-mentor" })).status).toBe(200);
    });

    it("refuses a participant already withdrawn", async () => {
      const p = await fixture({ trainingStatus: "withdrawn", trainingStatusReason: "other", trainingStatusDate: new Date("2026-01-01") });
      await expect422(put(withdraw, p.userId, { reason: "other", course_identifier: "ecf-induction" }), "participant_id", M.alreadyWithdrawn);
    });

    it("lets a provider withdraw a participant who transferred away from it", async () => {
      const userId = ctx.seed.examples.participants.transferredToAnotherProvider as string;
      // Seeded as withdrawn ("moved-school") on the old provider's record already.
      await expect422(put(withdraw, userId, { reason: "moved-school", course_identifier: "ecf-induction" }), "participant_id", M.alreadyWithdrawn);
    });
  });

  describe("change-schedule", () => {
    const declare = (userId: string, date: string) =>
      call(postDeclaration, apiRequest("POST", "/api/v3/participant-declarations", {
        body: declarationBody({ participant_id: userId, declaration_type: "started", declaration_date: date, course_identifier: "ecf-induction" }),
      }));

    it("changes the schedule, with an audit entry", async () => {
      const p = await fixture();
      const result = await put(changeSchedule, p.userId, { schedule_identifier: "ecf-standard-january", course_identifier: "ecf-induction", cohort: "2025" });
      expect(result.status).toBe(200);
      expect(enrolmentOf(result.body)).toMatchObject({ schedule_identifier: "ecf-standard-january", cohort: "2025" });
      const audit = await ctx.prisma.auditLog.findFirstOrThrow({ where: { entityId: p.profileId, action: "participant.change_schedule" } });
      expect(audit.after).toMatchObject({ scheduleIdentifier: "ecf-standard-january", cohort: 2025 });
    });

    it("refuses when eligible, payable or paid declarations would fall outside the new milestones", async () => {
      const p = await fixture();
      expect((await declare(p.userId, "2025-10-01T10:00:00.000Z")).status).toBe(200);
      await expect422(
        put(changeSchedule, p.userId, { schedule_identifier: "ecf-standard-january", course_identifier: "ecf-induction" }),
        "schedule_identifier",
        "Changing to this schedule would leave eligible, payable or paid declarations (started) with a '#/declaration_date' outside its milestone dates. Void them, change the schedule, then resubmit them.",
      );
    });

    it("allows it when the declarations still fit", async () => {
      const p = await fixture();
      expect((await declare(p.userId, "2026-01-15T10:00:00.000Z")).status).toBe(422); // outside September's started window
      expect((await declare(p.userId, "2025-12-15T10:00:00.000Z")).status).toBe(200);
      const mentor = await fixture({ type: "mentor" });
      const started = await call(postDeclaration, apiRequest("POST", "/api/v3/participant-declarations", {
        body: declarationBody({ participant_id: mentor.userId, declaration_type: "started", declaration_date: "2025-10-01T10:00:00.000Z", course_identifier: "ecf-mentor" }),
      }));
      expect(started.status).toBe(200);
      const result = await put(changeSchedule, mentor.userId, { schedule_identifier: "ecf-replacement-september", course_identifier: "ecf-mentor" });
      expect(result.status).toBe(200);
      expect(enrolmentOf(result.body)).toMatchObject({ schedule_identifier: "ecf-replacement-september" });
    });

    it("refuses an unknown schedule, a replacement schedule for an ECT, and the same schedule", async () => {
      const p = await fixture();
      await expect422(put(changeSchedule, p.userId, { course_identifier: "ecf-induction" }), "schedule_identifier", M.scheduleMissing);
      await expect422(put(changeSchedule, p.userId, { schedule_identifier: "ecf-standard-june", course_identifier: "ecf-induction" }), "schedule_identifier", M.scheduleNotRecognised);
      await expect422(put(changeSchedule, p.userId, { schedule_identifier: "ecf-replacement-january", course_identifier: "ecf-induction" }), "schedule_identifier", M.replacementForMentors);
      await expect422(put(changeSchedule, p.userId, { schedule_identifier: "ecf-standard-september", course_identifier: "ecf-induction" }), "schedule_identifier", M.sameSchedule);
    });

    it("moves a participant without declarations to another cohort, but not one with declarations, nor into a frozen or unknown cohort", async () => {
      const free = await fixture();
      const moved = await put(changeSchedule, free.userId, { schedule_identifier: "ecf-standard-april", course_identifier: "ecf-induction", cohort: "2024" });
      expect(moved.status).toBe(200);
      expect(enrolmentOf(moved.body)).toMatchObject({ cohort: "2024", schedule_identifier: "ecf-standard-april" });

      const declared = await fixture();
      expect((await declare(declared.userId, "2025-10-01T10:00:00.000Z")).status).toBe(200);
      await expect422(put(changeSchedule, declared.userId, { schedule_identifier: "ecf-standard-september", course_identifier: "ecf-induction", cohort: 2024 }), "cohort", M.cohortWithDeclarations);
      await expect422(put(changeSchedule, free.userId, { schedule_identifier: "ecf-standard-september", course_identifier: "ecf-induction", cohort: "2021" }), "cohort", M.cohortFrozen);
      await expect422(put(changeSchedule, free.userId, { schedule_identifier: "ecf-standard-september", course_identifier: "ecf-induction", cohort: "2031" }), "cohort", M.cohortNotRecognised);
      await expect422(put(changeSchedule, free.userId, { schedule_identifier: "ecf-standard-september", course_identifier: "ecf-induction", cohort: "next year" }), "cohort", M.cohortNotRecognised);
    });

    it("refuses a withdrawn participant", async () => {
      const p = await fixture({ trainingStatus: "withdrawn", trainingStatusReason: "other", trainingStatusDate: new Date("2026-01-01") });
      await expect422(put(changeSchedule, p.userId, { schedule_identifier: "ecf-standard-january", course_identifier: "ecf-induction" }), "participant_id", M.withdrawn);
    });
  });

  describe("isolation", () => {
    it.each([
      [defer, { reason: "other", course_identifier: "ecf-induction" }],
      [resume, { course_identifier: "ecf-induction" }],
      [withdraw, { reason: "other", course_identifier: "ecf-induction" }],
      [changeSchedule, { schedule_identifier: "ecf-standard-january", course_identifier: "ecf-induction" }],
    ] as const)("another provider's participant is a 404, and nothing changes (%#)", async (handler, attributes) => {
      const p = await fixture({ trainingStatus: handler === resume ? "deferred" : "active" });
      const before = await ctx.prisma.inductionRecord.findUniqueOrThrow({ where: { id: p.recordId } });
      const result = await put(handler, p.userId, attributes, BPN);
      expect(result.status).toBe(404);
      expect(result.body).toEqual({ errors: [{ title: "Resource not found", detail: "Nothing could be found for the provided details" }] });
      expect(await ctx.prisma.inductionRecord.findUniqueOrThrow({ where: { id: p.recordId } })).toEqual(before);
    });
  });
});
