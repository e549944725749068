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
// submitted ones (eligibility not yet known) get none. The open statements are held FOR SHARE
// until the commit, so none becomes payable under us.
//
// Round trips, because this is the API's busiest write (docs/performance.md): one query for the
// profiles (the participant id resolved inside it), then in the transaction the lock, one query
// for every fact the checks need, one statement for the declaration and its line item, and the
// audit entry. All raw SQL on the pool's own driver (lib/db/sql.ts), not through Prisma (Prisma's
// work per statement was a large part of each request), each statement prepared once per connection
// (docs/performance.md).
//
// Refusals are codes with their data (`SubmissionRefusal`); lib/api words them and merges them
// with the problems it found in the request's attributes.
import { randomUUID } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
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
import { ISO_UTC_FORMAT, utcTimestamp } from "@/lib/db/query";
import { queryTemplate, type SqlExecutor } from "@/lib/db/sql";
import { inSqlTransaction } from "@/lib/db/transaction";
import { moneyEvent } from "@/lib/log";
import { inductionRecordOrderSql, participantUserIdSql } from "@/lib/participants/identity";
import { isUuid } from "@/lib/validation/ids";
import { upliftPaid, type DeclarationRecord } from "@/lib/declarations/queries";

/** Every statement here has a fixed shape: each is prepared once per connection (lib/db/sql.ts). */
const PREPARED = { prepare: true } as const;

/** Also read by lib/participants/actions.ts (changing a cohort); the rule lives in rules/submission-checks.ts. */
export { DUPLICATE_STATES } from "@/lib/declarations/rules/submission-checks";

/**
 * The database's own guard against duplicates (migration 20261206002300_hardening): at most one
 * declaration in DUPLICATE_STATES per profile, course and declaration type. A submission it refuses
 * (a duplicate the row lock and the check did not see) is answered as the duplicate it is.
 */
export const ONE_LIVE_DECLARATION_CONSTRAINT = "participant_declarations_one_live_per_event";

export interface SubmitDeclarationRequest {
  /** The caller: the lead provider and the id of the token it came with (for the audit). */
  leadProvider: { id: string; name: string; tokenId: string };
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

/** Everything the checks and the statement choice read, in one round trip (see `submissionFacts`). */
interface FactsRow {
  record: {
    delivery_partner_id: string | null;
    updated_at: string;
    training_status: "active" | "deferred" | "withdrawn";
    training_status_date: string | null;
    cohort_id: string;
    start_year: number;
    mentor_funding: boolean;
    frozen: boolean;
  } | null;
  training_start_dates: string[] | null;
  milestone: { start_date: string; milestone_date: string | null } | null;
  same_event_states: DeclarationState[] | null;
  open_statements: { id: string; status: StatementForSelection["status"]; output_fee: boolean; deadline_date: string; payment_date: string }[] | null;
  contract_has_uplift: boolean | null;
}

function asDate(text: string): Date;
function asDate(text: string | null): Date | null;
function asDate(text: string | null): Date | null {
  return text === null ? null : new Date(text);
}

/**
 * The profiles of the participant `participantId` names (any id the API accepts, resolved by
 * lib/participants/identity.ts in the same query) that have an induction record with the provider.
 */
async function profilesWithProvider(sql: SqlExecutor, participantId: string, leadProviderId: string): Promise<{ id: string; type: string }[]> {
  if (!isUuid(participantId)) return [];
  return queryTemplate<{ id: string; type: string }>(sql, Prisma.sql`
    SELECT pp.id::text AS id, pp.type::text AS type
      FROM participant_profiles pp
      JOIN participant_identities pi ON pi.id = pp.participant_identity_id
     WHERE pi.user_id = (${participantUserIdSql(participantId)})
       AND EXISTS (SELECT 1 FROM induction_records ir WHERE ir.participant_profile_id = pp.id AND ir.lead_provider_id = ${leadProviderId}::uuid)
     ORDER BY pp.created_at DESC, pp.id ASC`, PREPARED);
}

/** The training record a declaration is for: the participant's profile for this course, linked to this provider. */
async function findProfile(
  sql: SqlExecutor,
  values: DeclarationSubmission,
  leadProviderId: string,
): Promise<{ profileId: string } | { refusal: SubmissionRefusal | null }> {
  if (!values.participantId) return { refusal: null };
  const profiles = await profilesWithProvider(sql, values.participantId, leadProviderId);
  if (profiles.length === 0) return { refusal: { field: "participant_id", code: "participant_not_recognised" } };
  if (!values.courseIdentifier) return { refusal: null };
  const type = participantTypeOfCourse(values.courseIdentifier);
  const profile = profiles.find((p) => p.type === type);
  return profile ? { profileId: profile.id } : { refusal: { field: "course_identifier", code: "course_not_recognised" } };
}

/**
 * What the checks and the statement choice need, after the profile is locked, in one statement:
 * the current induction record with this provider (THE order, identity.ts) and its cohort; every
 * training start date; the declaration type's milestone in that record's schedule; the states of
 * the same event's declarations (read after the lock, so a parallel submission's committed
 * declaration is seen); the provider's open output statements for the cohort, held FOR SHARE until
 * we commit (marking one payable waits for us; one that stopped being open meanwhile is left out);
 * and whether the cohort's contract has an uplift.
 */
function submissionFacts(profileId: string, leadProviderId: string, declarationType: string | null, courseIdentifier: string | null) {
  return Prisma.sql`
    WITH current_record AS (
      SELECT ir.delivery_partner_id, ir.updated_at, ir.training_status, ir.training_status_date, ir.schedule_id,
             s.cohort_id, c.start_year, c.mentor_funding, (c.payments_frozen_at IS NOT NULL) AS frozen
        FROM induction_records ir
        JOIN schedules s ON s.id = ir.schedule_id
        JOIN cohorts c ON c.id = s.cohort_id
       WHERE ir.participant_profile_id = ${profileId}::uuid AND ir.lead_provider_id = ${leadProviderId}::uuid
       ORDER BY ${inductionRecordOrderSql("ir")}
       LIMIT 1
    ),
    open_statements AS (
      SELECT st.id, st.status, st.output_fee, st.deadline_date, st.payment_date
        FROM statements st
       WHERE st.lead_provider_id = ${leadProviderId}::uuid
         AND st.cohort_id = (SELECT cohort_id FROM current_record)
         AND st.output_fee AND st.status = 'open'
         FOR SHARE OF st
    )
    SELECT
      (SELECT json_build_object(
                'delivery_partner_id', r.delivery_partner_id, 'updated_at', to_char(r.updated_at, ${ISO_UTC_FORMAT}),
                'training_status', r.training_status, 'training_status_date', to_char(r.training_status_date, ${ISO_UTC_FORMAT}),
                'cohort_id', r.cohort_id, 'start_year', r.start_year, 'mentor_funding', r.mentor_funding, 'frozen', r.frozen)
         FROM current_record r) AS record,
      (SELECT json_agg(to_char(ir.start_date, ${ISO_UTC_FORMAT})) FROM induction_records ir WHERE ir.participant_profile_id = ${profileId}::uuid) AS training_start_dates,
      (SELECT json_build_object('start_date', to_char(m.start_date, ${ISO_UTC_FORMAT}), 'milestone_date', to_char(m.milestone_date, ${ISO_UTC_FORMAT}))
         FROM milestones m
        WHERE m.schedule_id = (SELECT schedule_id FROM current_record) AND m.declaration_type = ${declarationType}
        LIMIT 1) AS milestone,
      (SELECT json_agg(d.state)
         FROM participant_declarations d
        WHERE d.participant_profile_id = ${profileId}::uuid AND d.course_identifier = ${courseIdentifier} AND d.declaration_type = ${declarationType}) AS same_event_states,
      (SELECT json_agg(json_build_object('id', o.id, 'status', o.status, 'output_fee', o.output_fee,
                                         'deadline_date', to_char(o.deadline_date, ${ISO_UTC_FORMAT}), 'payment_date', to_char(o.payment_date, ${ISO_UTC_FORMAT})))
         FROM open_statements o) AS open_statements,
      (SELECT cc.uplift_amount IS NOT NULL
         FROM call_off_contracts cc
        WHERE cc.lead_provider_id = ${leadProviderId}::uuid AND cc.cohort_id = (SELECT cohort_id FROM current_record)) AS contract_has_uplift`;
}

/** `db.sql`: the app's raw-SQL executor (lib/db/client.ts), on the same pool as its Prisma client. */
export async function submitDeclaration(db: { sql: SqlExecutor }, request: SubmitDeclarationRequest): Promise<SubmitOutcome> {
  const { values, leadProvider } = request;
  const found = await findProfile(db.sql, values, leadProvider.id);
  if (!("profileId" in found)) return { ok: false, refusals: found.refusal ? [found.refusal] : [] };
  const { profileId } = found;

  try {
    return await submitInTransaction(db.sql, request, profileId);
  } catch (error) {
    if (violatesConstraint(error, ONE_LIVE_DECLARATION_CONSTRAINT)) return { ok: false, refusals: [{ field: "participant_id", code: "duplicate" }] };
    throw error;
  }
}

async function submitInTransaction(sql: SqlExecutor, request: SubmitDeclarationRequest, profileId: string): Promise<SubmitOutcome> {
  const { values, leadProvider, now } = request;
  return inSqlTransaction(sql, async (tx, change): Promise<SubmitOutcome> => {
    // Lock the profile first, in a statement of its own (queueing parallel submissions for it): the
    // reads after it then see whatever a submission that held the lock committed.
    const [profile] = await queryTemplate<ProfileRow>(tx, Prisma.sql`
      SELECT pp.id::text AS id, pp.type::text AS type, pi.user_id::text AS user_id, pp.eligible_for_funding,
             pp.ineligible_for_funding_reason, pp.sparsity_uplift, pp.pupil_premium_uplift, mi.user_id::text AS mentor_user_id
        FROM participant_profiles pp
        JOIN participant_identities pi ON pi.id = pp.participant_identity_id
        LEFT JOIN participant_profiles mp ON mp.id = pp.mentor_profile_id
        LEFT JOIN participant_identities mi ON mi.id = mp.participant_identity_id
       WHERE pp.id = ${profileId}::uuid
         FOR UPDATE OF pp`, PREPARED);
    const { declarationType: type, declarationDate: date, courseIdentifier } = values;
    const [facts] = await queryTemplate<FactsRow>(tx, submissionFacts(profileId, leadProvider.id, type ?? null, courseIdentifier ?? null), PREPARED);
    const record = facts?.record ?? null;
    if (!profile || !record) return { ok: false, refusals: [{ field: "participant_id", code: "participant_not_recognised" }] };
    const cohort = { id: record.cohort_id, startYear: Number(record.start_year), mentorFunding: record.mentor_funding, frozen: record.frozen };

    const milestone = type && facts?.milestone ? { startDate: asDate(facts.milestone.start_date), milestoneDate: asDate(facts.milestone.milestone_date) } : null;
    const refusals = submissionRefusals({
      participantType: profile.type,
      declarationType: type,
      declarationDate: date,
      milestone,
      record: { trainingStatus: record.training_status, trainingStatusDate: asDate(record.training_status_date), updatedAt: asDate(record.updated_at) },
      trainingStartDates: (facts?.training_start_dates ?? []).map((d) => asDate(d)),
      cohort,
      sameEventStates: type && courseIdentifier ? (facts?.same_event_states ?? []) : [],
    });
    if (!request.attributesValid || refusals.length > 0 || !type || !date || !courseIdentifier) return { ok: false, refusals };

    // State and statement, from the lifecycle, among the open statements held above.
    const plan = planSubmission(
      { cohortStartYear: cohort.startYear, cohortPaymentsFrozen: cohort.frozen, eligibleForFunding: profile.eligible_for_funding, submittedAt: now },
      (facts?.open_statements ?? []).map((o) => ({
        id: o.id,
        status: o.status,
        outputFee: o.output_fee,
        deadlineDate: asDate(o.deadline_date),
        paymentDate: asDate(o.payment_date),
      })),
    );
    if (!plan.ok) return { ok: false, refusals: [{ field: "cohort", code: plan.code, cohortStartYear: plan.cohortStartYear }] };
    const { state, statementId } = plan;

    // The declaration and its line item in one statement (the line item's foreign key is checked at
    // the end of the statement, when both rows are there).
    const declaration = {
      id: randomUUID(),
      userId: profile.user_id,
      declarationType: type,
      declarationDate: date,
      courseIdentifier,
      state,
      createdAt: now,
      updatedAt: new Date(),
      deliveryPartnerId: record.delivery_partner_id,
      ineligibleForFundingReason: state === "ineligible" ? profile.ineligible_for_funding_reason : null,
      mentorUserId: profile.type === "ect" ? profile.mentor_user_id : null,
      evidenceHeld: values.evidenceHeld,
      hasPassed: null,
      sparsityUplift: profile.sparsity_uplift,
      pupilPremiumUplift: profile.pupil_premium_uplift,
    };
    await queryTemplate(tx, Prisma.sql`
      WITH declaration AS (
        INSERT INTO participant_declarations
               (id, participant_profile_id, user_id, lead_provider_id, cohort_id, delivery_partner_id, declaration_type,
                declaration_date, course_identifier, evidence_held, state, ineligible_for_funding_reason, mentor_user_id,
                sparsity_uplift, pupil_premium_uplift, created_at, updated_at)
        VALUES (${declaration.id}::uuid, ${profile.id}::uuid, ${declaration.userId}::uuid, ${leadProvider.id}::uuid, ${cohort.id}::uuid,
                ${declaration.deliveryPartnerId}::uuid, ${type}, ${utcTimestamp(date)}, ${courseIdentifier}, ${declaration.evidenceHeld},
                ${state}::"DeclarationState", ${declaration.ineligibleForFundingReason}, ${declaration.mentorUserId}::uuid,
                ${declaration.sparsityUplift}, ${declaration.pupilPremiumUplift}, ${utcTimestamp(now)}, ${utcTimestamp(declaration.updatedAt)})
        RETURNING id
      )
      INSERT INTO statement_line_items (id, statement_id, participant_declaration_id, state, created_at, updated_at)
      SELECT ${randomUUID()}::uuid, ${statementId}::uuid, declaration.id, ${state}::"DeclarationState", ${utcTimestamp(now)}, ${utcTimestamp(declaration.updatedAt)}
        FROM declaration
       WHERE ${statementId}::uuid IS NOT NULL`, PREPARED);
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
        state,
      }),
    );

    // The response, from what was just written (no second read).
    return {
      ok: true,
      declaration: {
        id: declaration.id,
        userId: declaration.userId,
        declarationType: type,
        declarationDate: date,
        courseIdentifier,
        state,
        createdAt: declaration.createdAt,
        updatedAt: declaration.updatedAt,
        deliveryPartnerId: declaration.deliveryPartnerId,
        statementId,
        clawbackStatementId: null,
        ineligibleForFundingReason: declaration.ineligibleForFundingReason,
        mentorUserId: declaration.mentorUserId,
        upliftPaid: upliftPaid({
          declarationType: type,
          courseIdentifier,
          state,
          sparsityUplift: declaration.sparsityUplift,
          pupilPremiumUplift: declaration.pupilPremiumUplift,
          cohortMentorFunding: cohort.mentorFunding,
          contractHasUplift: facts?.contract_has_uplift === true,
        }),
        evidenceHeld: declaration.evidenceHeld,
        hasPassed: declaration.hasPassed,
        leadProviderName: leadProvider.name,
      },
    };
  });
}
