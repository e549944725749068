-- Two enumerations as DfE's published v3 contract has them (lead providers' clients are generated
-- from it): a school's induction programme choice is underscored, and a duplicate participant is
-- ineligible for the reason `duplicate_declaration`. Written by hand: Prisma does not model CHECK
-- constraints, and these columns stay text.

UPDATE "school_cohorts" SET "induction_programme_choice" = replace("induction_programme_choice", '-', '_');
ALTER TABLE "school_cohorts" ADD CONSTRAINT "school_cohorts_induction_programme_choice_check"
  CHECK ("induction_programme_choice" IN ('school_led', 'provider_led', 'no_early_career_teachers', 'not_yet_known'));

UPDATE "participant_profiles" SET "ineligible_for_funding_reason" = 'duplicate_declaration' WHERE "ineligible_for_funding_reason" = 'duplicate_profile';
UPDATE "participant_declarations" SET "ineligible_for_funding_reason" = 'duplicate_declaration' WHERE "ineligible_for_funding_reason" = 'duplicate_profile';
ALTER TABLE "participant_profiles" ADD CONSTRAINT "participant_profiles_ineligible_for_funding_reason_check"
  CHECK ("ineligible_for_funding_reason" IN ('duplicate_declaration', 'no_induction', 'previous_induction', 'previous_participation'));
ALTER TABLE "participant_declarations" ADD CONSTRAINT "participant_declarations_ineligible_for_funding_reason_check"
  CHECK ("ineligible_for_funding_reason" IN ('duplicate_declaration', 'no_induction', 'previous_induction', 'previous_participation'));
