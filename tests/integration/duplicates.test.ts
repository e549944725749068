// Duplicate participant records (lib/participants/duplicates.ts) on the demo data: the list, the
// dry run, and the merge as one transaction (a failure after any step changes nothing); after a
// merge the search, the drill-down and the API answer for the retired id with the kept record.
import { describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/generated/prisma/client";
import { GET as getParticipant } from "@/app/api/v3/participants/ecf/[id]/route";
import { staffActor } from "@/lib/db/audit";
import { loadParticipant } from "@/lib/participants/detail";
import { MERGE_STEPS, listDuplicatePairs, loadDuplicatePair, mergeParticipants, previewMerge } from "@/lib/participants/duplicates";
import { findParticipantById, searchParticipants } from "@/lib/participants/search";
import { availableKinds } from "./db";
import { AMBITION, TEACH_FIRST, TEST_NOW, apiRequest, call, useSeededApi } from "./api/helpers";

const actor = staffActor({ id: randomUUID(), email: "finance@example.com" });

/** Everything a merge may touch, as plain rows in a fixed order. */
async function fingerprint(prisma: PrismaClient): Promise<string> {
  const tables = [
    "SELECT id, full_name, email FROM users ORDER BY id",
    "SELECT id, user_id, external_identifier, email FROM participant_identities ORDER BY id",
    "SELECT id, participant_identity_id, type, trn, mentor_profile_id FROM participant_profiles ORDER BY id",
    "SELECT id, participant_profile_id FROM induction_records ORDER BY id",
    "SELECT id, participant_profile_id, user_id, mentor_user_id, state, voided_at, voided_by FROM participant_declarations ORDER BY id",
    "SELECT id, statement_id, participant_declaration_id, state FROM statement_line_items ORDER BY id",
    "SELECT id, user_id, from_participant_id, to_participant_id FROM participant_id_changes ORDER BY id",
    "SELECT count(*)::int AS n FROM audit_logs",
  ];
  const parts: unknown[] = [];
  for (const sql of tables) parts.push(await prisma.$queryRawUnsafe(sql));
  return JSON.stringify(parts);
}

describe.each(availableKinds())("duplicate records on %s", (kind) => {
  const ctx = useSeededApi(kind);

  it("lists the demo's three pairs, paginated, with their profiles and declarations", async () => {
    const pairs = ctx.seed.examples.duplicatePairs;
    const all = await listDuplicatePairs(ctx.prisma, { skip: 0, take: 1000 });
    const find = ([a, b]: [string, string]) => all.pairs.find((p) => p.first.userId === [a, b].sort()[0] && p.second.userId === [a, b].sort()[1]);
    const trn = find(pairs.trn as [string, string]);
    expect(trn?.reasons).toContain("trn");
    expect([trn?.first.profiles, trn?.first.declarations, trn?.second.profiles, trn?.second.declarations]).toEqual([1, 1, 1, 1]);
    expect(find(pairs.email as [string, string])?.reasons).toContain("email");
    expect(find(pairs.nameAndSchool as [string, string])?.reasons).toEqual(["name_school"]);
    expect(all.total).toBe(all.pairs.length);
    const page2 = await listDuplicatePairs(ctx.prisma, { skip: 1, take: 1 });
    expect(page2.total).toBe(all.total);
    expect(page2.pairs).toEqual(all.pairs.slice(1, 2));
    expect((await listDuplicatePairs(ctx.prisma, { skip: 10_000, take: 10 })).total).toBe(all.total);
  });

  it("a pair: unknown, malformed or the same id twice is nobody", async () => {
    const [kept, retired] = ctx.seed.examples.duplicatePairs.trn as [string, string];
    expect(await loadDuplicatePair(ctx.prisma, kept, retired)).toMatchObject({ reasons: ["trn"] });
    expect(await loadDuplicatePair(ctx.prisma, kept, kept)).toBeNull();
    expect(await loadDuplicatePair(ctx.prisma, kept, "not-a-uuid")).toBeNull();
    expect(await loadDuplicatePair(ctx.prisma, kept, randomUUID())).toBeNull();
  });

  it("the dry run says what moves and that the retired paid declaration is clawed back on the open statement", async () => {
    const [kept, retired] = ctx.seed.examples.duplicatePairs.trn as [string, string];
    const preview = await previewMerge(ctx.prisma, kept, retired, TEST_NOW);
    expect(preview?.moves).toEqual({ identities: 1, profilesFolded: 1, profilesMoved: 0, inductionRecords: 1, declarations: 1 });
    expect(preview?.duplicates).toHaveLength(1);
    expect(preview?.duplicates[0]).toMatchObject({ state: "paid", declarationType: "started", leadProvider: AMBITION, outcome: { kind: "clawback" } });
    const open = ctx.seed.examples.openOutputStatements[`${AMBITION} 2025`] ?? ctx.seed.examples.openOutputStatements[`${AMBITION} 2024`];
    const outcome = preview?.duplicates[0]?.outcome;
    expect(outcome && "statement" in outcome ? outcome.statement?.id : null).toBe(open);
    expect(preview?.refusal).toBeNull();
  });

  it.each(MERGE_STEPS)("a failure after the %s step changes nothing", async (failing) => {
    const [kept, retired] = ctx.seed.examples.duplicatePairs.trn as [string, string];
    const before = await fingerprint(ctx.prisma);
    const merge = mergeParticipants(ctx.prisma, {
      keptUserId: kept,
      retiredUserId: retired,
      actor,
      now: TEST_NOW,
      afterStep: async (step) => {
        if (step === failing) throw new Error(`injected failure after ${step}`);
      },
    });
    await expect(merge).rejects.toThrow(`injected failure after ${failing}`);
    expect(await fingerprint(ctx.prisma)).toBe(before);
  });

  it("merges: the retired id reaches the kept record in the search, the drill-down and the API; the duplicate is clawed back", async () => {
    const [kept, retired] = ctx.seed.examples.duplicatePairs.trn as [string, string];
    const duplicateId = (await previewMerge(ctx.prisma, kept, retired, TEST_NOW))?.duplicates[0]?.id as string;
    const outcome = await mergeParticipants(ctx.prisma, { keptUserId: kept, retiredUserId: retired, actor, now: TEST_NOW });
    expect(outcome).toMatchObject({ ok: true, keptUserId: kept, retiredUserId: retired, voided: [{ declarationId: duplicateId, kind: "clawback" }] });

    // The retired id was also its registration's external identifier, which moved with it: either way it names the kept user.
    expect((await findParticipantById(ctx.prisma, retired))?.userId).toBe(kept);
    // The search by TRN finds one participant now.
    const trn = (await ctx.prisma.participantProfile.findFirst({ where: { participantIdentity: { userId: kept } }, select: { trn: true } }))?.trn as string;
    const search = await searchParticipants(ctx.prisma, trn);
    expect(new Set(search.rows.map((r) => r.userId))).toEqual(new Set([kept]));
    const detail = await loadParticipant(ctx.prisma, retired, TEST_NOW);
    expect(detail?.user.id).toBe(kept);
    expect(detail?.idChanges.map((c) => [c.fromParticipantId, c.toParticipantId])).toContainEqual([retired, kept]);
    const declarations = detail?.enrolments.flatMap((e) => e.declarations) ?? [];
    expect(declarations.find((d) => d.id === duplicateId)?.state).toBe("awaiting_clawback");
    expect(detail?.enrolments).toHaveLength(1); // the retired ECT profile was folded into the kept one

    const api = await call(getParticipant, apiRequest("GET", `/api/v3/participants/ecf/${retired}`, { as: AMBITION }), { id: retired });
    expect(api.status).toBe(200);
    expect(api.body.data.id).toBe(kept);

    const audit = await ctx.prisma.auditLog.findMany({ where: { userId: kept, action: { in: ["participant.merge", "declaration.void_paid"] } } });
    expect(audit.map((a) => a.action).sort()).toEqual(["declaration.void_paid", "participant.merge"]);
    // The pair is no longer listed, and the retired id is no longer a participant of its own.
    const listed = await listDuplicatePairs(ctx.prisma, { skip: 0, take: 1000 });
    expect(listed.pairs.some((p) => [p.first.userId, p.second.userId].includes(retired))).toBe(false);
    expect(await loadDuplicatePair(ctx.prisma, kept, retired)).toBeNull();
    expect(await mergeParticipants(ctx.prisma, { keptUserId: kept, retiredUserId: retired, actor, now: TEST_NOW })).toEqual({ ok: false, code: "not_found" });
  });

  it("voids (not clawed back) an eligible duplicate: same name at the same school", async () => {
    const [kept, retired] = ctx.seed.examples.duplicatePairs.nameAndSchool as [string, string];
    const outcome = await mergeParticipants(ctx.prisma, { keptUserId: kept, retiredUserId: retired, actor, now: TEST_NOW });
    expect(outcome).toMatchObject({ ok: true, voided: [{ kind: "void", statement: null }] });
    const api = await call(getParticipant, apiRequest("GET", `/api/v3/participants/ecf/${retired}`, { as: TEACH_FIRST }), { id: retired });
    expect(api.body.data.id).toBe(kept);
  });

  it("two opposite merges of one pair at once: one merges, the other finds nobody", async () => {
    const [a, b] = ctx.seed.examples.duplicatePairs.email as [string, string];
    const outcomes = await Promise.all([
      mergeParticipants(ctx.prisma, { keptUserId: a, retiredUserId: b, actor, now: TEST_NOW }),
      mergeParticipants(ctx.prisma, { keptUserId: b, retiredUserId: a, actor, now: TEST_NOW }),
    ]);
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    expect(outcomes.filter((o) => !o.ok)).toEqual([{ ok: false, code: "not_found" }]);
    expect(await ctx.prisma.user.count({ where: { id: { in: [a, b] } } })).toBe(1);
  });

  it("refuses malformed ids and the same participant twice", async () => {
    const [a] = ctx.seed.examples.duplicatePairs.trn as [string, string];
    expect(await mergeParticipants(ctx.prisma, { keptUserId: a, retiredUserId: "nope", actor })).toEqual({ ok: false, code: "not_found" });
    expect(await mergeParticipants(ctx.prisma, { keptUserId: a, retiredUserId: a.toUpperCase(), actor })).toEqual({ ok: false, code: "same_participant" });
  });
});
