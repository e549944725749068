// Duplicate participant records: the list of participants who look like one person, a pair side by
// side, what merging one into the other would do (the dry run), and the merge itself.
//
// The matching rules and the merge plan are pure (lib/participants/rules/duplicates.ts). The list is
// one SQL query whose keys come from indexes (the TRN index, and the expression indexes of
// migration 20261206000200_duplicate_indexes); only the few shared keys are joined back.
//
// The merge is one transaction: both users' rows, then all their profiles, are locked FOR UPDATE in
// id order (two merges, or a merge and a declaration submission, queue rather than deadlock); the
// plan is made again from what is locked; the retired id is recorded in participant_id_changes (so
// identity.ts resolves it to the kept user); registrations, profiles, induction records and
// declarations move; the declarations the merge makes duplicates are voided by the void
// transaction's own inside (voidInTransaction: planVoid, clawback on the next open output
// statement); then the "participant.merge" audit entry. Any refusal or failure rolls all of it back.
import { Prisma, type PrismaClient } from "@/generated/prisma/client";
import { canApply, planVoid } from "@/lib/declarations/rules/lifecycle";
import { findClawbackStatement, voidInTransaction } from "@/lib/declarations/void";
import type { DeclarationState } from "@/lib/domain/declaration-states";
import type { Actor } from "@/lib/db/audit";
import type { Paging, Queryable } from "@/lib/db/query";
import { inTransaction } from "@/lib/db/transaction";
import { ONE_LIVE_DECLARATION_CONSTRAINT } from "@/lib/declarations/submit";
import { moneyEvent } from "@/lib/log";
import { isUuid, normaliseUuid } from "@/lib/validation/ids";
import { loadParticipant, type ParticipantDetail } from "./detail";
import {
  duplicateReasons,
  planMerge,
  type DuplicateFacts,
  type DuplicateReason,
  type MergePlan,
  type MergeSide,
} from "./rules/duplicates";

// ---------------------------------------------------------------------------
// The list
// ---------------------------------------------------------------------------

export type DuplicateParticipant = { userId: string; fullName: string; profiles: number; declarations: number };
export type DuplicatePair = { first: DuplicateParticipant; second: DuplicateParticipant; reasons: DuplicateReason[] };

/**
 * The pairs of participants who share a key, and why. Each key kind is first grouped on its own index
 * (HAVING more than one user), so only shared keys are joined back to their users.
 */
export function duplicatePairsSql(): Prisma.Sql {
  return Prisma.sql`
    WITH shared_trns AS MATERIALIZED (
      SELECT trn FROM participant_profiles WHERE trn IS NOT NULL GROUP BY trn HAVING count(*) > 1
    ),
    shared_emails AS MATERIALIZED (
      SELECT e FROM (
        SELECT email_key AS e, id AS user_id FROM users
        UNION ALL
        SELECT email_key, user_id FROM participant_identities
      ) x GROUP BY e HAVING count(DISTINCT user_id) > 1
    ),
    shared_names AS MATERIALIZED (
      SELECT name_key FROM users WHERE name_key <> '' GROUP BY name_key HAVING count(*) > 1
    ),
    keys AS MATERIALIZED (
      SELECT DISTINCT 'trn' AS reason, p.trn AS key, i.user_id
        FROM shared_trns s
        JOIN participant_profiles p ON p.trn = s.trn
        JOIN participant_identities i ON i.id = p.participant_identity_id
      UNION
      SELECT 'email', s.e, u.id FROM shared_emails s JOIN users u ON u.email_key = s.e
      UNION
      SELECT 'email', s.e, i.user_id FROM shared_emails s JOIN participant_identities i ON i.email_key = s.e
      UNION
      SELECT 'name_school', u.name_key || ':' || ir.school_id::text, u.id
        FROM shared_names s
        JOIN users u ON u.name_key = s.name_key
        JOIN participant_identities i ON i.user_id = u.id
        JOIN participant_profiles p ON p.participant_identity_id = i.id
        JOIN induction_records ir ON ir.participant_profile_id = p.id
       WHERE ir.school_id IS NOT NULL
    )
    SELECT a.user_id AS first_id, b.user_id AS second_id, array_agg(DISTINCT a.reason ORDER BY a.reason) AS reasons
      FROM keys a
      JOIN keys b ON b.reason = a.reason AND b.key = a.key AND b.user_id > a.user_id
     GROUP BY a.user_id, b.user_id`;
}

type PairRow = {
  first_id: string;
  second_id: string;
  reasons: string[];
  first_name: string;
  second_name: string;
  first_profiles: number;
  second_profiles: number;
  first_declarations: number;
  second_declarations: number;
  total: number;
};

const REASON_ORDER: readonly DuplicateReason[] = ["trn", "email", "name_school"];

/** One page of duplicate pairs, by the first participant's name, and how many pairs there are. */
export async function listDuplicatePairs(db: Queryable, paging: Paging): Promise<{ total: number; pairs: DuplicatePair[] }> {
  const counts = (alias: string, prefix: "first" | "second") => {
    const id = Prisma.raw(alias);
    const profiles = Prisma.raw(`${prefix}_profiles`);
    const declarations = Prisma.raw(`${prefix}_declarations`);
    return Prisma.sql`
      (SELECT count(*)::int FROM participant_profiles p JOIN participant_identities i ON i.id = p.participant_identity_id WHERE i.user_id = ${id}) AS ${profiles},
      (SELECT count(*)::int FROM participant_declarations d WHERE d.user_id = ${id}) AS ${declarations}`;
  };
  const rows = await db.$queryRaw<PairRow[]>`
    WITH pairs AS (${duplicatePairsSql()})
    SELECT pairs.first_id::text, pairs.second_id::text, pairs.reasons,
           ua.full_name AS first_name, ub.full_name AS second_name,
           ${counts("pairs.first_id", "first")}, ${counts("pairs.second_id", "second")},
           count(*) OVER ()::int AS total
      FROM pairs
      JOIN users ua ON ua.id = pairs.first_id
      JOIN users ub ON ub.id = pairs.second_id
     ORDER BY ua.full_name, pairs.first_id, pairs.second_id
     LIMIT ${paging.take} OFFSET ${paging.skip}`;
  const pairs = rows.map((row) => ({
    first: { userId: row.first_id, fullName: row.first_name, profiles: row.first_profiles, declarations: row.first_declarations },
    second: { userId: row.second_id, fullName: row.second_name, profiles: row.second_profiles, declarations: row.second_declarations },
    reasons: REASON_ORDER.filter((r) => row.reasons.includes(r)),
  }));
  if (rows.length === 0 && paging.skip > 0) {
    const [count] = await db.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total FROM (${duplicatePairsSql()}) x`;
    return { total: count?.total ?? 0, pairs };
  }
  return { total: rows[0]?.total ?? 0, pairs };
}

// ---------------------------------------------------------------------------
// One pair
// ---------------------------------------------------------------------------

/** The facts the matching rules compare, for one user; null when the id names no user. */
async function loadFacts(db: Queryable, userId: string): Promise<DuplicateFacts | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      fullName: true,
      email: true,
      identities: {
        select: {
          email: true,
          profiles: { select: { trn: true, inductionRecords: { select: { schoolId: true } } } },
        },
      },
    },
  });
  if (!user) return null;
  const profiles = user.identities.flatMap((i) => i.profiles);
  return {
    fullName: user.fullName,
    emails: [user.email, ...user.identities.map((i) => i.email)],
    trns: profiles.map((p) => p.trn),
    schoolIds: profiles.flatMap((p) => p.inductionRecords.map((r) => r.schoolId)),
  };
}

/** Two distinct participant (user) ids, lower-cased; null when malformed or the same. */
export function pairIds(first: string, second: string): { first: string; second: string } | null {
  if (!isUuid(first) || !isUuid(second)) return null;
  const a = normaliseUuid(first);
  const b = normaliseUuid(second);
  return a === b ? null : { first: a, second: b };
}

/**
 * Two participants and why they look like one person. Only current participant (user) ids: a retired
 * id names its kept record, which is no longer a pair. Null (→ 404) when either is unknown.
 */
export async function loadDuplicatePair(
  db: Queryable,
  first: string,
  second: string,
): Promise<{ first: string; second: string; reasons: DuplicateReason[] } | null> {
  const ids = pairIds(first, second);
  if (!ids) return null;
  const [a, b] = await Promise.all([loadFacts(db, ids.first), loadFacts(db, ids.second)]);
  if (!a || !b) return null;
  return { ...ids, reasons: duplicateReasons(a, b) };
}

// ---------------------------------------------------------------------------
// The merge plan and its dry run
// ---------------------------------------------------------------------------

async function loadSide(db: Queryable, userId: string): Promise<MergeSide & { fullName: string; email: string; identities: number; inductionRecords: number }> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      fullName: true,
      email: true,
      identities: {
        select: {
          id: true,
          profiles: { select: { id: true, type: true, createdAt: true, _count: { select: { inductionRecords: true } } } },
        },
      },
    },
  });
  const profiles = user.identities.flatMap((i) => i.profiles.map((p) => ({ id: p.id, type: p.type, identityId: i.id, createdAt: p.createdAt, records: p._count.inductionRecords })));
  const declarations = await db.participantDeclaration.findMany({
    where: { userId },
    select: { id: true, participantProfileId: true, courseIdentifier: true, declarationType: true, state: true, declarationDate: true, createdAt: true },
    orderBy: [{ declarationDate: "asc" }, { id: "asc" }],
  });
  return {
    userId,
    fullName: user.fullName,
    email: user.email,
    identities: user.identities.length,
    inductionRecords: profiles.reduce((n, p) => n + p.records, 0),
    profiles: profiles.map((p) => ({ id: p.id, type: p.type, identityId: p.identityId, createdAt: p.createdAt })),
    declarations: declarations.map((d) => ({ ...d, profileId: d.participantProfileId })),
  };
}

export type DuplicateOutcome =
  | { kind: "void" | "clawback"; statement: { id: string; name: string } | null }
  | { kind: "refused"; code: string; cohortStartYear?: number };

export type MergeDuplicateView = {
  id: string;
  duplicateOf: string;
  declarationType: string;
  courseIdentifier: string;
  state: DeclarationState;
  leadProvider: string;
  cohortStartYear: number;
  /** The statement it is on now (its original line item). */
  statement: { id: string; name: string } | null;
  outcome: DuplicateOutcome;
};

export type MergePreview = {
  kept: { userId: string; fullName: string; email: string };
  retired: { userId: string; fullName: string; email: string };
  reasons: DuplicateReason[];
  moves: { identities: number; profilesFolded: number; profilesMoved: number; inductionRecords: number; declarations: number };
  duplicates: MergeDuplicateView[];
  /** The first refusal a duplicate's void would meet: the merge would be refused with it. */
  refusal: { code: string; cohortStartYear?: number } | null;
};

/** What voiding one duplicate would do now (the transaction asks the same rule with the same statement). */
async function previewDuplicate(db: Queryable, id: string, duplicateOf: string, now: Date): Promise<MergeDuplicateView> {
  const d = await db.participantDeclaration.findUniqueOrThrow({
    where: { id },
    include: {
      cohort: true,
      leadProvider: { select: { name: true } },
      lineItems: { include: { statement: { select: { id: true, name: true } } }, orderBy: { createdAt: "asc" } },
    },
  });
  const clawback = canApply("void_paid", d.state)
    ? await findClawbackStatement(db, { leadProviderId: d.leadProviderId, cohortId: d.cohortId, cohortStartYear: d.cohort.startYear }, now)
    : null;
  const plan = planVoid(
    { state: d.state, cohortStartYear: d.cohort.startYear, cohortPaymentsFrozen: d.cohort.paymentsFrozenAt !== null },
    clawback,
  );
  const outcome: DuplicateOutcome = plan.ok
    ? { kind: plan.kind, statement: plan.kind === "clawback" && clawback ? { id: clawback.id, name: clawback.name } : null }
    : { kind: "refused", code: plan.code, ...("cohortStartYear" in plan ? { cohortStartYear: plan.cohortStartYear } : {}) };
  const original = d.lineItems[0]?.statement ?? null;
  return {
    id,
    duplicateOf,
    declarationType: d.declarationType,
    courseIdentifier: d.courseIdentifier,
    state: d.state,
    leadProvider: d.leadProvider.name,
    cohortStartYear: d.cohort.startYear,
    statement: original,
    outcome,
  };
}

/** The dry run of keeping `keptId` and retiring `retiredId`: what moves, and what is voided where. Null → 404. */
export async function previewMerge(db: Queryable, keptId: string, retiredId: string, now: Date = new Date()): Promise<MergePreview | null> {
  const pair = await loadDuplicatePair(db, keptId, retiredId);
  if (!pair) return null;
  const [kept, retired] = await Promise.all([loadSide(db, pair.first), loadSide(db, pair.second)]);
  const plan = planMerge(kept, retired);
  if (!plan.ok) return null;
  const duplicates: MergeDuplicateView[] = [];
  for (const d of plan.duplicates) duplicates.push(await previewDuplicate(db, d.id, d.duplicateOf, now));
  const refused = duplicates.find((d) => d.outcome.kind === "refused")?.outcome;
  return {
    kept: { userId: kept.userId, fullName: kept.fullName, email: kept.email },
    retired: { userId: retired.userId, fullName: retired.fullName, email: retired.email },
    reasons: pair.reasons,
    moves: {
      identities: retired.identities,
      profilesFolded: plan.foldedProfiles.length,
      profilesMoved: plan.movedProfiles.length,
      inductionRecords: retired.inductionRecords,
      declarations: plan.movedDeclarations.length,
    },
    duplicates,
    refusal: refused && refused.kind === "refused" ? { code: refused.code, cohortStartYear: refused.cohortStartYear } : null,
  };
}

// ---------------------------------------------------------------------------
// The merge
// ---------------------------------------------------------------------------

/** The merge's steps, in order (a test hook may fail after any of them: nothing then changes). */
export const MERGE_STEPS = ["lock", "id_change", "move", "void_duplicates", "audit"] as const;
export type MergeStep = (typeof MERGE_STEPS)[number];

export type MergeRequest = {
  keptUserId: string;
  retiredUserId: string;
  actor: Actor;
  now?: Date;
  /** Tests only: called after each step, inside the transaction; throwing rolls the merge back. */
  afterStep?: (step: MergeStep) => Promise<void>;
};

export type MergeRefusalCode = "not_found" | "same_participant" | "duplicate_not_voided";

export type MergeOutcome =
  | { ok: true; keptUserId: string; retiredUserId: string; voided: { declarationId: string; kind: "void" | "clawback"; statement: { id: string; name: string } | null }[] }
  | { ok: false; code: "not_found" | "same_participant" }
  | { ok: false; code: "duplicate_not_voided"; declarationId: string; voidCode: string; cohortStartYear?: number };

/** Thrown inside the transaction to roll it back with a refusal. */
class MergeRefused extends Error {
  constructor(readonly outcome: Extract<MergeOutcome, { ok: false }>) {
    super(`merge refused: ${outcome.code}`);
  }
}

type Snapshot = { userId: string; fullName: string; email: string; identities: string[]; profiles: { id: string; type: string }[]; declarations: number };

async function snapshot(db: Queryable, side: MergeSide & { fullName: string; email: string }): Promise<Snapshot> {
  const identities = await db.participantIdentity.findMany({ where: { userId: side.userId }, select: { externalIdentifier: true }, orderBy: { id: "asc" } });
  return {
    userId: side.userId,
    fullName: side.fullName,
    email: side.email,
    identities: identities.map((i) => i.externalIdentifier),
    profiles: side.profiles.map((p) => ({ id: p.id, type: p.type })),
    declarations: side.declarations.length,
  };
}

export async function mergeParticipants(prisma: PrismaClient, request: MergeRequest): Promise<MergeOutcome> {
  const ids = pairIds(request.keptUserId, request.retiredUserId);
  if (!ids) return isUuid(request.keptUserId) && isUuid(request.retiredUserId) ? { ok: false, code: "same_participant" } : { ok: false, code: "not_found" };
  const { first: keptId, second: retiredId } = ids;
  const now = request.now ?? new Date();
  const step = async (name: MergeStep) => {
    if (request.afterStep) await request.afterStep(name);
  };
  try {
    return await inTransaction(prisma, async (tx, change): Promise<MergeOutcome> => {
      // 1. Lock both users, then every profile of theirs, each in id order.
      const users = await tx.$queryRaw<{ id: string }[]>`
        SELECT id::text FROM users WHERE id IN (${keptId}::uuid, ${retiredId}::uuid) ORDER BY id FOR UPDATE`;
      if (users.length !== 2) return { ok: false, code: "not_found" };
      await tx.$queryRaw`
        SELECT p.id FROM participant_profiles p JOIN participant_identities i ON i.id = p.participant_identity_id
         WHERE i.user_id IN (${keptId}::uuid, ${retiredId}::uuid) ORDER BY p.id FOR UPDATE OF p`;
      const [kept, retired] = [await loadSide(tx, keptId), await loadSide(tx, retiredId)];
      const plan = planMerge(kept, retired);
      if (!plan.ok) return plan;
      const before = { kept: await snapshot(tx, kept), retired: await snapshot(tx, retired) };
      await step("lock");

      // 2. The retired id now names the kept user (and so do the ids it had retired before).
      await tx.participantIdChange.updateMany({ where: { userId: retiredId }, data: { userId: keptId, toParticipantId: keptId } });
      await tx.participantIdChange.create({ data: { userId: keptId, fromParticipantId: retiredId, toParticipantId: keptId, changedAt: now } });
      await step("id_change");

      // 3. Registrations, profiles, induction records and declarations move; the retired user goes.
      // A moved declaration may repeat a live one until step 4 voids it: the one-live-declaration
      // constraint (migration 20261206002300_hardening) waits for the commit in this transaction.
      await tx.$executeRawUnsafe(`SET CONSTRAINTS ${ONE_LIVE_DECLARATION_CONSTRAINT} DEFERRED`);
      await moveRecords(tx, plan);
      await step("move");

      // 4. The declarations the merge made duplicates: voided by the void's own rules and writes.
      const voided: Extract<MergeOutcome, { ok: true }>["voided"] = [];
      for (const duplicate of plan.duplicates) {
        const outcome = await voidInTransaction(
          tx,
          change,
          {
            declarationId: duplicate.id,
            actor: request.actor,
            reason: `Duplicate of declaration ${duplicate.duplicateOf} after merging participant ${retiredId} into ${keptId}`,
          },
          now,
        );
        if (!outcome.ok) {
          throw new MergeRefused({
            ok: false,
            code: "duplicate_not_voided",
            declarationId: duplicate.id,
            voidCode: outcome.code,
            ...("cohortStartYear" in outcome ? { cohortStartYear: outcome.cohortStartYear } : {}),
          });
        }
        voided.push({ declarationId: duplicate.id, kind: outcome.kind, statement: outcome.clawbackStatement });
      }
      await step("void_duplicates");

      // 5. The audit entry.
      await change.audit({
        actor: request.actor,
        action: "participant.merge",
        entityType: "participant",
        entityId: keptId,
        userId: keptId,
        reason: null,
        before,
        after: {
          keptUserId: keptId,
          retiredUserId: retiredId,
          foldedProfiles: plan.foldedProfiles,
          movedProfiles: plan.movedProfiles,
          movedDeclarations: plan.movedDeclarations.map((d) => d.id),
          voided,
        },
      });
      await step("audit");
      change.afterCommit(() => moneyEvent("participant.merge", request.actor, { participantUserId: keptId, retiredUserId: retiredId, declarationsVoided: voided.length }));
      return { ok: true, keptUserId: keptId, retiredUserId: retiredId, voided };
    });
  } catch (error) {
    if (error instanceof MergeRefused) return error.outcome;
    throw error;
  }
}

async function moveRecords(tx: Prisma.TransactionClient, plan: MergePlan): Promise<void> {
  const { keptUserId, retiredUserId } = plan;
  for (const fold of plan.foldedProfiles) {
    await tx.inductionRecord.updateMany({ where: { participantProfileId: fold.from }, data: { participantProfileId: fold.into } });
    await tx.participantDeclaration.updateMany({ where: { participantProfileId: fold.from }, data: { participantProfileId: fold.into } });
    await tx.participantProfile.updateMany({ where: { mentorProfileId: fold.from }, data: { mentorProfileId: fold.into } });
  }
  await tx.participantIdentity.updateMany({ where: { userId: retiredUserId }, data: { userId: keptUserId } });
  if (plan.foldedProfiles.length > 0) await tx.participantProfile.deleteMany({ where: { id: { in: plan.foldedProfiles.map((f) => f.from) } } });
  await tx.participantDeclaration.updateMany({ where: { userId: retiredUserId }, data: { userId: keptUserId } });
  await tx.participantDeclaration.updateMany({ where: { mentorUserId: retiredUserId }, data: { mentorUserId: keptUserId } });
  await tx.user.delete({ where: { id: retiredUserId } });
}

// ---------------------------------------------------------------------------
// The comparison page
// ---------------------------------------------------------------------------

export type DuplicateComparison = { first: ParticipantDetail; second: ParticipantDetail; reasons: DuplicateReason[] };

/** Both records in full (the drill-down's loader) and why they look alike; null (→ 404) when either is not a participant. */
export async function loadComparison(db: Queryable, first: string, second: string, now: Date = new Date()): Promise<DuplicateComparison | null> {
  const pair = await loadDuplicatePair(db, first, second);
  if (!pair) return null;
  const [a, b] = await Promise.all([loadParticipant(db, pair.first, now), loadParticipant(db, pair.second, now)]);
  if (!a || !b) return null;
  return { first: a, second: b, reasons: pair.reasons };
}
