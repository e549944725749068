// The void transaction (lib/declarations/void.ts) and the check-your-answers preview
// (lib/declarations/void-check.ts), in every starting state, on PostgreSQL and PGlite.
import { describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/generated/prisma/client";
import { staffActor } from "@/lib/db/audit";
import { voidDeclaration, findClawbackStatement } from "@/lib/declarations/void";
import { loadVoidCheck } from "@/lib/declarations/void-check";
import { calculateStatement, previewClawback } from "@/lib/statements/calculation";
import type { VoidRefusal } from "@/lib/declarations/rules/lifecycle";
import { voidRefusalMessage } from "@/lib/api/declarations";
import { voidRefusalCopy } from "@/app/participants/[id]/declarations/[declarationId]/void/copy";
import type { DeclarationState } from "@/lib/domain/declaration-states";
import { toDecimal } from "@/lib/engine";
import { NOW, createDeclaration, createParticipant, createWorld, snapshot, type World } from "../unit/participants/fixtures";
import { availableKinds, createTestDb, withTestDb } from "./db";

const FINANCE = { id: randomUUID(), email: "finance@example.com" };
const actor = staffActor(FINANCE);

const ALREADY_VOIDED = "This declaration has already been voided.";
const CLAWED_BACK = "This declaration has been clawed-back, so you can only view it.";
const STATE_CHANGED = "This declaration has changed since you opened this page. Check its details and try again.";

/** A refusal is a code with its data: the API and the finance page each word it, the same way. */
function expectWorded(outcome: { ok: boolean }, message: string): void {
  if (outcome.ok) throw new Error("expected a refusal");
  const refusal = outcome as VoidRefusal;
  expect(voidRefusalMessage(refusal)).toBe(message);
  expect(voidRefusalCopy(refusal)).toBe(message);
}

async function setUp(prisma: PrismaClient) {
  const world = await createWorld(prisma);
  const participant = await createParticipant(prisma, world, { fullName: "Ada Lovelace", trn: "1234567" });
  return { world, participant };
}

function statementFor(world: World, state: DeclarationState): { statementId?: string; clawbackStatementId?: string } {
  switch (state) {
    case "submitted":
      return {};
    case "eligible":
    case "ineligible":
      return { statementId: world.statements.open.id };
    case "payable":
      return { statementId: world.statements.payable.id };
    case "paid":
    case "voided":
      return { statementId: world.statements.paid.id };
    case "awaiting_clawback":
      return { statementId: world.statements.paid.id, clawbackStatementId: world.statements.open.id };
    case "clawed_back":
      return { statementId: world.statements.paid.id, clawbackStatementId: world.statements.payable.id };
  }
}

describe.each(availableKinds())("voiding a declaration on %s", (kind) => {
  it.each(["submitted", "eligible", "payable", "ineligible"] as const)(
    "voids a declaration that is %s: the line item stays on its statement, voided, with one audit entry",
    async (state) => {
      await withTestDb(kind, async (db) => {
        const { world, participant } = await setUp(db.prisma);
        const declaration = await createDeclaration(db.prisma, world, participant, { state, ...statementFor(world, state) });
        const linesBefore = await db.prisma.statementLineItem.findMany({ where: { participantDeclarationId: declaration.id } });

        const outcome = await voidDeclaration(db.prisma, { declarationId: declaration.id, actor, reason: "Duplicate declaration", expectedState: state, now: NOW });

        expect(outcome).toEqual({
          ok: true,
          kind: "void",
          declarationId: declaration.id,
          userId: participant.userId,
          from: state,
          state: "voided",
          clawbackStatement: null,
        });
        const after = await db.prisma.participantDeclaration.findUniqueOrThrow({ where: { id: declaration.id } });
        expect(after.state).toBe("voided");
        expect(after.voidedAt?.toISOString()).toBe(NOW.toISOString());
        expect(after.voidedBy).toBe(FINANCE.email);
        const lines = await db.prisma.statementLineItem.findMany({ where: { participantDeclarationId: declaration.id } });
        expect(lines).toHaveLength(linesBefore.length);
        expect(lines.map((l) => [l.statementId, l.state])).toEqual(linesBefore.map((l) => [l.statementId, "voided"]));

        const audit = await db.prisma.auditLog.findMany();
        expect(audit).toHaveLength(1);
        expect(audit[0]).toMatchObject({
          actorType: "staff",
          actorId: FINANCE.id,
          actorLabel: FINANCE.email,
          action: "declaration.void",
          entityType: "declaration",
          entityId: declaration.id,
          userId: participant.userId,
          reason: "Duplicate declaration",
          before: { state, statementId: linesBefore[0]?.statementId ?? null },
          after: { state: "voided", clawbackStatementId: null },
        });
      });
    },
  );

  it("voids a paid declaration: awaiting clawback, a new line item on the next open output statement, for the amount the preview showed", async () => {
    await withTestDb(kind, async (db) => {
      const { world, participant } = await setUp(db.prisma);
      const declaration = await createDeclaration(db.prisma, world, participant, { state: "paid", statementId: world.statements.paid.id, uplift: true });
      // Another paid declaration already on the statements, so the band arithmetic has something to take from.
      const other = await createParticipant(db.prisma, world, { fullName: "Grace Hopper" });
      await createDeclaration(db.prisma, world, other, { state: "paid", statementId: world.statements.paid.id });

      const check = await loadVoidCheck(db.prisma, participant.userId, declaration.id, NOW);
      expect(check?.outcome).toMatchObject({ ok: true, kind: "clawback", statement: world.statements.open });
      if (!check?.outcome.ok || check.outcome.kind !== "clawback" || !check.outcome.clawback.ok) throw new Error("expected a priced clawback");
      const previewed = check.outcome.clawback;
      const engine = await previewClawback(db.prisma, world.statements.open.id, { declarationType: "started", participantType: "ect", uplift: true });
      expect(previewed.amount.toString()).toBe(engine.amount.toString());
      // Started at band A: 20% of £1,000 at 60% = £120, plus the £100 uplift. VAT-chargeable provider.
      expect(previewed.amount.toFixed(2)).toBe("220.00");
      expect(previewed.vat.toFixed(2)).toBe("44.00");
      expect(previewed.amountWithVat.toFixed(2)).toBe("264.00");
      const totalBefore = (await calculateStatement(db.prisma, world.statements.open.id))?.result.total;

      const outcome = await voidDeclaration(db.prisma, { declarationId: declaration.id, actor, reason: "Participant left before starting", expectedState: "paid", now: NOW });

      expect(outcome).toMatchObject({ ok: true, kind: "clawback", from: "paid", state: "awaiting_clawback", clawbackStatement: world.statements.open });
      const after = await db.prisma.participantDeclaration.findUniqueOrThrow({ where: { id: declaration.id } });
      expect(after.state).toBe("awaiting_clawback");
      const lines = await db.prisma.statementLineItem.findMany({ where: { participantDeclarationId: declaration.id }, orderBy: { createdAt: "asc" } });
      expect(lines.map((l) => [l.statementId, l.state])).toEqual([
        [world.statements.paid.id, "paid"],
        [world.statements.open.id, "awaiting_clawback"],
      ]);
      const totalAfter = (await calculateStatement(db.prisma, world.statements.open.id))?.result.total;
      expect(toDecimal(totalBefore!.toString()).minus(totalAfter!.toString()).toString()).toBe(previewed.amount.toString());

      const audit = await db.prisma.auditLog.findMany();
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({
        action: "declaration.void_paid",
        reason: "Participant left before starting",
        before: { state: "paid", statementId: world.statements.paid.id, statementName: "September 2026" },
        after: { state: "awaiting_clawback", clawbackStatementId: world.statements.open.id, clawbackStatementName: "December 2026" },
      });
    });
  });

  it("the preview and the transaction choose the same clawback statement (not the service-fee-only one, not a passed cut-off)", async () => {
    await withTestDb(kind, async (db) => {
      const { world } = await setUp(db.prisma);
      const cohort = { leadProviderId: world.provider.id, cohortId: world.cohort2024.id, cohortStartYear: 2024 };
      expect((await findClawbackStatement(db.prisma, cohort, NOW))?.id).toBe(world.statements.open.id);
      // On the cut-off day itself the December statement still takes it; the day after, January does.
      expect((await findClawbackStatement(db.prisma, cohort, new Date("2026-11-30T23:59:00Z")))?.id).toBe(world.statements.open.id);
      expect((await findClawbackStatement(db.prisma, cohort, new Date("2026-12-01T00:00:00Z")))?.id).toBe(world.statements.later.id);
      expect(await findClawbackStatement(db.prisma, cohort, new Date("2027-01-01T00:00:00Z"))).toBeNull();
    });
  });

  it.each([
    ["voided", "already_voided", ALREADY_VOIDED],
    ["awaiting_clawback", "awaiting_clawback", ALREADY_VOIDED],
    ["clawed_back", "clawed_back", CLAWED_BACK],
  ] as const)("refuses a declaration that is %s with the seed's message and changes nothing", async (state, code, message) => {
    await withTestDb(kind, async (db) => {
      const { world, participant } = await setUp(db.prisma);
      const declaration = await createDeclaration(db.prisma, world, participant, { state, ...statementFor(world, state) });
      const before = await snapshot(db.prisma);
      const outcome = await voidDeclaration(db.prisma, { declarationId: declaration.id, actor, reason: "Again", now: NOW });
      expect(outcome).toEqual({ ok: false, code });
      expectWorded(outcome, message);
      expect(await snapshot(db.prisma)).toEqual(before);
      // The page says the same before anyone presses the button.
      expect((await loadVoidCheck(db.prisma, participant.userId, declaration.id, NOW))?.outcome).toEqual({ ok: false, code });
    });
  });

  it.each(["eligible", "paid", "voided"] as const)("refuses any %s declaration in a frozen cohort with the seed's text, first", async (state) => {
    await withTestDb(kind, async (db) => {
      const { world, participant } = await setUp(db.prisma);
      const declaration = await createDeclaration(db.prisma, world, participant, { state, cohort: "cohort2023", statementId: world.statements.frozenPaid.id });
      const before = await snapshot(db.prisma);
      const outcome = await voidDeclaration(db.prisma, { declarationId: declaration.id, actor, reason: "Late correction", expectedState: state, now: NOW });
      const refusal = { ok: false, code: "cohort_frozen", cohortStartYear: 2023 };
      expect(outcome).toEqual(refusal);
      expectWorded(
        outcome,
        "You cannot submit or void declarations for the 2023 cohort. The funding contract for this cohort has ended. Get in touch if you need to discuss this with us",
      );
      expect(await snapshot(db.prisma)).toEqual(before);
      expect((await loadVoidCheck(db.prisma, participant.userId, declaration.id, NOW))?.outcome).toEqual(refusal);
    });
  });

  it("refuses a paid declaration when there is no open output statement to claw it back on", async () => {
    await withTestDb(kind, async (db) => {
      const { world, participant } = await setUp(db.prisma);
      const declaration = await createDeclaration(db.prisma, world, participant, { state: "paid", cohort: "cohort2025", statementId: world.statements.allPaid2025.id });
      const before = await snapshot(db.prisma);
      const outcome = await voidDeclaration(db.prisma, { declarationId: declaration.id, actor, reason: "Overpaid", expectedState: "paid", now: NOW });
      const refusal = { ok: false, code: "no_clawback_statement", cohortStartYear: 2025 };
      expect(outcome).toEqual(refusal);
      expectWorded(outcome, "There is no open output statement for the 2025 cohort to claw this payment back on, so this declaration cannot be voided.");
      expect(await snapshot(db.prisma)).toEqual(before);
      expect((await loadVoidCheck(db.prisma, participant.userId, declaration.id, NOW))?.outcome).toEqual(refusal);
    });
  });

  it("refuses when the declaration changed since the page was opened (expected state), and changes nothing", async () => {
    await withTestDb(kind, async (db) => {
      const { world, participant } = await setUp(db.prisma);
      const declaration = await createDeclaration(db.prisma, world, participant, { state: "payable", statementId: world.statements.payable.id });
      const before = await snapshot(db.prisma);
      const outcome = await voidDeclaration(db.prisma, { declarationId: declaration.id, actor, reason: "Wrong milestone", expectedState: "eligible", now: NOW });
      expect(outcome).toEqual({ ok: false, code: "state_changed" });
      expectWorded(outcome, STATE_CHANGED);
      expect(await snapshot(db.prisma)).toEqual(before);
    });
  });

  it("says a declaration that does not exist, has a malformed id, or is another provider's (API) is not found, and changes nothing", async () => {
    await withTestDb(kind, async (db) => {
      const { world, participant } = await setUp(db.prisma);
      const declaration = await createDeclaration(db.prisma, world, participant, { state: "eligible", statementId: world.statements.open.id });
      const before = await snapshot(db.prisma);
      const notFound = { ok: false, code: "not_found" };
      // The API answers 404; the finance page (reached only if it vanished meanwhile) says so.
      expect(voidRefusalCopy({ code: "not_found" })).toBe("There is no declaration with this ID.");
      expect(await voidDeclaration(db.prisma, { declarationId: randomUUID(), actor, reason: null, now: NOW })).toEqual(notFound);
      expect(await voidDeclaration(db.prisma, { declarationId: "not-a-uuid'; DROP TABLE users; --", actor, reason: null, now: NOW })).toEqual(notFound);
      expect(
        await voidDeclaration(db.prisma, {
          declarationId: declaration.id,
          actor: { type: "api", id: world.otherProvider.id, label: world.otherProvider.name, tokenId: randomUUID() },
          reason: null,
          leadProviderId: world.otherProvider.id,
          now: NOW,
        }),
      ).toEqual(notFound);
      expect(await snapshot(db.prisma)).toEqual(before);
    });
  });

  it("records an API void as api:<lead provider id>, as the seed does", async () => {
    await withTestDb(kind, async (db) => {
      const { world, participant } = await setUp(db.prisma);
      const declaration = await createDeclaration(db.prisma, world, participant, { state: "eligible", statementId: world.statements.open.id });
      const outcome = await voidDeclaration(db.prisma, {
        declarationId: declaration.id,
        actor: { type: "api", id: world.provider.id, label: world.provider.name, tokenId: randomUUID() },
        reason: null,
        leadProviderId: world.provider.id,
        now: NOW,
      });
      expect(outcome.ok).toBe(true);
      const after = await db.prisma.participantDeclaration.findUniqueOrThrow({ where: { id: declaration.id } });
      expect(after.voidedBy).toBe(`api:${world.provider.id}`);
      expect(await db.prisma.auditLog.findFirstOrThrow()).toMatchObject({ actorType: "api", actorLabel: world.provider.name, reason: null });
    });
  });

  it("a double submit voids once: the second is told it is already voided", async () => {
    await withTestDb(kind, async (db) => {
      const { world, participant } = await setUp(db.prisma);
      const declaration = await createDeclaration(db.prisma, world, participant, { state: "eligible", statementId: world.statements.open.id });
      const request = { declarationId: declaration.id, actor, reason: "Duplicate", expectedState: "eligible" as const, now: NOW };
      expect((await voidDeclaration(db.prisma, request)).ok).toBe(true);
      const again = await voidDeclaration(db.prisma, request);
      expect(again).toEqual({ ok: false, code: "already_voided" });
      expectWorded(again, ALREADY_VOIDED);
      expect(await db.prisma.auditLog.count()).toBe(1);
    });
  });
});

describe.each(availableKinds())("the check-your-answers preview on %s", (kind) => {
  it("finds the declaration through the participant id or external identifier, and never another participant's", async () => {
    await withTestDb(kind, async (db) => {
      const { world, participant } = await setUp(db.prisma);
      const merged = await createParticipant(db.prisma, world, { fullName: "Katherine Johnson", separateExternalId: true });
      const mine = await createDeclaration(db.prisma, world, participant, { state: "eligible", statementId: world.statements.open.id });
      const theirs = await createDeclaration(db.prisma, world, merged, { state: "payable", statementId: world.statements.payable.id });

      const check = await loadVoidCheck(db.prisma, participant.userId, mine.id, NOW);
      expect(check).toMatchObject({
        participant: { userId: participant.userId, fullName: "Ada Lovelace" },
        declaration: { id: mine.id, state: "eligible", declarationType: "started", participantType: "ect", leadProvider: world.provider, cohort: { startYear: 2024, frozen: false } },
        outcome: { ok: true, kind: "void", statement: { ...world.statements.open, status: "open" } },
      });
      expect((await loadVoidCheck(db.prisma, merged.externalIdentifier, theirs.id, NOW))?.participant.userId).toBe(merged.userId);
      expect(await loadVoidCheck(db.prisma, participant.userId, theirs.id, NOW)).toBeNull();
      expect(await loadVoidCheck(db.prisma, merged.userId, mine.id, NOW)).toBeNull();
      expect(await loadVoidCheck(db.prisma, participant.userId, randomUUID(), NOW)).toBeNull();
      expect(await loadVoidCheck(db.prisma, randomUUID(), mine.id, NOW)).toBeNull();
      expect(await loadVoidCheck(db.prisma, "nonsense", mine.id, NOW)).toBeNull();
      expect(await loadVoidCheck(db.prisma, participant.userId, "1234", NOW)).toBeNull();
    });
  });

  it("says why a clawback cannot be priced when the provider has no contract for the cohort", async () => {
    await withTestDb(kind, async (db) => {
      const { world } = await setUp(db.prisma);
      // No contract at all for this provider and cohort: the page says so instead of failing.
      await db.prisma.callOffContract.deleteMany({ where: { leadProviderId: world.otherProvider.id, cohortId: world.cohort2024.id } });
      const participant = await createParticipant(db.prisma, world, { fullName: "Mary Jackson", providerId: world.otherProvider.id });
      const paidStatement = await db.prisma.statement.create({
        data: {
          leadProviderId: world.otherProvider.id, cohortId: world.cohort2024.id, name: "September 2026", month: 9, year: 2026,
          deadlineDate: new Date("2026-08-31"), paymentDate: new Date("2026-09-25"), status: "paid",
        },
      });
      const declaration = await createDeclaration(db.prisma, world, participant, { state: "paid", statementId: paidStatement.id, providerId: world.otherProvider.id });
      const check = await loadVoidCheck(db.prisma, participant.userId, declaration.id, NOW);
      expect(check?.outcome).toEqual({
        ok: true,
        kind: "clawback",
        statement: world.statements.otherProviderOpen,
        clawback: { ok: false, message: "The amount cannot be worked out: Teach First has no call-off contract for the 2024 cohort, so its statements cannot be calculated." },
      });
    });
  });
});

describe.runIf(availableKinds().includes("postgres"))("two people voiding at once on postgres", () => {
  it.each([
    ["eligible", "voided", 1, "declaration.void"],
    ["paid", "awaiting_clawback", 2, "declaration.void_paid"],
  ] as const)("20 parallel voids of one %s declaration change it once, with one audit entry", async (state, finalState, lineCount, action) => {
    const db = await createTestDb("postgres", { poolSize: 25 });
    try {
      const { world, participant } = await setUp(db.prisma);
      const declaration = await createDeclaration(db.prisma, world, participant, { state, ...statementFor(world, state) });
      const outcomes = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          voidDeclaration(db.prisma, {
            declarationId: declaration.id,
            actor: staffActor({ id: randomUUID(), email: `user${i}@example.com` }),
            reason: `Attempt ${i}`,
            expectedState: state,
            now: NOW,
          }),
        ),
      );
      const succeeded = outcomes.filter((o) => o.ok);
      const refused = outcomes.filter((o) => !o.ok);
      expect(succeeded).toHaveLength(1);
      expect(refused).toHaveLength(19);
      for (const r of refused) {
        expect(r).toEqual({ ok: false, code: finalState === "voided" ? "already_voided" : "awaiting_clawback" });
        expectWorded(r, ALREADY_VOIDED);
      }
      expect((await db.prisma.participantDeclaration.findUniqueOrThrow({ where: { id: declaration.id } })).state).toBe(finalState);
      expect(await db.prisma.statementLineItem.count({ where: { participantDeclarationId: declaration.id } })).toBe(lineCount);
      const audit = await db.prisma.auditLog.findMany();
      expect(audit).toHaveLength(1);
      expect(audit[0]?.action).toBe(action);
    } finally {
      await db.drop();
    }
  });
});
