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
// A refused request gets typed refusals ({ field, code, ...data }) in the order the checks ran;
// lib/api/validation/partnerships.ts words them as the API's 422 errors.
import type { PrismaClient } from "@/generated/prisma/client";
import { apiActor } from "@/lib/db/audit";
import { inTransaction } from "@/lib/db/transaction";
import type { InductionProgrammeChoice } from "@/lib/domain/induction-programme-choices";

const PROVIDER_LED: InductionProgrammeChoice = "provider_led";

/**
 * What a lead provider asks to confirm. An attribute is undefined when the request left it out or
 * gave it in a form the caller refused; such a request is refused, after the present attributes
 * have been checked (so that a 422 lists every failing attribute).
 */
export interface PartnershipCreateInput {
  cohort?: number;
  schoolId?: string;
  deliveryPartnerId?: string;
}

/** Why a partnership request was refused: the attribute at fault and a code (with its data). */
export type PartnershipRefusal =
  | { field: "cohort"; code: "not_recognised" }
  /** The cohort's funding contract has ended (its payments are frozen). */
  | { field: "cohort"; code: "frozen"; cohort: number }
  | { field: "school_id"; code: "not_recognised" }
  /** No school cohort row, or not eligible for funded training in the cohort. */
  | { field: "school_id"; code: "not_eligible" }
  /** This provider already has an active partnership with the school in the cohort. */
  | { field: "school_id"; code: "duplicate" }
  /** Another provider has an active partnership with the school in the cohort. */
  | { field: "school_id"; code: "other_provider" }
  | { field: "delivery_partner_id"; code: "not_recognised" }
  /** The delivery partner has no provider relationship with this provider in the cohort. */
  | { field: "delivery_partner_id"; code: "not_working_with_provider" }
  /** Only an active partnership can be changed. */
  | { field: "partnership_id"; code: "challenged" };

export type PartnershipCreateOutcome = { ok: true; partnershipId: string } | { ok: false; refusals: PartnershipRefusal[] };

export type PartnershipUpdateOutcome =
  | { ok: true; partnershipId: string }
  | { ok: false; notFound: true }
  | { ok: false; notFound: false; refusals: PartnershipRefusal[] };

/** The caller: the lead provider and the id of the token it came with (for the audit). */
type LeadProvider = { id: string; name: string; tokenId: string };

export async function createPartnership(
  prisma: PrismaClient,
  request: { leadProvider: LeadProvider; input: PartnershipCreateInput; now: Date },
): Promise<PartnershipCreateOutcome> {
  const { leadProvider, input, now } = request;
  const refusals: PartnershipRefusal[] = [];
  const [cohort, school, deliveryPartner] = await Promise.all([
    input.cohort !== undefined ? prisma.cohort.findUnique({ where: { startYear: input.cohort } }) : null,
    input.schoolId ? prisma.school.findUnique({ where: { id: input.schoolId }, select: { id: true } }) : null,
    input.deliveryPartnerId ? prisma.deliveryPartner.findUnique({ where: { id: input.deliveryPartnerId }, select: { id: true } }) : null,
  ]);
  if (input.cohort !== undefined && !cohort) refusals.push({ field: "cohort", code: "not_recognised" });
  if (cohort?.paymentsFrozenAt) refusals.push({ field: "cohort", code: "frozen", cohort: cohort.startYear });
  if (input.schoolId && !school) refusals.push({ field: "school_id", code: "not_recognised" });
  if (input.deliveryPartnerId && !deliveryPartner) refusals.push({ field: "delivery_partner_id", code: "not_recognised" });
  if (cohort && deliveryPartner) {
    const works = await prisma.providerRelationship.findUnique({
      where: { leadProviderId_deliveryPartnerId_cohortId: { leadProviderId: leadProvider.id, deliveryPartnerId: deliveryPartner.id, cohortId: cohort.id } },
      select: { id: true },
    });
    if (!works) refusals.push({ field: "delivery_partner_id", code: "not_working_with_provider" });
  }
  if (refusals.length > 0 || !cohort || !school || !deliveryPartner) return { ok: false, refusals };

  return inTransaction(prisma, async (tx, change): Promise<PartnershipCreateOutcome> => {
    await tx.$queryRaw`SELECT id FROM school_cohorts WHERE school_id = ${school.id}::uuid AND cohort_id = ${cohort.id}::uuid FOR UPDATE`;
    const schoolCohort = await tx.schoolCohort.findUnique({ where: { schoolId_cohortId: { schoolId: school.id, cohortId: cohort.id } } });
    if (!schoolCohort || !schoolCohort.fundingEligible) return { ok: false, refusals: [{ field: "school_id", code: "not_eligible" }] };
    const active = await tx.partnership.findMany({
      where: { schoolId: school.id, cohortId: cohort.id, status: "active" },
      select: { leadProviderId: true },
    });
    if (active.some((p) => p.leadProviderId === leadProvider.id)) return { ok: false, refusals: [{ field: "school_id", code: "duplicate" }] };
    if (active.length > 0) return { ok: false, refusals: [{ field: "school_id", code: "other_provider" }] };

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
    await change.audit({
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
    return { ok: true, partnershipId: partnership.id };
  });
}

/** Changes the delivery partner. `deliveryPartnerId` is undefined when the caller refused it. */
export async function updatePartnership(
  prisma: PrismaClient,
  request: { leadProvider: LeadProvider; partnershipId: string; deliveryPartnerId?: string },
): Promise<PartnershipUpdateOutcome> {
  const { leadProvider, partnershipId } = request;
  const existing = await prisma.partnership.findFirst({ where: { id: partnershipId, leadProviderId: leadProvider.id }, select: { id: true, cohortId: true } });
  if (!existing) return { ok: false, notFound: true };
  const refusals: PartnershipRefusal[] = [];
  const deliveryPartnerId = request.deliveryPartnerId;
  if (deliveryPartnerId) {
    const deliveryPartner = await prisma.deliveryPartner.findUnique({ where: { id: deliveryPartnerId }, select: { id: true } });
    if (!deliveryPartner) {
      refusals.push({ field: "delivery_partner_id", code: "not_recognised" });
    } else {
      const works = await prisma.providerRelationship.findUnique({
        where: { leadProviderId_deliveryPartnerId_cohortId: { leadProviderId: leadProvider.id, deliveryPartnerId, cohortId: existing.cohortId } },
        select: { id: true },
      });
      if (!works) refusals.push({ field: "delivery_partner_id", code: "not_working_with_provider" });
    }
  }
  if (refusals.length > 0 || !deliveryPartnerId) return { ok: false, notFound: false, refusals };

  return inTransaction(prisma, async (tx, change): Promise<PartnershipUpdateOutcome> => {
    await tx.$queryRaw`SELECT id FROM partnerships WHERE id = ${partnershipId}::uuid FOR UPDATE`;
    const partnership = await tx.partnership.findUniqueOrThrow({ where: { id: partnershipId } });
    if (partnership.status !== "active") return { ok: false, notFound: false, refusals: [{ field: "partnership_id", code: "challenged" }] };
    if (partnership.deliveryPartnerId === deliveryPartnerId) return { ok: true, partnershipId };
    await tx.partnership.update({ where: { id: partnershipId }, data: { deliveryPartnerId } });
    // Participants training through this partnership now train with the new delivery partner.
    const moved = await tx.inductionRecord.updateMany({
      where: { partnershipId, leadProviderId: leadProvider.id, endDate: null },
      data: { deliveryPartnerId },
    });
    await change.audit({
      actor: apiActor(leadProvider),
      action: "partnership.update",
      entityType: "partnership",
      entityId: partnershipId,
      before: { deliveryPartnerId: partnership.deliveryPartnerId },
      after: { deliveryPartnerId, inductionRecordsUpdated: moved.count },
    });
    return { ok: true, partnershipId };
  });
}
