// POST /api/v3/partnerships/ecf (confirm a partnership) and PUT …/{id} (change its delivery
// partner), each one transaction with an audit entry. Rules from the API guidance:
// - the school must be eligible for funded training in the cohort;
// - the delivery partner must work with this provider in the cohort (a provider relationship);
// - a second active partnership for the same school and cohort is refused: "duplicate" when it is
//   this provider's, and refused too while another provider's is active (the school must end it
//   first). A challenged partnership does not block a new one;
// - confirming a partnership for a school that chose school-led training (or had not chosen yet)
//   records its choice as provider-led (the guidance's "selected school-led by mistake");
// - only active partnerships can be changed; a challenged one is refused;
// - no partnerships in a frozen cohort (its funding contract has ended).
// The school cohort row (create) or the partnership row (update) is locked first, so two requests
// for the same school cannot both succeed.
import type { PrismaClient } from "@/generated/prisma/client";
import { FieldErrors, type ApiErrorItem } from "@/lib/api/errors";
import { PARTNERSHIP_MESSAGES as M } from "@/lib/api/messages";
import { apiActor } from "@/lib/db/audit";
import { writeAudit } from "@/lib/db/audit";
import type { PartnershipCreateValues } from "@/lib/api/validation/partnerships";

const TRANSACTION = { maxWait: 15_000, timeout: 20_000 } as const;
const PROVIDER_LED = "provider-led";

export type PartnershipOutcome =
  | { ok: true; partnershipId: string }
  | { ok: false; notFound: true }
  | { ok: false; notFound: false; errors: ApiErrorItem[] };

export async function createPartnership(
  prisma: PrismaClient,
  request: { leadProvider: { id: string; name: string }; values: PartnershipCreateValues; issues: readonly ApiErrorItem[]; now: Date },
): Promise<PartnershipOutcome> {
  const { leadProvider, values, now } = request;
  const errors = new FieldErrors();
  for (const issue of request.issues) errors.add(issue.title, issue.detail);
  const [cohort, school, deliveryPartner] = await Promise.all([
    values.cohort !== undefined ? prisma.cohort.findUnique({ where: { startYear: values.cohort } }) : null,
    values.schoolId ? prisma.school.findUnique({ where: { id: values.schoolId }, select: { id: true } }) : null,
    values.deliveryPartnerId ? prisma.deliveryPartner.findUnique({ where: { id: values.deliveryPartnerId }, select: { id: true } }) : null,
  ]);
  if (values.cohort !== undefined && !cohort) errors.add("cohort", M.cohortNotRecognised);
  if (cohort?.paymentsFrozenAt) errors.add("cohort", M.cohortFrozen(cohort.startYear));
  if (values.schoolId && !school) errors.add("school_id", M.schoolNotRecognised);
  if (values.deliveryPartnerId && !deliveryPartner) errors.add("delivery_partner_id", M.deliveryPartnerNotRecognised);
  if (cohort && deliveryPartner) {
    const works = await prisma.providerRelationship.findUnique({
      where: { leadProviderId_deliveryPartnerId_cohortId: { leadProviderId: leadProvider.id, deliveryPartnerId: deliveryPartner.id, cohortId: cohort.id } },
      select: { id: true },
    });
    if (!works) errors.add("delivery_partner_id", M.deliveryPartnerNotYours);
  }
  if (errors.size > 0 || !cohort || !school || !deliveryPartner) return { ok: false, notFound: false, errors: errors.list() };

  return prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM school_cohorts WHERE school_id = ${school.id}::uuid AND cohort_id = ${cohort.id}::uuid FOR UPDATE`;
    const schoolCohort = await tx.schoolCohort.findUnique({ where: { schoolId_cohortId: { schoolId: school.id, cohortId: cohort.id } } });
    if (!schoolCohort || !schoolCohort.fundingEligible) return { ok: false, notFound: false, errors: [{ title: "school_id", detail: M.schoolNotEligible }] } as const;
    const active = await tx.partnership.findMany({
      where: { schoolId: school.id, cohortId: cohort.id, status: "active" },
      select: { leadProviderId: true },
    });
    if (active.some((p) => p.leadProviderId === leadProvider.id)) return { ok: false, notFound: false, errors: [{ title: "school_id", detail: M.duplicate }] } as const;
    if (active.length > 0) return { ok: false, notFound: false, errors: [{ title: "school_id", detail: M.otherProvider }] } as const;

    // The school's induction tutor, as recorded on its latest partnership.
    const tutor = await tx.partnership.findFirst({
      where: { schoolId: school.id, inductionTutorName: { not: null } },
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      select: { inductionTutorName: true, inductionTutorEmail: true },
    });
    const partnership = await tx.partnership.create({
      data: {
        leadProviderId: leadProvider.id,
        deliveryPartnerId: deliveryPartner.id,
        schoolId: school.id,
        cohortId: cohort.id,
        status: "active",
        inductionTutorName: tutor?.inductionTutorName ?? null,
        inductionTutorEmail: tutor?.inductionTutorEmail ?? null,
        createdAt: now,
      },
      select: { id: true },
    });
    const previousChoice = schoolCohort.inductionProgrammeChoice;
    if (previousChoice !== PROVIDER_LED) {
      await tx.schoolCohort.update({ where: { id: schoolCohort.id }, data: { inductionProgrammeChoice: PROVIDER_LED } });
    }
    await writeAudit(tx, {
      actor: apiActor(leadProvider),
      action: "partnership.create",
      entityType: "partnership",
      entityId: partnership.id,
      after: {
        cohort: cohort.startYear,
        schoolId: school.id,
        deliveryPartnerId: deliveryPartner.id,
        leadProviderName: leadProvider.name,
        inductionProgrammeChoice: { from: previousChoice, to: PROVIDER_LED },
      },
    });
    return { ok: true, partnershipId: partnership.id } as const;
  }, TRANSACTION);
}

export async function updatePartnership(
  prisma: PrismaClient,
  request: { leadProvider: { id: string; name: string }; partnershipId: string; deliveryPartnerId?: string; issues: readonly ApiErrorItem[] },
): Promise<PartnershipOutcome> {
  const { leadProvider, partnershipId } = request;
  const existing = await prisma.partnership.findFirst({ where: { id: partnershipId, leadProviderId: leadProvider.id }, select: { id: true, cohortId: true } });
  if (!existing) return { ok: false, notFound: true };
  const errors = new FieldErrors();
  for (const issue of request.issues) errors.add(issue.title, issue.detail);
  const deliveryPartnerId = request.deliveryPartnerId;
  if (deliveryPartnerId) {
    const deliveryPartner = await prisma.deliveryPartner.findUnique({ where: { id: deliveryPartnerId }, select: { id: true } });
    if (!deliveryPartner) {
      errors.add("delivery_partner_id", M.deliveryPartnerNotRecognised);
    } else {
      const works = await prisma.providerRelationship.findUnique({
        where: { leadProviderId_deliveryPartnerId_cohortId: { leadProviderId: leadProvider.id, deliveryPartnerId, cohortId: existing.cohortId } },
        select: { id: true },
      });
      if (!works) errors.add("delivery_partner_id", M.deliveryPartnerNotYours);
    }
  }
  if (errors.size > 0 || !deliveryPartnerId) return { ok: false, notFound: false, errors: errors.list() };

  return prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM partnerships WHERE id = ${partnershipId}::uuid FOR UPDATE`;
    const partnership = await tx.partnership.findUniqueOrThrow({ where: { id: partnershipId } });
    if (partnership.status !== "active") return { ok: false, notFound: false, errors: [{ title: "partnership_id", detail: M.challenged }] } as const;
    if (partnership.deliveryPartnerId === deliveryPartnerId) return { ok: true, partnershipId } as const;
    await tx.partnership.update({ where: { id: partnershipId }, data: { deliveryPartnerId } });
    // Participants training through this partnership now train with the new delivery partner.
    const moved = await tx.inductionRecord.updateMany({
      where: { partnershipId, leadProviderId: leadProvider.id, endDate: null },
      data: { deliveryPartnerId },
    });
    await writeAudit(tx, {
      actor: apiActor(leadProvider),
      action: "partnership.update",
      entityType: "partnership",
      entityId: partnershipId,
      before: { deliveryPartnerId: partnership.deliveryPartnerId },
      after: { deliveryPartnerId, inductionRecordsUpdated: moved.count },
    });
    return { ok: true, partnershipId } as const;
  }, TRANSACTION);
}
