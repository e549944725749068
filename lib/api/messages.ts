// Validation messages of the lead provider API. The declaration messages marked "seed" are
// payment-engine.md's, word for word (including "RCF3339" and the missing full stops); the others
// are ours, written in the same style. docs/api.md lists them all. lib/api/declarations.ts maps the
// declaration rules' refusal codes to them.

export const DECLARATION_MESSAGES = {
  /** seed */
  participantNotRecognised:
    "Your update cannot be made as the '#/participant_id' is not recognised. Check participant details and try again.",
  /** seed, with %{withdrawal_date} */
  withdrawn: (withdrawalDate: string) =>
    `This participant withdrew from this course on ${withdrawalDate}. Enter a '#/declaration_date' that's on or before the withdrawal date.`,
  /** seed, with %{cohort} */
  cohortFrozen: (cohort: number) =>
    `You cannot submit or void declarations for the ${cohort} cohort. The funding contract for this cohort has ended. Get in touch if you need to discuss this with us`,
  /** seed */
  courseNotRecognised: "The entered '#/course_identifier' is not recognised for the given participant. Check details and try again.",
  /** seed */
  npq: "NPQ Courses are no longer supported",
  /** seed */
  declarationDateMissing: "Enter a '#/declaration_date'.",
  /** seed */
  declarationDateInvalid: "Enter a valid RCF3339 '#/declaration_date'.",
  /** seed */
  evidenceMissing: "Enter a '#/evidence_held' value for this participant.",
  /** seed */
  evidenceInvalid: "Enter an available '#/evidence_held' type for this participant's event and course.",
  /** seed */
  duplicate: "A declaration has already been submitted that will be, or has been, paid for this event",
  /** seed */
  declarationTypeNotInSchedule: "The property '#/declaration_type' does not exist for this schedule.",
  /** seed */
  beforeMilestoneStart: "Enter a '#/declaration_date' that's on or after the milestone start.",
  /** seed */
  afterMilestoneEnd: "Enter a '#/declaration_date' that's before the milestone end date.",
  /** seed */
  future: "The '#/declaration_date' value cannot be a future date. Check the date and try again.",
  /** seed */
  mentorStartedOrCompletedOnly:
    "You cannot send retained or extended declarations for participants who began their mentor training after June 2025. Resubmit this declaration with either a started or completed declaration.",
  declarationTypeMissing: "Enter a '#/declaration_type'.",
  courseIdentifierMissing: "Enter a '#/course_identifier'.",
  noOpenOutputStatement: (cohort: number) => `There is no open output statement for the ${cohort} cohort to attach this declaration to.`,
} as const;

export const PARTICIPANT_MESSAGES = {
  courseIdentifierMissing: "Enter a '#/course_identifier' value for this participant.",
  courseNotRecognised: DECLARATION_MESSAGES.courseNotRecognised,
  reasonMissing: "Enter a '#/reason' value for this participant.",
  reasonNotRecognised: "The entered '#/reason' is not recognised for the given participant. Check details and try again.",
  withdrawn: "The participant has withdrawn from this course, so its training details cannot be changed.",
  alreadyWithdrawn: "The participant is already withdrawn.",
  alreadyDeferred: "The participant is already deferred.",
  alreadyActive: "The participant is already active.",
  scheduleMissing: "Enter a '#/schedule_identifier' value for this participant.",
  scheduleNotRecognised: "The property '#/schedule_identifier' does not exist for this cohort. Check the schedule and try again.",
  replacementScheduleForMentorsOnly: "The '#/schedule_identifier' ecf-replacement schedules are for mentors only. Choose another schedule.",
  sameSchedule: "The participant is already on this '#/schedule_identifier' for this cohort.",
  cohortNotRecognised: "The '#/cohort' you have entered is invalid. Check cohort details and try again.",
  cohortChangeWithDeclarations:
    "You cannot change the '#/cohort' of a participant who has declarations that will be, or have been, paid. Void them first.",
  cohortFrozen: (cohort: number) =>
    `You cannot move participants into or out of the ${cohort} cohort. The funding contract for this cohort has ended.`,
  declarationsOutsideSchedule: (types: readonly string[]) =>
    `Changing to this schedule would leave eligible, payable or paid declarations (${types.join(", ")}) with a '#/declaration_date' outside its milestone dates. Void them, change the schedule, then resubmit them.`,
} as const;

export const PARTNERSHIP_MESSAGES = {
  cohortMissing: "Enter a '#/cohort' value for this partnership.",
  cohortNotRecognised: "The '#/cohort' you have entered is invalid. Check cohort details and try again.",
  cohortFrozen: (cohort: number) => `You cannot confirm partnerships for the ${cohort} cohort. The funding contract for this cohort has ended.`,
  schoolMissing: "Enter a '#/school_id' value for this partnership.",
  schoolNotRecognised:
    "The '#/school_id' you have entered is invalid. Check school details and try again. Contact the DfE for support if you are unable to find the '#/school_id'.",
  schoolNotEligible: "The school you have entered is not eligible for funded training in the '#/cohort' you entered. Contact the school for more information.",
  deliveryPartnerMissing: "Enter a '#/delivery_partner_id' value for this partnership.",
  deliveryPartnerNotRecognised: "The '#/delivery_partner_id' you have entered is invalid. Check delivery partner details and try again.",
  deliveryPartnerNotYours:
    "The entered delivery partner is not recognised to be working in partnership with you for the given cohort. Contact the DfE for more information.",
  duplicate: "You are already in a confirmed partnership with this school for the entered cohort.",
  otherProvider:
    "Another provider is in a confirmed partnership with the school for the cohort you entered. Contact the school for more information.",
  challenged:
    "You cannot change a challenged partnership. If the school has agreed to work with you again, confirm a new partnership with POST partnerships.",
} as const;

export const VOID_TITLE = "declaration_id";

/** Voiding (voiding-declarations.md, "Error handling"). */
export const VOID_MESSAGES = {
  /** seed, with %{cohort} */
  cohortFrozen: DECLARATION_MESSAGES.cohortFrozen,
  alreadyVoided: "This declaration has already been voided.",
  clawedBack: "This declaration has been clawed-back, so you can only view it.",
  stateChanged: "This declaration has changed since you opened this page. Check its details and try again.",
  noClawbackStatement: (cohort: number) =>
    `There is no open output statement for the ${cohort} cohort to claw this payment back on, so this declaration cannot be voided.`,
} as const;
