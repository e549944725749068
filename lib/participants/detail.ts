// The participant drill-down: who they are, each enrolment (participant profile) with its current
// induction record, its declarations and the statements they are on, and the audit history of
// their declarations. Plain data for the page; labels and formatting are the page's job.
import type { Prisma } from "@/generated/prisma/client";
import { canApply, isVoidable } from "@/lib/declarations/rules/lifecycle";
import { declarationStateHistory, type HistoryEvent, type HistoryStatement, type StateChange } from "@/lib/declarations/rules/state-history";
import { findClawbackStatement } from "@/lib/declarations/void";
import { isDeclarationState, isRefundable, type DeclarationState } from "@/lib/domain/declaration-states";
import type { ParticipantType } from "@/lib/domain/participant-types";
import type { TrainingStatusValue } from "@/lib/domain/training-statuses";
import type { Queryable } from "@/lib/db/query";
import { orderInductionRecords, resolveParticipantId } from "./identity";

export type StatementRef = { id: string; name: string };

export type InductionRecordView = {
  id: string;
  leadProvider: { id: string; name: string };
  deliveryPartner: string | null;
  school: { name: string; urn: string } | null;
  cohort: { startYear: number; frozen: boolean };
  schedule: { id: string; identifier: string; name: string };
  trainingStatus: TrainingStatusValue;
  trainingStatusReason: string | null;
  trainingStatusDate: Date | null;
  participantStatus: string;
  startDate: Date;
  endDate: Date | null;
  schoolTransfer: boolean;
};

export type DeclarationView = {
  id: string;
  declarationType: string;
  declarationDate: Date;
  courseIdentifier: string;
  state: DeclarationState;
  evidenceHeld: string | null;
  ineligibleForFundingReason: string | null;
  leadProvider: string;
  cohort: { startYear: number; frozen: boolean };
  /** The statement the declaration was put on (its original line item). */
  statement: StatementRef | null;
  /** For a paid declaration that was voided: the statement the clawback is on. */
  clawbackStatement: StatementRef | null;
  voidedAt: Date | null;
  voidedBy: string | null;
  createdAt: Date;
  updatedAt: Date;
  /** Oldest first: from the declaration's and its statements' audit entries and the lifecycle (rules/state-history.ts). */
  history: StateChange[];
  /** Show the "Void" link: a voidable state in a cohort that is not frozen, and for a paid one a statement to claw it back on. */
  canVoid: boolean;
};

export type EnrolmentView = {
  profileId: string;
  externalIdentifier: string;
  type: ParticipantType;
  trn: string | null;
  trnValidated: boolean;
  eligibleForFunding: boolean | null;
  ineligibleForFundingReason: string | null;
  sparsityUplift: boolean;
  pupilPremiumUplift: boolean;
  /** Moved out of a frozen cohort (to the 2024 cohort) after its payments were frozen. */
  cohortChangedAfterPaymentsFrozen: boolean;
  mentor: { userId: string; fullName: string } | null;
  createdAt: Date;
  updatedAt: Date;
  /** The current induction record (identity.ts: the open one, else the one that started last). */
  current: InductionRecordView | null;
  /** Every induction record, newest first as orderInductionRecords puts them (more than one after a transfer). */
  inductionRecords: InductionRecordView[];
  declarations: DeclarationView[];
};

export type AuditView = {
  id: string;
  occurredAt: Date;
  actorType: string;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string;
  declarationType: string | null;
  reason: string | null;
  beforeState: DeclarationState | null;
  afterState: DeclarationState | null;
  clawbackStatementName: string | null;
};

export type ParticipantDetail = {
  user: { id: string; fullName: string; email: string; createdAt: Date; updatedAt: Date };
  identities: { externalIdentifier: string; email: string; origin: string }[];
  idChanges: { fromParticipantId: string; toParticipantId: string; changedAt: Date }[];
  enrolments: EnrolmentView[];
  audit: AuditView[];
};

const inductionRecordInclude = {
  leadProvider: { select: { id: true, name: true } },
  deliveryPartner: { select: { name: true } },
  school: { select: { name: true, urn: true } },
  schedule: { select: { id: true, identifier: true, name: true, cohort: { select: { startYear: true, paymentsFrozenAt: true } } } },
} satisfies Prisma.InductionRecordInclude;

type InductionRecordRow = Prisma.InductionRecordGetPayload<{ include: typeof inductionRecordInclude }>;

function inductionRecordView(record: InductionRecordRow): InductionRecordView {
  return {
    id: record.id,
    leadProvider: record.leadProvider,
    deliveryPartner: record.deliveryPartner?.name ?? null,
    school: record.school,
    cohort: { startYear: record.schedule.cohort.startYear, frozen: record.schedule.cohort.paymentsFrozenAt !== null },
    schedule: { id: record.schedule.id, identifier: record.schedule.identifier, name: record.schedule.name },
    trainingStatus: record.trainingStatus,
    trainingStatusReason: record.trainingStatusReason,
    trainingStatusDate: record.trainingStatusDate,
    participantStatus: record.participantStatus,
    startDate: record.startDate,
    endDate: record.endDate,
    schoolTransfer: record.schoolTransfer,
  };
}

function stateOrNull(value: unknown): DeclarationState | null {
  return isDeclarationState(value) ? value : null;
}

function jsonField(value: Prisma.JsonValue | null, key: string): unknown {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined;
}

/** Everything the drill-down shows for any participant id (identity.ts: user, external or retired id); null → 404. */
/**
 * `loadParticipant(db, id, now)`: the drill-down. A paid declaration's "Void" link shows only when
 * there is a statement to claw it back on now (findClawbackStatement, as the void itself uses).
 */
export async function loadParticipant(db: Queryable, id: string, now: Date = new Date()): Promise<ParticipantDetail | null> {
  const userId = await resolveParticipantId(db, id);
  if (!userId) return null;

  const [user, audit] = await Promise.all([
    db.user.findUnique({
      where: { id: userId },
      include: {
        participantIdChanges: { orderBy: { changedAt: "asc" } },
        identities: {
          orderBy: { createdAt: "asc" },
          include: {
            profiles: {
              orderBy: [{ createdAt: "asc" }, { id: "asc" }],
              include: {
                mentorProfile: { select: { participantIdentity: { select: { user: { select: { id: true, fullName: true } } } } } },
                inductionRecords: { include: inductionRecordInclude },
                declarations: {
                  orderBy: [{ declarationDate: "asc" }, { createdAt: "asc" }, { id: "asc" }],
                  include: {
                    leadProvider: { select: { id: true, name: true } },
                    cohort: { select: { startYear: true, paymentsFrozenAt: true } },
                    lineItems: {
                      orderBy: { createdAt: "asc" },
                      select: { state: true, createdAt: true, statement: { select: { id: true, name: true, markedAsPaidAt: true, markedAsPaidBy: true } } },
                    },
                  },
                },
              },
            },
          },
        },
      },
    }),
    db.auditLog.findMany({ where: { userId }, orderBy: [{ occurredAt: "desc" }, { id: "desc" }], take: 200 }),
  ]);
  if (!user) return null;

  // The audit entries the state histories are built from: each declaration's own, and the
  // transitions of the statements its line items are on (one entry per statement, not per declaration).
  const declarations = user.identities.flatMap((i) => i.profiles.flatMap((p) => p.declarations));
  const statementIds = [...new Set(declarations.flatMap((d) => d.lineItems.map((li) => li.statement.id)))];
  const [declarationAudit, statementAudit] = await Promise.all([
    declarations.length === 0
      ? []
      : db.auditLog.findMany({ where: { entityType: "declaration", entityId: { in: declarations.map((d) => d.id) } }, orderBy: [{ occurredAt: "asc" }, { id: "asc" }] }),
    statementIds.length === 0
      ? []
      : db.auditLog.findMany({
          where: { entityType: "statement", entityId: { in: statementIds }, action: { in: ["statement.mark_payable", "statement.authorise"] } },
          orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
        }),
  ]);
  const statementEvent = (id: string, action: string): HistoryEvent | null => {
    const entry = statementAudit.find((e) => e.entityId === id && e.action === action);
    return entry ? { at: entry.occurredAt, by: entry.actorLabel } : null;
  };
  const historyStatement = (statement: { id: string; name: string; markedAsPaidAt: Date | null; markedAsPaidBy: string | null }): HistoryStatement => ({
    id: statement.id,
    name: statement.name,
    markedPayable: statementEvent(statement.id, "statement.mark_payable"),
    paid:
      statementEvent(statement.id, "statement.authorise") ??
      (statement.markedAsPaidAt ? { at: statement.markedAsPaidAt, by: statement.markedAsPaidBy ?? "Not recorded" } : null),
  });

  // Whether a paid declaration could be clawed back now, per lead provider and cohort.
  const clawbackPossible = new Map<string, boolean>();
  for (const identity of user?.identities ?? []) {
    for (const profile of identity.profiles) {
      for (const d of profile.declarations) {
        const key = `${d.leadProviderId} ${d.cohortId}`;
        if (!canApply("void_paid", d.state) || clawbackPossible.has(key)) continue;
        const statement = await findClawbackStatement(db, { leadProviderId: d.leadProviderId, cohortId: d.cohortId, cohortStartYear: d.cohort.startYear }, now);
        clawbackPossible.set(key, statement !== null);
      }
    }
  }

  const declarationTypes = new Map<string, string>();
  const enrolments: EnrolmentView[] = user.identities.flatMap((identity) =>
    identity.profiles.map((profile): EnrolmentView => {
      const records = orderInductionRecords(profile.inductionRecords).map(inductionRecordView);
      const mentorUser = profile.mentorProfile?.participantIdentity.user ?? null;
      return {
        profileId: profile.id,
        externalIdentifier: identity.externalIdentifier,
        type: profile.type,
        trn: profile.trn,
        trnValidated: profile.trnValidated,
        eligibleForFunding: profile.eligibleForFunding,
        ineligibleForFundingReason: profile.ineligibleForFundingReason,
        sparsityUplift: profile.sparsityUplift,
        pupilPremiumUplift: profile.pupilPremiumUplift,
        cohortChangedAfterPaymentsFrozen: profile.cohortChangedAfterPaymentsFrozen,
        mentor: mentorUser ? { userId: mentorUser.id, fullName: mentorUser.fullName } : null,
        createdAt: profile.createdAt,
        updatedAt: profile.updatedAt,
        current: records[0] ?? null,
        inductionRecords: records,
        declarations: profile.declarations.map((d): DeclarationView => {
          declarationTypes.set(d.id, d.declarationType);
          const original = d.lineItems.find((li) => !isRefundable(li.state));
          const clawback = d.lineItems.find((li) => isRefundable(li.state));
          const frozen = d.cohort.paymentsFrozenAt !== null;
          return {
            id: d.id,
            declarationType: d.declarationType,
            declarationDate: d.declarationDate,
            courseIdentifier: d.courseIdentifier,
            state: d.state,
            evidenceHeld: d.evidenceHeld,
            ineligibleForFundingReason: d.ineligibleForFundingReason,
            leadProvider: d.leadProvider.name,
            cohort: { startYear: d.cohort.startYear, frozen },
            statement: original ? { id: original.statement.id, name: original.statement.name } : null,
            clawbackStatement: clawback ? { id: clawback.statement.id, name: clawback.statement.name } : null,
            voidedAt: d.voidedAt,
            voidedBy: d.voidedBy,
            createdAt: d.createdAt,
            updatedAt: d.updatedAt,
            history: declarationStateHistory({
              state: d.state,
              createdAt: d.createdAt,
              leadProviderName: d.leadProvider.name,
              ineligibleForFundingReason: d.ineligibleForFundingReason,
              voidedAt: d.voidedAt,
              voidedBy: d.voidedBy,
              lineItems: d.lineItems.map((li) => ({ state: li.state, createdAt: li.createdAt, refundable: isRefundable(li.state), statement: historyStatement(li.statement) })),
              audit: declarationAudit
                .filter((e) => e.entityId === d.id)
                .map((e) => ({
                  action: e.action,
                  occurredAt: e.occurredAt,
                  actorLabel: e.actorLabel,
                  reason: e.reason,
                  beforeState: stateOrNull(jsonField(e.before, "state")),
                  afterState: stateOrNull(jsonField(e.after, "state")),
                })),
            }),
            canVoid: isVoidable(d.state) && !frozen && (!canApply("void_paid", d.state) || clawbackPossible.get(`${d.leadProviderId} ${d.cohortId}`) === true),
          };
        }),
      };
    }),
  );

  return {
    user: { id: user.id, fullName: user.fullName, email: user.email, createdAt: user.createdAt, updatedAt: user.updatedAt },
    identities: user.identities.map((i) => ({ externalIdentifier: i.externalIdentifier, email: i.email, origin: i.origin })),
    idChanges: user.participantIdChanges.map((c) => ({
      fromParticipantId: c.fromParticipantId,
      toParticipantId: c.toParticipantId,
      changedAt: c.changedAt,
    })),
    enrolments,
    audit: audit.map((entry): AuditView => {
      const clawbackName = jsonField(entry.after, "clawbackStatementName");
      return {
        id: entry.id,
        occurredAt: entry.occurredAt,
        actorType: entry.actorType,
        actorLabel: entry.actorLabel,
        action: entry.action,
        entityType: entry.entityType,
        entityId: entry.entityId,
        declarationType: entry.entityType === "declaration" ? (declarationTypes.get(entry.entityId) ?? null) : null,
        reason: entry.reason,
        beforeState: stateOrNull(jsonField(entry.before, "state")),
        afterState: stateOrNull(jsonField(entry.after, "state")),
        clawbackStatementName: typeof clawbackName === "string" ? clawbackName : null,
      };
    }),
  };
}
