// Declarations as a lead provider sees them (GET /api/v3/participant-declarations and …/{id}):
// only the ones it submitted. statement_id is the statement the declaration was paid (or is to be
// paid) on; clawback_statement_id the one its clawback is on, when it was voided after payment.
import type { Prisma } from "@/generated/prisma/client";
import { isRefundable, type DeclarationState } from "@/lib/domain/declaration-states";
import { MENTOR_COURSE_IDENTIFIER } from "@/lib/domain/courses";
import { attractsUplift, upliftEffect } from "@/lib/engine/uplift";
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

/**
 * uplift_paid: the engine's uplift rule (lib/engine/uplift.ts) pays the uplift on this declaration,
 * or paid it and claws it back.
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
  const participantType = d.courseIdentifier === MENTOR_COURSE_IDENTIFIER ? "mentor" : "ect";
  const terms = { hasUpliftAmount: d.contractHasUplift, mentorFunding: d.cohortMentorFunding };
  return upliftEffect({ declarationType: d.declarationType, participantType, state: d.state, uplift: attractsUplift(d) }, terms) !== null;
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
