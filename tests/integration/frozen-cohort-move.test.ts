// A participant of a frozen cohort with unfinished training moves to the 2024 cohort by change of
// schedule (the payment calendar reference, section 6): flagged cohort_changed_after_payments_frozen
// (in the API and on the drill-down), their paid declarations stay on the frozen cohort, and those
// are not re-validated against the new schedule. On PostgreSQL and PGlite.
import { describe, expect, it } from "vitest";
import { serializeParticipant } from "@/lib/api/serializers";
import { applyParticipantAction, findActionTarget } from "@/lib/participants/actions";
import { loadParticipant } from "@/lib/participants/detail";
import { findParticipant } from "@/lib/participants/queries";
import { NOW, createDeclaration, createParticipant, createWorld, snapshot } from "../unit/participants/fixtures";
import { availableKinds, withTestDb } from "./db";

/** The API token the changes come with (recorded in the audit). */
const TOKEN_ID = "5d0b4a5e-1c3f-4e2a-9b7d-8f6e5c4d3b2a";

describe.each(availableKinds())("moving out of a frozen cohort on %s", (kind) => {
  it("moves unfinished, paid training to 2024, flags it, and leaves the paid declarations where they were", async () => {
    await withTestDb(kind, async (db) => {
      const world = await createWorld(db.prisma); // cohort 2023 is frozen here
      const participant = await createParticipant(db.prisma, world, { fullName: "Katherine Johnson", cohort: "cohort2023" });
      // Paid long before any 2024 window: it would not fit the new schedule, and is not checked against it.
      const paid = await createDeclaration(db.prisma, world, participant, { state: "paid", cohort: "cohort2023", statementId: world.statements.frozenPaid.id });
      const target = await findActionTarget(db.prisma, world.provider.id, participant.userId, "ecf-induction");
      if (!target?.profileId) throw new Error("no target");

      const outcome = await applyParticipantAction(db.prisma, {
        leadProvider: { ...world.provider, tokenId: TOKEN_ID },
        userId: target.userId,
        profileId: target.profileId,
        action: { kind: "change-schedule", scheduleIdentifier: "ecf-standard-september", cohort: 2024 },
        now: NOW,
      });
      expect(outcome).toEqual({ ok: true, userId: participant.userId });

      const record = await findParticipant(db.prisma, world.provider.id, participant.userId);
      const enrolment = serializeParticipant(record!).attributes.ecf_enrolments[0];
      expect(enrolment).toMatchObject({ cohort: "2024", schedule_identifier: "ecf-standard-september", cohort_changed_after_payments_frozen: true });
      const detail = await loadParticipant(db.prisma, participant.userId);
      expect(detail?.enrolments[0]?.cohortChangedAfterPaymentsFrozen).toBe(true);
      const declaration = await db.prisma.participantDeclaration.findUniqueOrThrow({ where: { id: paid.id } });
      expect([declaration.state, declaration.cohortId]).toEqual(["paid", world.cohort2023.id]);
      const audit = await db.prisma.auditLog.findFirstOrThrow({ where: { action: "participant.change_schedule" } });
      expect(audit.after).toMatchObject({ cohort: 2024, cohortChangedAfterPaymentsFrozen: true });
    });
  });

  it("refuses finished training, unpaid declarations and any cohort but 2024, changing nothing", async () => {
    await withTestDb(kind, async (db) => {
      const world = await createWorld(db.prisma);
      const finished = await createParticipant(db.prisma, world, { fullName: "Dorothy Vaughan", cohort: "cohort2023" });
      await createDeclaration(db.prisma, world, finished, { state: "paid", cohort: "cohort2023", statementId: world.statements.frozenPaid.id, declarationType: "completed" });
      const unpaid = await createParticipant(db.prisma, world, { fullName: "Mary Jackson", cohort: "cohort2023" });
      await createDeclaration(db.prisma, world, unpaid, { state: "submitted", cohort: "cohort2023" });
      const before = await snapshot(db.prisma);
      const move = async (userId: string, cohort: number) => {
        const target = await findActionTarget(db.prisma, world.provider.id, userId, "ecf-induction");
        return applyParticipantAction(db.prisma, {
          leadProvider: { ...world.provider, tokenId: TOKEN_ID },
          userId,
          profileId: target!.profileId!,
          action: { kind: "change-schedule", scheduleIdentifier: "ecf-standard-september", cohort },
          now: NOW,
        });
      };
      expect(await move(finished.userId, 2024)).toEqual({ ok: false, notFound: false, refusal: { field: "cohort", code: "cohort_frozen", cohort: 2023 } });
      expect(await move(unpaid.userId, 2024)).toEqual({ ok: false, notFound: false, refusal: { field: "cohort", code: "cohort_change_with_declarations" } });
      expect(await move(unpaid.userId, 2025)).toEqual({ ok: false, notFound: false, refusal: { field: "cohort", code: "cohort_frozen", cohort: 2023 } });
      expect(await snapshot(db.prisma)).toEqual(before);
    });
  });
});
