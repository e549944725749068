// Submitting a declaration (POST /api/v3/participant-declarations): reads what payment-engine.md's
// checks need, asks the pure rules (rules/submission-checks.ts, rules/submission.ts), and writes the
// declaration, its line item and its audit entry in one transaction.
//
// The participant profile row is locked (FOR UPDATE) before the duplicate check, so parallel
// identical submissions queue behind each other: the first creates the declaration, the others
// find it and are refused as duplicates. Withdraw/defer/change-schedule lock the same row, so a
// declaration never slips past a withdrawal made at the same moment. The state on submission and
// the statement come from the lifecycle (lib/declarations/rules): eligible and ineligible
// declarations get a line item on the provider's next open output statement for the cohort;
// submitted ones (eligibility not yet known) get none.
//
// Refusals are codes with their data (`SubmissionRefusal`); lib/api words them and merges them
// with the problems it found in the request's attributes.
import type { PrismaClient } from "@/generated/prisma/client";
import { planSubmission, type StatementForSelection } from "@/lib/declarations/rules/lifecycle";
import {
  submissionRefusals,
  type DeclarationSubmission,
  type SubmissionRefusal,
} from "@/lib/declarations/rules/submission-checks";
import { participantTypeOfCourse } from "@/lib/domain/courses";
import type { DeclarationState } from "@/lib/domain/declaration-states";
import { apiActor } from "@/lib/db/audit";
import { violatesConstraint } from "@/lib/db/errors";
import type { Queryable } from "@/lib/db/query";
import { inTransaction } from "@/lib/db/transaction";
import { moneyEvent } from "@/lib/log";
import { currentRecord, resolveParticipantId } from "@/lib/participants/identity";
import { upliftPaid, type DeclarationRecord } from "@/lib/declarations/queries";

/** Also read by lib/participants/actions.ts (changing a cohort); the rule lives in rules/submission-checks.ts. */
export { DUPLICATE_STATES } from "@/lib/declarations/rules/submission-checks";

/**
 * The database's own guard against duplicates (migration 20261206002300_hardening): at most one
 * declaration in DUPLICATE_STATES per profile, course and declaration type. A submission it refuses
 * (a duplicate the row lock and the check did not see) is answered as the duplicate it is.
 */
export const ONE_LIVE_DECLARATION_CONSTRAINT = "participant_declarations_one_live_per_event";

export interface SubmitDeclarationRequest {
  leadProvider: { id: string; name: string };
  values: DeclarationSubmission;
  /**
   * False when the request's attributes already have problems of their own: the checks still run
   * (their refusals are reported alongside those problems), but nothing is written.
   */
  attributesValid: boolean;
  /** The time of submission: "the future" is after it, and it picks the statement. */
  now: Date;
}

export type SubmitOutcome = { ok: true; declaration: DeclarationRecord } | { ok: false; refusals: SubmissionRefusal[] };

interface ProfileRow {
  id: string;
  type: "ect" | "mentor";
  user_id: string;
  eligible_for_funding: boolean | null;
  ineligible_for_funding_reason: string | null;
  sparsity_uplift: boolean;
  pupil_premium_uplift: boolean;
  mentor_user_id: string | null;
}

interface RecordRow {
  lead_provider_id: string;
  delivery_partner_id: string | null;
  start_date: string;
  end_date: string | null;
  created_at: string;
  updated_at: string;
  training_status: "active" | "deferred" | "withdrawn";
  training_status_date: string | null;
  schedule_id: string;
  cohort_id: string;
  start_year: number;
  mentor_funding: boolean;
  frozen: boolean;
}

/** Timestamps come out of the raw query as ISO text in UTC (ISO_UTC), whatever the driver. */
const ISO_UTC = 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"';

function asDate(text: string): Date;
function asDate(text: string | null): Date | null;
function asDate(text: string | null): Date | null {
  return text === null ? null : new Date(text);
}

/** The profiles of the participant `participantId` names (any id the API accepts) that have an induction record with the provider. */
async function profilesWithProvider(db: Queryable, participantId: string, leadProviderId: string): Promise<{ id: string; type: string }[]> {
  const userId = await resolveParticipantId(db, participantId);
  if (userId === null) return [];
  return db.participantProfile.findMany({
    where: { participantIdentity: { userId }, inductionRecords: { some: { leadProviderId } } },
    select: { id: true, type: true },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
  });
}

/** The training record a declaration is for: the participant's profile for this course, linked to this provider. */
async function findProfile(
  prisma: PrismaClient,
  values: DeclarationSubmission,
  leadProviderId: string,
): Promise<{ profileId: string } | { refusal: SubmissionRefusal | null }> {
  if (!values.participantId) return { refusal: null };
  const profiles = await profilesWithProvider(prisma, values.participantId, leadProviderId);
  if (profiles.length === 0) return { refusal: { field: "participant_id", code: "participant_not_recognised" } };
  if (!values.courseIdentifier) return { refusal: null };
  const type = participantTypeOfCourse(values.courseIdentifier);
  const profile = profiles.find((p) => p.type === type);
  return profile ? { profileId: profile.id } : { refusal: { field: "course_identifier", code: "course_not_recognised" } };
}

export async function submitDeclaration(prisma: PrismaClient, request: SubmitDeclarationRequest): Promise<SubmitOutcome> {
  const { values, leadProvider } = request;
  const found = await findProfile(prisma, values, leadProvider.id);
  if (!("profileId" in found)) return { ok: false, refusals: found.refusal ? [found.refusal] : [] };
  const { profileId } = found;

  try {
    return await submitInTransaction(prisma, request, profileId);
  } catch (error) {
    if (violatesConstraint(error, ONE_LIVE_DECLARATION_CONSTRAINT)) return { ok: false, refusals: [{ field: "participant_id", code: "duplicate" }] };
    throw error;
  }
}

async function submitInTransaction(prisma: PrismaClient, request: SubmitDeclarationRequest, profileId: string): Promise<SubmitOutcome> {
  const { values, leadProvider, now } = request;
  return inTransaction(prisma, async (tx, change): Promise<SubmitOutcome> => {
    // Lock the profile (queueing parallel submissions for it) and read what the checks need.
    const [profile] = await tx.$queryRaw<ProfileRow[]>`
      SELECT pp.id::text AS id, pp.type::text AS type, pi.user_id::text AS user_id, pp.eligible_for_funding,
             pp.ineligible_for_funding_reason, pp.sparsity_uplift, pp.pupil_premium_uplift, mi.user_id::text AS mentor_user_id
        FROM participant_profiles pp
        JOIN participant_identities pi ON pi.id = pp.participant_identity_id
        LEFT JOIN participant_profiles mp ON mp.id = pp.mentor_profile_id
        LEFT JOIN participant_identities mi ON mi.id = mp.participant_identity_id
       WHERE pp.id = ${profileId}::uuid
         FOR UPDATE OF pp`;
    const records = (
      await tx.$queryRaw<RecordRow[]>`
        SELECT ir.lead_provider_id::text AS lead_provider_id, ir.delivery_partner_id::text AS delivery_partner_id,
               to_char(ir.start_date, ${ISO_UTC}) AS start_date, to_char(ir.end_date, ${ISO_UTC}) AS end_date,
               to_char(ir.created_at, ${ISO_UTC}) AS created_at, to_char(ir.updated_at, ${ISO_UTC}) AS updated_at,
               ir.training_status::text AS training_status, to_char(ir.training_status_date, ${ISO_UTC}) AS training_status_date,
               s.id::text AS schedule_id, c.id::text AS cohort_id, c.start_year, c.mentor_funding,
               (c.payments_frozen_at IS NOT NULL) AS frozen
          FROM induction_records ir
          JOIN schedules s ON s.id = ir.schedule_id
          JOIN cohorts c ON c.id = s.cohort_id
         WHERE ir.participant_profile_id = ${profileId}::uuid`
    ).map((r) => ({
      ...r,
      startDate: asDate(r.start_date),
      endDate: asDate(r.end_date),
      createdAt: asDate(r.created_at),
      updatedAt: asDate(r.updated_at),
      trainingStatusDate: asDate(r.training_status_date),
    }));
    const record = currentRecord(records.filter((r) => r.lead_provider_id === leadProvider.id));
    if (!profile || !record) return { ok: false, refusals: [{ field: "participant_id", code: "participant_not_recognised" }] };
    const cohort = { id: record.cohort_id, startYear: Number(record.start_year), mentorFunding: record.mentor_funding, frozen: record.frozen };

    const { declarationType: type, declarationDate: date, courseIdentifier } = values;
    const milestone = type
      ? await tx.milestone.findFirst({ where: { scheduleId: record.schedule_id, declarationType: type }, select: { startDate: true, milestoneDate: true } })
      : null;
    const sameEvent: { state: DeclarationState }[] =
      type && courseIdentifier
        ? await tx.participantDeclaration.findMany({
            where: { participantProfileId: profile.id, courseIdentifier, declarationType: type },
            select: { state: true },
          })
        : [];
    const refusals = submissionRefusals({
      participantType: profile.type,
      declarationType: type,
      declarationDate: date,
      milestone,
      record: { trainingStatus: record.training_status, trainingStatusDate: record.trainingStatusDate, updatedAt: record.updatedAt },
      trainingStartDates: records.map((r) => r.startDate),
      cohort,
      sameEventStates: sameEvent.map((d) => d.state),
    });
    if (!request.attributesValid || refusals.length > 0 || !type || !date || !courseIdentifier) return { ok: false, refusals };

    // State and statement, from the lifecycle.
    const submission = {
      cohortStartYear: cohort.startYear,
      cohortPaymentsFrozen: cohort.frozen,
      eligibleForFunding: profile.eligible_for_funding,
      submittedAt: now,
    };
    const openStatements = (): Promise<StatementForSelection[]> =>
      tx.statement.findMany({
        where: { leadProviderId: leadProvider.id, cohortId: cohort.id, outputFee: true, status: "open" },
        select: { id: true, status: true, outputFee: true, deadlineDate: true, paymentDate: true },
      });
    let plan = planSubmission(submission, await openStatements());
    if (plan.ok && plan.statementId) {
      // Hold the statement open until we commit (marking it payable waits for us); if it stopped
      // being open meanwhile, choose again among the statements still open.
      const held = await tx.$queryRaw<{ id: string }[]>`
        SELECT id::text FROM statements WHERE id = ${plan.statementId}::uuid AND status = 'open' FOR SHARE`;
      if (held.length === 0) {
        await tx.$executeRaw`
          SELECT id FROM statements
           WHERE lead_provider_id = ${leadProvider.id}::uuid AND cohort_id = ${cohort.id}::uuid AND output_fee AND status = 'open'
           FOR SHARE`;
        plan = planSubmission(submission, await openStatements());
      }
    }
    if (!plan.ok) return { ok: false, refusals: [{ field: "cohort", code: plan.code, cohortStartYear: plan.cohortStartYear }] };
    const { state, statementId } = plan;

    const declaration = await tx.participantDeclaration.create({
      data: {
        participantProfileId: profile.id,
        userId: profile.user_id,
        leadProviderId: leadProvider.id,
        cohortId: cohort.id,
        deliveryPartnerId: record.delivery_partner_id,
        declarationType: type,
        declarationDate: date,
        courseIdentifier,
        evidenceHeld: values.evidenceHeld,
        state,
        ineligibleForFundingReason: state === "ineligible" ? profile.ineligible_for_funding_reason : null,
        mentorUserId: profile.type === "ect" ? profile.mentor_user_id : null,
        sparsityUplift: profile.sparsity_uplift,
        pupilPremiumUplift: profile.pupil_premium_uplift,
        createdAt: now,
      },
    });
    if (statementId) {
      await tx.statementLineItem.create({
        data: { statementId, participantDeclarationId: declaration.id, state, createdAt: now },
      });
    }
    await change.audit({
      actor: apiActor(leadProvider),
      action: "declaration.submit",
      entityType: "declaration",
      entityId: declaration.id,
      userId: profile.user_id,
      after: {
        state,
        statementId,
        declarationType: type,
        declarationDate: date.toISOString(),
        courseIdentifier,
        evidenceHeld: values.evidenceHeld,
        leadProviderName: leadProvider.name,
      },
    });
    // After the commit: the log never reports a submission that rolled back.
    change.afterCommit(() =>
      moneyEvent("declaration.submit", apiActor(leadProvider), {
        declarationId: declaration.id,
        participantUserId: declaration.userId,
        leadProviderId: leadProvider.id,
        statementId: statementId ?? undefined,
        state: declaration.state,
      }),
    );
    const contract = await tx.callOffContract.findUnique({
      where: { leadProviderId_cohortId: { leadProviderId: leadProvider.id, cohortId: cohort.id } },
      select: { upliftAmount: true },
    });

    // The response, from what was just written (no second read).
    return {
      ok: true,
      declaration: {
        id: declaration.id,
        userId: declaration.userId,
        declarationType: declaration.declarationType,
        declarationDate: declaration.declarationDate,
        courseIdentifier: declaration.courseIdentifier,
        state: declaration.state,
        createdAt: declaration.createdAt,
        updatedAt: declaration.updatedAt,
        deliveryPartnerId: declaration.deliveryPartnerId,
        statementId,
        clawbackStatementId: null,
        ineligibleForFundingReason: declaration.ineligibleForFundingReason,
        mentorUserId: declaration.mentorUserId,
        upliftPaid: upliftPaid({
          ...declaration,
          cohortMentorFunding: cohort.mentorFunding,
          contractHasUplift: contract !== null && contract.upliftAmount !== null,
        }),
        evidenceHeld: declaration.evidenceHeld,
        hasPassed: declaration.hasPassed,
        leadProviderName: leadProvider.name,
      },
    };
  });
}
