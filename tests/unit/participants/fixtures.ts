// Small, exact database fixtures for the participant search, drill-down and void integration tests
// (tests/integration/participants*.test.ts, void*.test.ts). Not a test file itself: it lives here
// because tests/integration holds only test files and the shared db helper.
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/generated/prisma/client";
import type { DeclarationState } from "@/lib/domain/declaration-states";

/** "Today" for the void tests: the December 2026 statement (cut-off 30 November) is the next open one. */
export const NOW = new Date("2026-11-25T12:00:00.000Z");

export type StatementFixture = { id: string; name: string };

export type World = {
  provider: { id: string; name: string };
  otherProvider: { id: string; name: string };
  cohort2024: { id: string; scheduleId: string };
  /** Payments frozen: nothing can be voided. */
  cohort2023: { id: string; scheduleId: string };
  /** Every output statement already paid: a paid declaration has nowhere to be clawed back. */
  cohort2025: { id: string; scheduleId: string };
  schools: { a: { id: string; name: string; urn: string }; b: { id: string; name: string; urn: string } };
  deliveryPartner: { id: string; name: string };
  statements: {
    paid: StatementFixture; // September 2026, paid
    payable: StatementFixture; // October 2026, payable
    open: StatementFixture; // December 2026, open, cut-off 30 November 2026: the next open output statement
    later: StatementFixture; // January 2027, open
    frozenPaid: StatementFixture; // 2023 cohort, paid
    allPaid2025: StatementFixture; // 2025 cohort, paid, the only one
    otherProviderOpen: StatementFixture;
  };
};

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

async function statement(
  prisma: PrismaClient,
  data: { leadProviderId: string; cohortId: string; name: string; month: number; year: number; deadline: string; payment: string; status: "open" | "payable" | "paid"; outputFee?: boolean },
): Promise<StatementFixture> {
  const row = await prisma.statement.create({
    data: {
      leadProviderId: data.leadProviderId,
      cohortId: data.cohortId,
      name: data.name,
      month: data.month,
      year: data.year,
      deadlineDate: day(data.deadline),
      paymentDate: day(data.payment),
      status: data.status,
      outputFee: data.outputFee ?? true,
    },
  });
  return { id: row.id, name: row.name };
}

async function contract(prisma: PrismaClient, leadProviderId: string, cohortId: string) {
  await prisma.callOffContract.create({
    data: {
      leadProviderId,
      cohortId,
      recruitmentTarget: 4000,
      setUpFee: "0.00",
      monthlyServiceFee: "1000.00",
      upliftAmount: "100.00",
      bands: {
        create: [
          { min: 0, max: 2000, perParticipant: "1000.00" },
          { min: 2001, max: 4000, perParticipant: "900.00" },
        ],
      },
    },
  });
}

export async function createWorld(prisma: PrismaClient): Promise<World> {
  const provider = await prisma.leadProvider.create({ data: { name: "Ambition Institute", vatChargeable: true } });
  const otherProvider = await prisma.leadProvider.create({ data: { name: "Teach First", vatChargeable: false } });
  const cohort = async (startYear: number, frozen: boolean) => {
    const row = await prisma.cohort.create({ data: { startYear, paymentsFrozenAt: frozen ? day("2026-08-01") : null } });
    const schedule = await prisma.schedule.create({
      data: { cohortId: row.id, identifier: "ecf-standard-september", name: `ECF Standard September ${startYear}` },
    });
    return { id: row.id, scheduleId: schedule.id };
  };
  const cohort2024 = await cohort(2024, false);
  const cohort2023 = await cohort(2023, true);
  const cohort2025 = await cohort(2025, false);
  for (const c of [cohort2024, cohort2023, cohort2025]) {
    await contract(prisma, provider.id, c.id);
    await contract(prisma, otherProvider.id, c.id);
  }
  const schoolA = await prisma.school.create({ data: { urn: "100001", name: "Oakfield Primary School" } });
  const schoolB = await prisma.school.create({ data: { urn: "100002", name: "Riverside Academy" } });
  const deliveryPartner = await prisma.deliveryPartner.create({ data: { name: "North West Teaching Hub" } });

  const p = provider.id;
  const statements = {
    paid: await statement(prisma, { leadProviderId: p, cohortId: cohort2024.id, name: "September 2026", month: 9, year: 2026, deadline: "2026-08-31", payment: "2026-09-25", status: "paid" }),
    payable: await statement(prisma, { leadProviderId: p, cohortId: cohort2024.id, name: "October 2026", month: 10, year: 2026, deadline: "2026-09-30", payment: "2026-10-25", status: "payable" }),
    open: await statement(prisma, { leadProviderId: p, cohortId: cohort2024.id, name: "December 2026", month: 12, year: 2026, deadline: "2026-11-30", payment: "2026-12-25", status: "open" }),
    later: await statement(prisma, { leadProviderId: p, cohortId: cohort2024.id, name: "January 2027", month: 1, year: 2027, deadline: "2026-12-31", payment: "2027-01-25", status: "open" }),
    frozenPaid: await statement(prisma, { leadProviderId: p, cohortId: cohort2023.id, name: "July 2026", month: 7, year: 2026, deadline: "2026-06-30", payment: "2026-07-25", status: "paid" }),
    allPaid2025: await statement(prisma, { leadProviderId: p, cohortId: cohort2025.id, name: "August 2026", month: 8, year: 2026, deadline: "2026-07-31", payment: "2026-08-25", status: "paid" }),
    otherProviderOpen: await statement(prisma, { leadProviderId: otherProvider.id, cohortId: cohort2024.id, name: "December 2026", month: 12, year: 2026, deadline: "2026-11-30", payment: "2026-12-25", status: "open" }),
  };
  // A service-fee-only statement before the open one: never a clawback statement (it pays no output fees).
  await statement(prisma, { leadProviderId: p, cohortId: cohort2024.id, name: "November 2026", month: 11, year: 2026, deadline: "2026-11-27", payment: "2026-11-30", status: "open", outputFee: false });

  return {
    provider: { id: provider.id, name: provider.name },
    otherProvider: { id: otherProvider.id, name: otherProvider.name },
    cohort2024,
    cohort2023,
    cohort2025,
    schools: { a: schoolA, b: schoolB },
    deliveryPartner: { id: deliveryPartner.id, name: deliveryPartner.name },
    statements,
  };
}

export type ParticipantFixture = { userId: string; externalIdentifier: string; identityId: string; profileId: string };

export async function createParticipant(
  prisma: PrismaClient,
  world: World,
  options: {
    fullName: string;
    email?: string;
    trn?: string | null;
    type?: "ect" | "mentor";
    cohort?: keyof Pick<World, "cohort2024" | "cohort2023" | "cohort2025">;
    providerId?: string;
    schoolId?: string;
    trainingStatus?: "active" | "deferred" | "withdrawn";
    /** A different external identifier from the user id (a merged registration). */
    separateExternalId?: boolean;
    /** Another enrolment for an existing user. */
    userId?: string;
  },
): Promise<ParticipantFixture> {
  const userId =
    options.userId ??
    (
      await prisma.user.create({
        data: { fullName: options.fullName, email: options.email ?? `${randomUUID()}@example.com` },
      })
    ).id;
  const externalIdentifier = options.separateExternalId || options.userId ? randomUUID() : userId;
  const identity = await prisma.participantIdentity.create({
    data: { userId, externalIdentifier, email: options.email ?? `${externalIdentifier}@example.com` },
  });
  const cohort = world[options.cohort ?? "cohort2024"];
  const profile = await prisma.participantProfile.create({
    data: {
      participantIdentityId: identity.id,
      type: options.type ?? "ect",
      trn: options.trn === undefined ? null : options.trn,
      eligibleForFunding: true,
    },
  });
  await prisma.inductionRecord.create({
    data: {
      participantProfileId: profile.id,
      leadProviderId: options.providerId ?? world.provider.id,
      schoolId: options.schoolId ?? world.schools.a.id,
      deliveryPartnerId: world.deliveryPartner.id,
      scheduleId: cohort.scheduleId,
      trainingStatus: options.trainingStatus ?? "active",
      startDate: new Date("2024-09-02T00:00:00.000Z"),
    },
  });
  return { userId, externalIdentifier, identityId: identity.id, profileId: profile.id };
}

export type DeclarationFixture = { id: string };

/**
 * A declaration in `state` with the line items that state has: none for submitted; one on its
 * statement for eligible/ineligible/payable/voided/paid; paid + a refundable one on the clawback
 * statement for awaiting_clawback/clawed_back.
 */
export async function createDeclaration(
  prisma: PrismaClient,
  world: World,
  participant: ParticipantFixture,
  options: {
    state: DeclarationState;
    statementId?: string;
    clawbackStatementId?: string;
    declarationType?: string;
    cohort?: keyof Pick<World, "cohort2024" | "cohort2023" | "cohort2025">;
    providerId?: string;
    uplift?: boolean;
    mentor?: boolean;
  },
): Promise<DeclarationFixture> {
  const cohortId = world[options.cohort ?? "cohort2024"].id;
  const declaration = await prisma.participantDeclaration.create({
    data: {
      participantProfileId: participant.profileId,
      userId: participant.userId,
      leadProviderId: options.providerId ?? world.provider.id,
      cohortId,
      deliveryPartnerId: world.deliveryPartner.id,
      declarationType: options.declarationType ?? "started",
      declarationDate: new Date("2024-10-01T10:00:00.000Z"),
      courseIdentifier: options.mentor ? "ecf-mentor" : "ecf-induction",
      evidenceHeld: "training-event-attended",
      state: options.state,
      sparsityUplift: options.uplift ?? false,
    },
  });
  const lines: { statementId: string; state: DeclarationState }[] = [];
  const statementId = options.statementId;
  switch (options.state) {
    case "submitted":
      break;
    case "awaiting_clawback":
    case "clawed_back":
      if (!statementId || !options.clawbackStatementId) throw new Error("A refundable declaration needs both statements");
      lines.push({ statementId, state: "paid" }, { statementId: options.clawbackStatementId, state: options.state });
      break;
    default:
      if (!statementId) throw new Error(`A ${options.state} declaration needs a statement`);
      lines.push({ statementId, state: options.state });
  }
  for (const line of lines) {
    await prisma.statementLineItem.create({ data: { participantDeclarationId: declaration.id, ...line } });
  }
  return { id: declaration.id };
}

/** Everything a refused void must leave as it was. */
export async function snapshot(prisma: PrismaClient) {
  const [declarations, lineItems, audit] = await Promise.all([
    prisma.participantDeclaration.findMany({ orderBy: { id: "asc" }, select: { id: true, state: true, updatedAt: true, voidedAt: true, voidedBy: true } }),
    prisma.statementLineItem.findMany({ orderBy: { id: "asc" }, select: { id: true, statementId: true, state: true, updatedAt: true } }),
    prisma.auditLog.count(),
  ]);
  return { declarations, lineItems, audit };
}
