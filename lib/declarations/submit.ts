// Submitting a declaration (POST /api/v3/participant-declarations): the database side of
// payment-engine.md's validations, and the write, in one transaction.
//
// The participant profile row is locked (FOR UPDATE) before the duplicate check, so parallel
// identical submissions queue behind each other: the first creates the declaration, the others
// find it and get the duplicate message. Withdraw/defer/change-schedule lock the same row, so a
// declaration never slips past a withdrawal made at the same moment. The state on submission and
// the statement come from the lifecycle (lib/declarations): eligible and ineligible declarations
// get a line item on the provider's next open output statement for the cohort; submitted ones
// (eligibility not yet known) get none. Every submission writes an audit entry.
import type { PrismaClient } from "@/generated/prisma/client";
import { planSubmission, utcDay, type StatementForSelection } from "@/lib/declarations/rules/lifecycle";
import type { DeclarationState } from "@/lib/domain/declaration-states";
import { participantTypeOfCourse } from "@/lib/domain/courses";
import { timestamp } from "@/lib/api/dates";
import { FieldErrors, type ApiErrorItem } from "@/lib/api/errors";
import { DECLARATION_MESSAGES as M } from "@/lib/api/messages";
import { apiActor } from "@/lib/db/audit";
import { writeAudit } from "@/lib/db/audit";
import { moneyEvent } from "@/lib/log";
import { currentRecord } from "@/lib/participants/identity";
import { upliftPaid, type DeclarationRecord } from "@/lib/declarations/queries";
import type { DeclarationValues } from "@/lib/api/validation/declarations";

/** States of a declaration that "will be, or has been, paid": a second one for the same event is a duplicate. */
export const DUPLICATE_STATES = ["submitted", "eligible", "payable", "paid"] as const satisfies readonly DeclarationState[];

/** Mentors who began training after this day may only declare started and completed. */
export const MENTOR_RULE_CUT_OFF = new Date("2025-06-30T00:00:00.000Z");
const MENTOR_ALWAYS_ALLOWED = ["started", "completed"];

const TRANSACTION = { maxWait: 15_000, timeout: 20_000 } as const;

/** Errors are listed in the order of the request's attributes, then the cohort. */
const FIELD_ORDER = ["participant_id", "declaration_type", "declaration_date", "course_identifier", "evidence_held", "cohort"];

export interface SubmitDeclarationRequest {
  leadProvider: { id: string; name: string };
  values: DeclarationValues;
  /** Problems the request's attributes already have (lib/api/validation/declarations.ts). */
  issues: readonly ApiErrorItem[];
  /** The time of submission: "the future" is after it, and it picks the statement. */
  now: Date;
}

export type SubmitOutcome = { ok: true; declaration: DeclarationRecord } | { ok: false; errors: ApiErrorItem[] };

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

/** The participant's profiles for this course that have an induction record with the provider. */
async function profileFor(prisma: PrismaClient, participantId: string, leadProviderId: string): Promise<{ id: string; type: string }[]> {
  return prisma.$queryRaw<{ id: string; type: string }[]>`
    WITH person AS (
      SELECT user_id FROM (
        SELECT id AS user_id, 1 AS rank FROM users WHERE id = ${participantId}::uuid
        UNION ALL SELECT user_id, 2 FROM participant_identities WHERE external_identifier = ${participantId}::uuid
        UNION ALL SELECT user_id, 3 FROM participant_id_changes WHERE from_participant_id = ${participantId}::uuid
      ) x ORDER BY rank LIMIT 1
    )
    SELECT pp.id::text AS id, pp.type::text AS type
      FROM participant_profiles pp
      JOIN participant_identities pi ON pi.id = pp.participant_identity_id
     WHERE pi.user_id = (SELECT user_id FROM person)
       AND EXISTS (SELECT 1 FROM induction_records ir WHERE ir.participant_profile_id = pp.id AND ir.lead_provider_id = ${leadProviderId}::uuid)
     ORDER BY pp.created_at DESC, pp.id`;
}

export async function submitDeclaration(prisma: PrismaClient, request: SubmitDeclarationRequest): Promise<SubmitOutcome> {
  const { values, leadProvider, now } = request;
  const errors = new FieldErrors();
  for (const issue of request.issues) errors.add(issue.title, issue.detail);

  // Which training record: the participant's profile for this course, linked to this provider.
  let profileId: string | null = null;
  if (values.participantId) {
    const profiles = await profileFor(prisma, values.participantId, leadProvider.id);
    if (profiles.length === 0) {
      errors.add("participant_id", M.participantNotRecognised);
    } else if (values.courseIdentifier) {
      const type = participantTypeOfCourse(values.courseIdentifier);
      profileId = profiles.find((p) => p.type === type)?.id ?? null;
      if (!profileId) errors.add("course_identifier", M.courseNotRecognised);
    }
  }
  if (!profileId) return { ok: false, errors: errors.list(FIELD_ORDER) };
  const lockedProfileId = profileId;

  return prisma.$transaction(async (tx): Promise<SubmitOutcome> => {
    // Lock the profile (queueing parallel submissions for it) and read what the checks need.
    const [profile] = await tx.$queryRaw<ProfileRow[]>`
      SELECT pp.id::text AS id, pp.type::text AS type, pi.user_id::text AS user_id, pp.eligible_for_funding,
             pp.ineligible_for_funding_reason, pp.sparsity_uplift, pp.pupil_premium_uplift, mi.user_id::text AS mentor_user_id
        FROM participant_profiles pp
        JOIN participant_identities pi ON pi.id = pp.participant_identity_id
        LEFT JOIN participant_profiles mp ON mp.id = pp.mentor_profile_id
        LEFT JOIN participant_identities mi ON mi.id = mp.participant_identity_id
       WHERE pp.id = ${lockedProfileId}::uuid
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
         WHERE ir.participant_profile_id = ${lockedProfileId}::uuid`
    ).map((r) => ({
      ...r,
      startDate: asDate(r.start_date),
      endDate: asDate(r.end_date),
      createdAt: asDate(r.created_at),
      updatedAt: asDate(r.updated_at),
      trainingStatusDate: asDate(r.training_status_date),
    }));
    const record = currentRecord(records.filter((r) => r.lead_provider_id === leadProvider.id));
    if (!profile || !record) {
      errors.add("participant_id", M.participantNotRecognised);
      return { ok: false, errors: errors.list(FIELD_ORDER) };
    }
    const cohort = { id: record.cohort_id, startYear: Number(record.start_year), mentorFunding: record.mentor_funding, frozen: record.frozen };

    const type = values.declarationType;
    const [milestone] = type
      ? await tx.milestone.findMany({ where: { scheduleId: record.schedule_id, declarationType: type }, select: { startDate: true, milestoneDate: true } })
      : [];
    if (type) {
      if (!milestone) {
        errors.add("declaration_type", M.declarationTypeNotInSchedule);
      } else if (profile.type === "mentor" && !MENTOR_ALWAYS_ALLOWED.includes(type)) {
        const began = records.reduce<Date | null>((min, r) => (min === null || r.startDate < min ? r.startDate : min), null);
        if (cohort.mentorFunding || (began !== null && utcDay(began) > utcDay(MENTOR_RULE_CUT_OFF))) {
          errors.add("declaration_type", M.mentorStartedOrCompletedOnly);
        }
      }
    }

    const date = values.declarationDate;
    if (date) {
      const withdrawnAt = record.training_status === "withdrawn" ? (record.trainingStatusDate ?? record.updatedAt) : null;
      if (withdrawnAt && date.getTime() > withdrawnAt.getTime()) {
        errors.add("declaration_date", M.withdrawn(timestamp(withdrawnAt)));
      }
      if (milestone) {
        const day = utcDay(date);
        if (day < utcDay(milestone.startDate)) errors.add("declaration_date", M.beforeMilestoneStart);
        else if (milestone.milestoneDate !== null && day > utcDay(milestone.milestoneDate)) errors.add("declaration_date", M.afterMilestoneEnd);
      }
    }

    if (cohort.frozen) errors.add("cohort", M.cohortFrozen(cohort.startYear));

    if (type && values.courseIdentifier) {
      const duplicate = await tx.participantDeclaration.findFirst({
        where: {
          participantProfileId: profile.id,
          courseIdentifier: values.courseIdentifier,
          declarationType: type,
          state: { in: [...DUPLICATE_STATES] },
        },
        select: { id: true },
      });
      if (duplicate) errors.add("participant_id", M.duplicate);
    }

    if (errors.size > 0 || !type || !date || !values.courseIdentifier) return { ok: false, errors: errors.list(FIELD_ORDER) };

    // State and statement, from the lifecycle.
    const funding = { cohortStartYear: cohort.startYear, cohortPaymentsFrozen: cohort.frozen };
    const openStatements = (): Promise<StatementForSelection[]> =>
      tx.statement.findMany({
        where: { leadProviderId: leadProvider.id, cohortId: cohort.id, outputFee: true, status: "open" },
        select: { id: true, status: true, outputFee: true, deadlineDate: true, paymentDate: true },
      });
    let plan = planSubmission({ ...funding, eligibleForFunding: profile.eligible_for_funding, submittedAt: now }, await openStatements());
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
        plan = planSubmission({ ...funding, eligibleForFunding: profile.eligible_for_funding, submittedAt: now }, await openStatements());
      }
    }
    if (!plan.ok) return { ok: false, errors: [{ title: "cohort", detail: plan.message }] };

    const declaration = await tx.participantDeclaration.create({
      data: {
        participantProfileId: profile.id,
        userId: profile.user_id,
        leadProviderId: leadProvider.id,
        cohortId: cohort.id,
        deliveryPartnerId: record.delivery_partner_id,
        declarationType: type,
        declarationDate: date,
        courseIdentifier: values.courseIdentifier,
        evidenceHeld: values.evidenceHeld,
        state: plan.state,
        ineligibleForFundingReason: plan.state === "ineligible" ? profile.ineligible_for_funding_reason : null,
        mentorUserId: profile.type === "ect" ? profile.mentor_user_id : null,
        sparsityUplift: profile.sparsity_uplift,
        pupilPremiumUplift: profile.pupil_premium_uplift,
        createdAt: now,
      },
    });
    if (plan.statementId) {
      await tx.statementLineItem.create({
        data: { statementId: plan.statementId, participantDeclarationId: declaration.id, state: plan.state, createdAt: now },
      });
    }
    await writeAudit(tx, {
      actor: apiActor(leadProvider),
      action: "declaration.submit",
      entityType: "declaration",
      entityId: declaration.id,
      userId: profile.user_id,
      after: {
        state: plan.state,
        statementId: plan.statementId,
        declarationType: type,
        declarationDate: date.toISOString(),
        courseIdentifier: values.courseIdentifier,
        evidenceHeld: values.evidenceHeld,
        leadProviderName: leadProvider.name,
      },
    });
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
        statementId: plan.statementId,
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
  }, TRANSACTION).then((outcome) => {
    // After the commit: the log never reports a submission that rolled back.
    if (outcome.ok) {
      moneyEvent("declaration.submit", apiActor(leadProvider), {
        declarationId: outcome.declaration.id,
        participantUserId: outcome.declaration.userId,
        leadProviderId: leadProvider.id,
        statementId: outcome.declaration.statementId ?? undefined,
        state: outcome.declaration.state,
      });
    }
    return outcome;
  });
}
