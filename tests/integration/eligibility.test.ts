// Recording DfE's funding-eligibility decision (lib/participants/eligibility.ts and the
// `participants:eligibility` command), on PostgreSQL and PGlite.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import { recordEligibility } from "@/lib/participants/eligibility";
import { NOW, createDeclaration, createParticipant, createWorld, snapshot } from "../unit/participants/fixtures";
import { availableKinds, withTestDb } from "./db";

const ACTOR = { type: "system", id: "participants:eligibility", label: "participants:eligibility" } as const;

async function participantWithSubmitted(prisma: PrismaClient) {
  const world = await createWorld(prisma);
  const participant = await createParticipant(prisma, world, { fullName: "Grace Hopper", separateExternalId: true });
  await prisma.participantProfile.update({ where: { id: participant.profileId }, data: { eligibleForFunding: null } });
  const started = await createDeclaration(prisma, world, participant, { state: "submitted" });
  const retained = await createDeclaration(prisma, world, participant, { state: "submitted", declarationType: "retained-1" });
  return { world, participant, declarations: [started, retained] };
}

describe.each(availableKinds())("participants:eligibility on %s", (kind) => {
  it("eligible: the submitted declarations become eligible on the next open output statement, audited", async () => {
    await withTestDb(kind, async (db) => {
      const { world, participant, declarations } = await participantWithSubmitted(db.prisma);
      // By the external identifier: any of the participant's ids names them.
      const outcome = await recordEligibility(db.prisma, { participantId: participant.externalIdentifier, decision: { eligible: true }, actor: ACTOR, now: NOW });
      expect(outcome).toMatchObject({ ok: true, userId: participant.userId, profilesChanged: 1 });
      if (!outcome.ok) throw new Error("refused");
      // NOW is 25 November 2026: the next open output statement is December 2026 (cut-off 30 November).
      expect(outcome.declarations.map((d) => [d.state, d.statementId]).sort()).toEqual([
        ["eligible", world.statements.open.id],
        ["eligible", world.statements.open.id],
      ]);
      for (const d of declarations) {
        const row = await db.prisma.participantDeclaration.findUniqueOrThrow({ where: { id: d.id }, include: { lineItems: true } });
        expect(row.state).toBe("eligible");
        expect(row.lineItems.map((l) => [l.statementId, l.state])).toEqual([[world.statements.open.id, "eligible"]]);
      }
      const profile = await db.prisma.participantProfile.findUniqueOrThrow({ where: { id: participant.profileId } });
      expect([profile.eligibleForFunding, profile.ineligibleForFundingReason]).toEqual([true, null]);
      const audit = await db.prisma.auditLog.findMany({ orderBy: { occurredAt: "asc" } });
      expect(audit.map((a) => a.action).sort()).toEqual(["declaration.eligibility", "declaration.eligibility", "participant.eligibility"]);
      expect(audit.every((a) => a.actorType === "system" && a.userId === participant.userId)).toBe(true);
    });
  });

  it("ineligible with a reason: declarations become ineligible with that reason; the same decision again changes nothing", async () => {
    await withTestDb(kind, async (db) => {
      const { participant, declarations } = await participantWithSubmitted(db.prisma);
      const request = { participantId: participant.userId, decision: { eligible: false, reason: "duplicate_declaration" } as const, actor: ACTOR, now: NOW };
      const first = await recordEligibility(db.prisma, request);
      expect(first.ok && first.declarations.map((d) => d.state)).toEqual(["ineligible", "ineligible"]);
      for (const d of declarations) {
        const row = await db.prisma.participantDeclaration.findUniqueOrThrow({ where: { id: d.id } });
        expect([row.state, row.ineligibleForFundingReason]).toEqual(["ineligible", "duplicate_declaration"]);
      }
      const before = await snapshot(db.prisma);
      const again = await recordEligibility(db.prisma, request);
      expect(again).toEqual({ ok: true, userId: participant.userId, profilesChanged: 0, declarations: [] });
      expect(await snapshot(db.prisma)).toEqual(before);
    });
  });

  it("refuses, changing nothing, for an unknown participant and when a declaration has no open output statement", async () => {
    await withTestDb(kind, async (db) => {
      const { world, participant } = await participantWithSubmitted(db.prisma);
      const before = await snapshot(db.prisma);
      expect(await recordEligibility(db.prisma, { participantId: "00000000-0000-4000-8000-000000000000", decision: { eligible: true }, actor: ACTOR, now: NOW })).toEqual({
        ok: false,
        code: "participant_not_found",
      });
      expect(await snapshot(db.prisma)).toEqual(before);
      // Close every open output statement of the cohort: the decision cannot be half-applied.
      await db.prisma.statement.updateMany({ where: { cohortId: world.cohort2024.id, leadProviderId: world.provider.id, status: "open" }, data: { status: "payable" } });
      const closed = await snapshot(db.prisma);
      const outcome = await recordEligibility(db.prisma, { participantId: participant.userId, decision: { eligible: true }, actor: ACTOR, now: NOW });
      expect(outcome).toMatchObject({ ok: false, code: "no_open_output_statement", cohortStartYear: 2024 });
      expect(await snapshot(db.prisma)).toEqual(closed);
    });
  });
});

describe("the participants:eligibility command", () => {
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "scripts/participants-eligibility.ts", ...args], {
      encoding: "utf8",
      env: { ...process.env, DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none" },
    });

  it.each([
    [["--participant", "not-a-uuid", "--eligible"], "--participant must be a participant id (a UUID), got \"not-a-uuid\"."],
    [["--eligible"], "--participant is required."],
    [["--participant", "0b8c6c6e-3a5f-4a36-9d47-5b1f6f5b7a10"], "Give exactly one of --eligible and --ineligible."],
    [["--participant", "0b8c6c6e-3a5f-4a36-9d47-5b1f6f5b7a10", "--eligible", "--ineligible"], "Give exactly one of --eligible and --ineligible."],
    [["--participant", "0b8c6c6e-3a5f-4a36-9d47-5b1f6f5b7a10", "--ineligible"], "--ineligible needs --reason, one of: duplicate_declaration, no_induction, previous_induction, previous_participation."],
    [["--participant", "0b8c6c6e-3a5f-4a36-9d47-5b1f6f5b7a10", "--ineligible", "--reason", "bored"], "--reason must be one of duplicate_declaration, no_induction, previous_induction, previous_participation, got \"bored\"."],
    [["--participant", "0b8c6c6e-3a5f-4a36-9d47-5b1f6f5b7a10", "--eligible", "--reason", "no_induction"], "--reason goes with --ineligible only."],
    [["--participant", "0b8c6c6e-3a5f-4a36-9d47-5b1f6f5b7a10", "--eligble"], "Unknown option '--eligble'"],
  ])("refuses %j with exit 2 and a clear message, before touching the database", (args, message) => {
    const { status, stderr, stdout } = run(...args);
    expect(status).toBe(2);
    expect(stderr).toContain(message);
    expect(stdout).toBe("");
  });
});
