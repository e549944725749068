// Declarations as a lead provider sees them (GET /api/v3/participant-declarations and …/{id}):
// only the ones it submitted. statement_id is the statement the declaration was paid (or is to be
// paid) on; clawback_statement_id the one its clawback is on, when it was voided after payment.
import type { Prisma } from "@/generated/prisma/client";
import { MENTOR_COURSE_IDENTIFIER } from "@/lib/domain/courses";
import { isBillable, isRefundable, type DeclarationState } from "@/lib/domain/declaration-states";
import { resolveParticipantIds } from "@/lib/participants/identity";
import type { Queryable, Paging } from "@/lib/db/query";

export interface DeclarationRecord {
  id: string;
  userId: string;
  declarationType: string;
  declarationDate: Date;
  courseIdentifier: string;
  state: DeclarationState;
  createdAt: Date;
  updatedAt: Date;
  deliveryPartnerId: string | null;
  statementId: string | null;
  clawbackStatementId: string | null;
  ineligibleForFundingReason: string | null;
  mentorUserId: string | null;
  upliftPaid: boolean;
  evidenceHeld: string | null;
  hasPassed: boolean | null;
  leadProviderName: string;
}

export interface DeclarationFilters {
  participantIds: string[] | null;
  cohorts: number[] | null;
  updatedSince: Date | null;
}

const declarationInclude = {
  lineItems: { select: { statementId: true, state: true, createdAt: true }, orderBy: { createdAt: "asc" } },
  cohort: { select: { id: true, startYear: true, mentorFunding: true } },
  leadProvider: { select: { name: true } },
} satisfies Prisma.ParticipantDeclarationInclude;

type DeclarationRow = Prisma.ParticipantDeclarationGetPayload<{ include: typeof declarationInclude }>;

/** States in which the started declaration's uplift counts (is, or was, paid). */
function upliftCounts(state: DeclarationState): boolean {
  return isBillable(state) || isRefundable(state);
}

/**
 * uplift_paid: a `started` declaration of a participant with a sparsity or pupil premium uplift,
 * in a state that pays (or paid) it, under a contract that has an uplift amount. Mentors in
 * cohorts with separate mentor funding get no uplift (payment-rules.md, "Mentors").
 */
export function upliftPaid(d: {
  declarationType: string;
  courseIdentifier: string;
  state: DeclarationState;
  sparsityUplift: boolean;
  pupilPremiumUplift: boolean;
  cohortMentorFunding: boolean;
  contractHasUplift: boolean;
}): boolean {
  if (d.declarationType !== "started" || !(d.sparsityUplift || d.pupilPremiumUplift)) return false;
  if (d.courseIdentifier === MENTOR_COURSE_IDENTIFIER && d.cohortMentorFunding) return false;
  return upliftCounts(d.state) && d.contractHasUplift;
}

async function upliftCohortsOf(db: Queryable, leadProviderId: string): Promise<Set<string>> {
  const contracts = await db.callOffContract.findMany({
    where: { leadProviderId, upliftAmount: { not: null } },
    select: { cohortId: true },
  });
  return new Set(contracts.map((c) => c.cohortId));
}

function toRecord(row: DeclarationRow, upliftCohorts: ReadonlySet<string>): DeclarationRecord {
  const original = row.lineItems.find((li) => !isRefundable(li.state));
  const clawback = row.lineItems.find((li) => isRefundable(li.state));
  return {
    id: row.id,
    userId: row.userId,
    declarationType: row.declarationType,
    declarationDate: row.declarationDate,
    courseIdentifier: row.courseIdentifier,
    state: row.state,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    deliveryPartnerId: row.deliveryPartnerId,
    statementId: original?.statementId ?? null,
    clawbackStatementId: clawback?.statementId ?? null,
    ineligibleForFundingReason: row.ineligibleForFundingReason,
    mentorUserId: row.mentorUserId,
    upliftPaid: upliftPaid({ ...row, cohortMentorFunding: row.cohort.mentorFunding, contractHasUplift: upliftCohorts.has(row.cohortId) }),
    evidenceHeld: row.evidenceHeld,
    hasPassed: row.hasPassed,
    leadProviderName: row.leadProvider.name,
  };
}

export async function listDeclarations(db: Queryable, leadProviderId: string, filters: DeclarationFilters, paging: Paging): Promise<DeclarationRecord[]> {
  const where: Prisma.ParticipantDeclarationWhereInput = { leadProviderId };
  if (filters.participantIds) {
    const userIds = [...new Set((await resolveParticipantIds(db, filters.participantIds)).values())];
    if (userIds.length === 0) return [];
    where.userId = { in: userIds };
  }
  if (filters.cohorts) where.cohort = { startYear: { in: filters.cohorts } };
  if (filters.updatedSince) where.updatedAt = { gte: filters.updatedSince };
  const [rows, upliftCohorts] = await Promise.all([
    db.participantDeclaration.findMany({
      where,
      include: declarationInclude,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      skip: paging.skip,
      take: paging.take,
    }),
    upliftCohortsOf(db, leadProviderId),
  ]);
  return rows.map((row) => toRecord(row, upliftCohorts));
}

/** One of the provider's declarations, or null (unknown, or another provider's). */
export async function findDeclaration(db: Queryable, leadProviderId: string, id: string): Promise<DeclarationRecord | null> {
  const [row, upliftCohorts] = await Promise.all([
    db.participantDeclaration.findFirst({ where: { id, leadProviderId }, include: declarationInclude }),
    upliftCohortsOf(db, leadProviderId),
  ]);
  return row ? toRecord(row, upliftCohorts) : null;
}
