// The finance "Change training status" transaction (lib/participants/actions.ts
// changeTrainingStatus, shared with the API's defer/resume/withdraw): two changes at once change
// the record once, with one audit entry; a refused change changes nothing.
import { describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { staffActor } from "@/lib/db/audit";
import { changeTrainingStatus } from "@/lib/participants/actions";
import { loadTrainingStatusTarget } from "@/lib/participants/training-status";
import { NOW, createParticipant, createWorld, snapshot } from "../unit/participants/fixtures";
import { availableKinds, withTestDb } from "./db";

const actor = staffActor({ id: randomUUID(), email: "finance@example.com" });

describe.each(availableKinds())("changing a training status from finance on %s", (kind) => {
  it("defers once when two finance users defer at the same moment: one change, one audit entry, the other refused", async () => {
    await withTestDb(kind, async ({ prisma }) => {
      const world = await createWorld(prisma);
      const p = await createParticipant(prisma, world, { fullName: "Grace Hopper" });
      const request = { profileId: p.profileId, leadProviderId: world.provider.id, change: "defer" as const, reason: "career-break", actor, now: NOW };
      const outcomes = await Promise.all([changeTrainingStatus(prisma, request), changeTrainingStatus(prisma, request)]);
      expect(outcomes.filter((o) => o.ok)).toEqual([{ ok: true, userId: p.userId }]);
      expect(outcomes.filter((o) => !o.ok)).toEqual([{ ok: false, notFound: false, refusal: { field: "participant_id", code: "already_deferred" } }]);
      const record = await prisma.inductionRecord.findFirstOrThrow({ where: { participantProfileId: p.profileId } });
      expect(record).toMatchObject({ trainingStatus: "deferred", trainingStatusReason: "career-break", trainingStatusDate: NOW });
      const audit = await prisma.auditLog.findMany({ where: { entityId: p.profileId } });
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({
        action: "participant.defer",
        actorType: "staff",
        actorLabel: "finance@example.com",
        userId: p.userId,
        reason: "career-break",
        before: expect.objectContaining({ trainingStatus: "active" }),
        after: expect.objectContaining({ trainingStatus: "deferred", trainingStatusReason: "career-break" }),
      });
    });
  });

  it("changes nothing when the rules refuse (resuming an active participant, anything for a withdrawn one)", async () => {
    await withTestDb(kind, async ({ prisma }) => {
      const world = await createWorld(prisma);
      const active = await createParticipant(prisma, world, { fullName: "Active One" });
      const withdrawn = await createParticipant(prisma, world, { fullName: "Withdrawn One", trainingStatus: "withdrawn" });
      const before = await snapshot(prisma);
      const auditBefore = await prisma.auditLog.count();
      const base = { leadProviderId: world.provider.id, actor, now: NOW };
      expect(await changeTrainingStatus(prisma, { ...base, profileId: active.profileId, change: "resume", reason: null })).toEqual({
        ok: false,
        notFound: false,
        refusal: { field: "participant_id", code: "already_active" },
      });
      expect(await changeTrainingStatus(prisma, { ...base, profileId: withdrawn.profileId, change: "resume", reason: null })).toMatchObject({
        refusal: { code: "withdrawn" },
      });
      expect(await changeTrainingStatus(prisma, { ...base, profileId: withdrawn.profileId, change: "withdraw", reason: "other" })).toMatchObject({
        refusal: { code: "already_withdrawn" },
      });
      expect(await changeTrainingStatus(prisma, { ...base, profileId: active.profileId, leadProviderId: randomUUID(), change: "defer", reason: "other" })).toEqual({
        ok: false,
        notFound: true,
      });
      expect(await snapshot(prisma)).toEqual(before);
      expect(await prisma.auditLog.count()).toBe(auditBefore);
    });
  });

  it("finds the record for the page only through its own participant", async () => {
    await withTestDb(kind, async ({ prisma }) => {
      const world = await createWorld(prisma);
      const a = await createParticipant(prisma, world, { fullName: "Ada", type: "mentor" });
      const b = await createParticipant(prisma, world, { fullName: "Bea" });
      expect(await loadTrainingStatusTarget(prisma, a.userId, a.profileId)).toMatchObject({
        participant: { userId: a.userId, fullName: "Ada" },
        type: "mentor",
        leadProvider: { id: world.provider.id },
        trainingStatus: "active",
      });
      expect(await loadTrainingStatusTarget(prisma, a.userId, b.profileId)).toBeNull();
      expect(await loadTrainingStatusTarget(prisma, randomUUID(), a.profileId)).toBeNull();
    });
  });
});
