// JSON:API resources, shaped exactly as the API guidance's example bodies: attribute names,
// order, nesting and types (e.g. `cohort` is a number for schools and partnerships but a string
// for participants and statements; `in_partnership` is the string "true"/"false").
import type { DeclarationRecord } from "@/lib/declarations/queries";
import type { DeliveryPartnerRecord } from "@/lib/delivery-partners/queries";
import type { ParticipantRecord } from "@/lib/participants/queries";
import type { PartnershipRecord } from "@/lib/partnerships/queries";
import type { SchoolRecord } from "@/lib/schools/queries";
import type { StatementRecord } from "@/lib/statements/provider-queries";
import type { ParticipantTransfersRecord, TransferSide } from "@/lib/participants/transfers";
import type { UnfundedMentorRecord } from "@/lib/participants/unfunded-mentors";
import { calendarDate, timestamp } from "./dates";
import { monthName } from "@/lib/domain/months";

export function serializeSchool(s: SchoolRecord) {
  return {
    id: s.id,
    type: "school",
    attributes: {
      name: s.name,
      urn: s.urn,
      cohort: s.cohort,
      in_partnership: s.inPartnership ? "true" : "false",
      induction_programme_choice: s.inductionProgrammeChoice,
      created_at: timestamp(s.createdAt),
      updated_at: timestamp(s.updatedAt),
    },
  };
}

export function serializeDeliveryPartner(d: DeliveryPartnerRecord) {
  return {
    id: d.id,
    type: "delivery-partner",
    attributes: {
      name: d.name,
      cohort: d.cohorts.map(String),
      created_at: timestamp(d.createdAt),
      updated_at: timestamp(d.updatedAt),
    },
  };
}

export function serializePartnership(p: PartnershipRecord) {
  return {
    id: p.id,
    type: "partnership",
    attributes: {
      cohort: p.cohort,
      urn: p.urn,
      school_id: p.schoolId,
      delivery_partner_id: p.deliveryPartnerId,
      delivery_partner_name: p.deliveryPartnerName,
      status: p.status,
      challenged_reason: p.challengedReason,
      challenged_at: timestamp(p.challengedAt),
      induction_tutor_name: p.inductionTutorName,
      induction_tutor_email: p.inductionTutorEmail,
      updated_at: timestamp(p.updatedAt),
      created_at: timestamp(p.createdAt),
    },
  };
}

export function serializeParticipant(p: ParticipantRecord) {
  return {
    id: p.userId,
    type: "participant",
    attributes: {
      full_name: p.fullName,
      teacher_reference_number: p.trn,
      updated_at: timestamp(p.updatedAt),
      ecf_enrolments: p.enrolments.map((e) => ({
        training_record_id: e.profileId,
        email: e.email,
        mentor_id: e.mentorUserId,
        school_urn: e.schoolUrn,
        participant_type: e.participantType,
        cohort: String(e.cohort),
        training_status: e.trainingStatus,
        participant_status: e.participantStatus,
        teacher_reference_number_validated: e.trnValidated,
        eligible_for_funding: e.eligibleForFunding,
        pupil_premium_uplift: e.pupilPremiumUplift,
        sparsity_uplift: e.sparsityUplift,
        schedule_identifier: e.scheduleIdentifier,
        delivery_partner_id: e.deliveryPartnerId,
        withdrawal: e.trainingStatus === "withdrawn" ? { reason: e.trainingStatusReason, date: timestamp(e.trainingStatusDate) } : null,
        deferral: e.trainingStatus === "deferred" ? { reason: e.trainingStatusReason, date: timestamp(e.trainingStatusDate) } : null,
        created_at: timestamp(e.createdAt),
        induction_end_date: calendarDate(e.inductionEndDate),
        mentor_funding_end_date: calendarDate(e.mentorFundingEndDate),
        cohort_changed_after_payments_frozen: e.cohortChangedAfterPaymentsFrozen,
      })),
      participant_id_changes: p.idChanges.map((c) => ({
        from_participant_id: c.fromParticipantId,
        to_participant_id: c.toParticipantId,
        changed_at: timestamp(c.changedAt),
      })),
    },
  };
}

function transferSide(side: TransferSide) {
  return { school_urn: side.schoolUrn, provider: side.provider, date: calendarDate(side.date) };
}

export function serializeTransfers(t: ParticipantTransfersRecord) {
  return {
    id: t.userId,
    type: "participant-transfer",
    attributes: {
      updated_at: timestamp(t.updatedAt),
      transfers: t.transfers.map((x) => ({
        training_record_id: x.trainingRecordId,
        transfer_type: x.transferType,
        status: x.status,
        leaving: transferSide(x.leaving),
        joining: x.joining ? transferSide(x.joining) : null,
        created_at: timestamp(x.createdAt),
      })),
    },
  };
}

export function serializeUnfundedMentor(m: UnfundedMentorRecord) {
  return {
    id: m.userId,
    type: "unfunded-mentor",
    attributes: {
      full_name: m.fullName,
      email: m.email,
      teacher_reference_number: m.trn,
      created_at: timestamp(m.createdAt),
      updated_at: timestamp(m.updatedAt),
    },
  };
}

export function serializeDeclaration(d: DeclarationRecord) {
  return {
    id: d.id,
    type: "participant-declaration",
    attributes: {
      participant_id: d.userId,
      declaration_type: d.declarationType,
      declaration_date: timestamp(d.declarationDate),
      course_identifier: d.courseIdentifier,
      state: d.state,
      updated_at: timestamp(d.updatedAt),
      created_at: timestamp(d.createdAt),
      delivery_partner_id: d.deliveryPartnerId,
      statement_id: d.statementId,
      clawback_statement_id: d.clawbackStatementId,
      ineligible_for_funding_reason: d.ineligibleForFundingReason,
      mentor_id: d.mentorUserId,
      uplift_paid: d.upliftPaid,
      evidence_held: d.evidenceHeld,
      has_passed: d.hasPassed,
      lead_provider_name: d.leadProviderName,
    },
  };
}

export function serializeStatement(s: StatementRecord) {
  return {
    id: s.id,
    type: "statement",
    attributes: {
      month: monthName(s.month),
      year: String(s.year),
      type: "ecf",
      cohort: String(s.cohort),
      cut_off_date: calendarDate(s.cutOffDate),
      payment_date: calendarDate(s.paymentDate),
      paid: s.paid,
      created_at: timestamp(s.createdAt),
      updated_at: timestamp(s.updatedAt),
    },
  };
}
