-- pg_trgm backs the participant search indexes (gin_trgm_ops). Written by hand: declaring the
-- extension in schema.prisma makes every later diff propose it again.
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "StaffRole" AS ENUM ('finance');

-- CreateEnum
CREATE TYPE "PartnershipStatus" AS ENUM ('active', 'challenged');

-- CreateEnum
CREATE TYPE "ParticipantType" AS ENUM ('ect', 'mentor');

-- CreateEnum
CREATE TYPE "TrainingStatus" AS ENUM ('active', 'deferred', 'withdrawn');

-- CreateEnum
CREATE TYPE "DeclarationState" AS ENUM ('submitted', 'eligible', 'ineligible', 'payable', 'voided', 'paid', 'awaiting_clawback', 'clawed_back');

-- CreateEnum
CREATE TYPE "StatementStatus" AS ENUM ('open', 'payable', 'paid');

-- CreateTable
CREATE TABLE "staff_users" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "roles" "StaffRole"[],
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "staff_users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "lead_providers" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "vat_chargeable" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "lead_providers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_tokens" (
    "id" UUID NOT NULL,
    "lead_provider_id" UUID NOT NULL,
    "hashed_token" TEXT NOT NULL,
    "description" TEXT,
    "last_used_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "api_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "cohorts" (
    "id" UUID NOT NULL,
    "start_year" INTEGER NOT NULL,
    "mentor_funding" BOOLEAN NOT NULL DEFAULT false,
    "payments_frozen_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "cohorts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "schedules" (
    "id" UUID NOT NULL,
    "cohort_id" UUID NOT NULL,
    "identifier" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "schedules_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "milestones" (
    "id" UUID NOT NULL,
    "schedule_id" UUID NOT NULL,
    "declaration_type" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "start_date" DATE NOT NULL,
    "milestone_date" DATE NOT NULL,

    CONSTRAINT "milestones_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "call_off_contracts" (
    "id" UUID NOT NULL,
    "lead_provider_id" UUID NOT NULL,
    "cohort_id" UUID NOT NULL,
    "recruitment_target" INTEGER NOT NULL,
    "set_up_fee" DECIMAL(12,2) NOT NULL,
    "monthly_service_fee" DECIMAL(12,2),
    "uplift_amount" DECIMAL(12,2),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "call_off_contracts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "participant_bands" (
    "id" UUID NOT NULL,
    "call_off_contract_id" UUID NOT NULL,
    "min" INTEGER,
    "max" INTEGER,
    "per_participant" DECIMAL(12,2) NOT NULL,
    "output_payment_percentage" INTEGER NOT NULL DEFAULT 60,
    "service_fee_percentage" INTEGER NOT NULL DEFAULT 40,

    CONSTRAINT "participant_bands_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "mentor_call_off_contracts" (
    "id" UUID NOT NULL,
    "lead_provider_id" UUID NOT NULL,
    "cohort_id" UUID NOT NULL,
    "recruitment_target" INTEGER,
    "payment_per_participant" DECIMAL(12,2) NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "mentor_call_off_contracts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "schools" (
    "id" UUID NOT NULL,
    "urn" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "schools_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "school_cohorts" (
    "id" UUID NOT NULL,
    "school_id" UUID NOT NULL,
    "cohort_id" UUID NOT NULL,
    "induction_programme_choice" TEXT NOT NULL DEFAULT 'not_yet_known',
    "funding_eligible" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "school_cohorts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "delivery_partners" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "delivery_partners_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "provider_relationships" (
    "id" UUID NOT NULL,
    "lead_provider_id" UUID NOT NULL,
    "delivery_partner_id" UUID NOT NULL,
    "cohort_id" UUID NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "provider_relationships_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "partnerships" (
    "id" UUID NOT NULL,
    "lead_provider_id" UUID NOT NULL,
    "delivery_partner_id" UUID NOT NULL,
    "school_id" UUID NOT NULL,
    "cohort_id" UUID NOT NULL,
    "status" "PartnershipStatus" NOT NULL DEFAULT 'active',
    "challenged_reason" TEXT,
    "challenged_at" TIMESTAMP(3),
    "induction_tutor_name" TEXT,
    "induction_tutor_email" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "partnerships_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "users" (
    "id" UUID NOT NULL,
    "full_name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "participant_identities" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "external_identifier" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "origin" TEXT NOT NULL DEFAULT 'ecf',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "participant_identities_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "participant_id_changes" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "from_participant_id" UUID NOT NULL,
    "to_participant_id" UUID NOT NULL,
    "changed_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "participant_id_changes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "participant_profiles" (
    "id" UUID NOT NULL,
    "participant_identity_id" UUID NOT NULL,
    "type" "ParticipantType" NOT NULL,
    "trn" TEXT,
    "trn_validated" BOOLEAN NOT NULL DEFAULT false,
    "eligible_for_funding" BOOLEAN,
    "ineligible_for_funding_reason" TEXT,
    "sparsity_uplift" BOOLEAN NOT NULL DEFAULT false,
    "pupil_premium_uplift" BOOLEAN NOT NULL DEFAULT false,
    "mentor_profile_id" UUID,
    "induction_start_date" DATE,
    "induction_end_date" DATE,
    "mentor_funding_end_date" DATE,
    "cohort_changed_after_payments_frozen" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "participant_profiles_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "induction_records" (
    "id" UUID NOT NULL,
    "participant_profile_id" UUID NOT NULL,
    "lead_provider_id" UUID NOT NULL,
    "school_id" UUID,
    "delivery_partner_id" UUID,
    "partnership_id" UUID,
    "schedule_id" UUID NOT NULL,
    "training_status" "TrainingStatus" NOT NULL DEFAULT 'active',
    "training_status_reason" TEXT,
    "training_status_date" TIMESTAMP(3),
    "participant_status" TEXT NOT NULL DEFAULT 'active',
    "start_date" TIMESTAMP(3) NOT NULL,
    "end_date" TIMESTAMP(3),
    "school_transfer" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "induction_records_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "participant_declarations" (
    "id" UUID NOT NULL,
    "participant_profile_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "lead_provider_id" UUID NOT NULL,
    "cohort_id" UUID NOT NULL,
    "delivery_partner_id" UUID,
    "declaration_type" TEXT NOT NULL,
    "declaration_date" TIMESTAMP(3) NOT NULL,
    "course_identifier" TEXT NOT NULL,
    "evidence_held" TEXT,
    "state" "DeclarationState" NOT NULL,
    "ineligible_for_funding_reason" TEXT,
    "mentor_user_id" UUID,
    "sparsity_uplift" BOOLEAN NOT NULL DEFAULT false,
    "pupil_premium_uplift" BOOLEAN NOT NULL DEFAULT false,
    "has_passed" BOOLEAN,
    "voided_at" TIMESTAMP(3),
    "voided_by" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "participant_declarations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "statements" (
    "id" UUID NOT NULL,
    "lead_provider_id" UUID NOT NULL,
    "cohort_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "month" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "deadline_date" DATE NOT NULL,
    "payment_date" DATE NOT NULL,
    "output_fee" BOOLEAN NOT NULL DEFAULT true,
    "status" "StatementStatus" NOT NULL DEFAULT 'open',
    "marked_as_paid_at" TIMESTAMP(3),
    "marked_as_paid_by" TEXT,
    "reconcile_amount" DECIMAL(12,2) NOT NULL DEFAULT 0,
    "snapshot" JSONB,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "statements_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "statement_line_items" (
    "id" UUID NOT NULL,
    "statement_id" UUID NOT NULL,
    "participant_declaration_id" UUID NOT NULL,
    "state" "DeclarationState" NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "statement_line_items_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "additional_adjustments" (
    "id" UUID NOT NULL,
    "statement_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "amount" DECIMAL(12,2) NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "additional_adjustments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_logs" (
    "id" UUID NOT NULL,
    "occurred_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_type" TEXT NOT NULL,
    "actor_id" TEXT NOT NULL,
    "actor_label" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" UUID NOT NULL,
    "user_id" UUID,
    "reason" TEXT,
    "before" JSONB,
    "after" JSONB,

    CONSTRAINT "audit_logs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "staff_users_email_key" ON "staff_users"("email");

-- CreateIndex
CREATE UNIQUE INDEX "lead_providers_name_key" ON "lead_providers"("name");

-- CreateIndex
CREATE UNIQUE INDEX "api_tokens_hashed_token_key" ON "api_tokens"("hashed_token");

-- CreateIndex
CREATE INDEX "api_tokens_lead_provider_id_idx" ON "api_tokens"("lead_provider_id");

-- CreateIndex
CREATE UNIQUE INDEX "cohorts_start_year_key" ON "cohorts"("start_year");

-- CreateIndex
CREATE UNIQUE INDEX "schedules_cohort_id_identifier_key" ON "schedules"("cohort_id", "identifier");

-- CreateIndex
CREATE UNIQUE INDEX "milestones_schedule_id_declaration_type_key" ON "milestones"("schedule_id", "declaration_type");

-- CreateIndex
CREATE UNIQUE INDEX "call_off_contracts_lead_provider_id_cohort_id_key" ON "call_off_contracts"("lead_provider_id", "cohort_id");

-- CreateIndex
CREATE INDEX "participant_bands_call_off_contract_id_idx" ON "participant_bands"("call_off_contract_id");

-- CreateIndex
CREATE UNIQUE INDEX "mentor_call_off_contracts_lead_provider_id_cohort_id_key" ON "mentor_call_off_contracts"("lead_provider_id", "cohort_id");

-- CreateIndex
CREATE UNIQUE INDEX "schools_urn_key" ON "schools"("urn");

-- CreateIndex
CREATE INDEX "school_cohorts_cohort_id_idx" ON "school_cohorts"("cohort_id");

-- CreateIndex
CREATE UNIQUE INDEX "school_cohorts_school_id_cohort_id_key" ON "school_cohorts"("school_id", "cohort_id");

-- CreateIndex
CREATE UNIQUE INDEX "provider_relationships_lead_provider_id_delivery_partner_id_key" ON "provider_relationships"("lead_provider_id", "delivery_partner_id", "cohort_id");

-- CreateIndex
CREATE INDEX "partnerships_lead_provider_id_cohort_id_idx" ON "partnerships"("lead_provider_id", "cohort_id");

-- CreateIndex
CREATE INDEX "partnerships_school_id_cohort_id_idx" ON "partnerships"("school_id", "cohort_id");

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE INDEX "users_full_name_trgm_idx" ON "users" USING GIN ("full_name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "users_email_trgm_idx" ON "users" USING GIN ("email" gin_trgm_ops);

-- CreateIndex
CREATE UNIQUE INDEX "participant_identities_external_identifier_key" ON "participant_identities"("external_identifier");

-- CreateIndex
CREATE INDEX "participant_identities_user_id_idx" ON "participant_identities"("user_id");

-- CreateIndex
CREATE INDEX "participant_id_changes_user_id_idx" ON "participant_id_changes"("user_id");

-- CreateIndex
CREATE INDEX "participant_id_changes_from_participant_id_idx" ON "participant_id_changes"("from_participant_id");

-- CreateIndex
CREATE INDEX "participant_profiles_participant_identity_id_idx" ON "participant_profiles"("participant_identity_id");

-- CreateIndex
CREATE INDEX "participant_profiles_mentor_profile_id_idx" ON "participant_profiles"("mentor_profile_id");

-- CreateIndex
CREATE INDEX "participant_profiles_trn_idx" ON "participant_profiles"("trn");

-- CreateIndex
CREATE INDEX "participant_profiles_trn_trgm_idx" ON "participant_profiles" USING GIN ("trn" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "induction_records_participant_profile_id_start_date_idx" ON "induction_records"("participant_profile_id", "start_date");

-- CreateIndex
CREATE INDEX "induction_records_lead_provider_id_updated_at_idx" ON "induction_records"("lead_provider_id", "updated_at");

-- CreateIndex
CREATE INDEX "induction_records_school_id_idx" ON "induction_records"("school_id");

-- CreateIndex
CREATE INDEX "participant_declarations_participant_profile_id_declaration_idx" ON "participant_declarations"("participant_profile_id", "declaration_type");

-- CreateIndex
CREATE INDEX "participant_declarations_user_id_idx" ON "participant_declarations"("user_id");

-- CreateIndex
CREATE INDEX "participant_declarations_lead_provider_id_updated_at_idx" ON "participant_declarations"("lead_provider_id", "updated_at");

-- CreateIndex
CREATE INDEX "participant_declarations_lead_provider_id_cohort_id_idx" ON "participant_declarations"("lead_provider_id", "cohort_id");

-- CreateIndex
CREATE INDEX "statements_lead_provider_id_cohort_id_payment_date_idx" ON "statements"("lead_provider_id", "cohort_id", "payment_date");

-- CreateIndex
CREATE INDEX "statements_cohort_id_status_deadline_date_idx" ON "statements"("cohort_id", "status", "deadline_date");

-- CreateIndex
CREATE INDEX "statements_updated_at_idx" ON "statements"("updated_at");

-- CreateIndex
CREATE UNIQUE INDEX "statements_lead_provider_id_cohort_id_year_month_key" ON "statements"("lead_provider_id", "cohort_id", "year", "month");

-- CreateIndex
CREATE INDEX "statement_line_items_participant_declaration_id_idx" ON "statement_line_items"("participant_declaration_id");

-- CreateIndex
CREATE INDEX "statement_line_items_statement_id_state_idx" ON "statement_line_items"("statement_id", "state");

-- CreateIndex
CREATE UNIQUE INDEX "statement_line_items_statement_id_participant_declaration_i_key" ON "statement_line_items"("statement_id", "participant_declaration_id");

-- CreateIndex
CREATE INDEX "additional_adjustments_statement_id_idx" ON "additional_adjustments"("statement_id");

-- CreateIndex
CREATE INDEX "audit_logs_entity_type_entity_id_idx" ON "audit_logs"("entity_type", "entity_id");

-- CreateIndex
CREATE INDEX "audit_logs_user_id_occurred_at_idx" ON "audit_logs"("user_id", "occurred_at");

-- CreateIndex
CREATE INDEX "audit_logs_occurred_at_idx" ON "audit_logs"("occurred_at");

-- AddForeignKey
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_lead_provider_id_fkey" FOREIGN KEY ("lead_provider_id") REFERENCES "lead_providers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "schedules" ADD CONSTRAINT "schedules_cohort_id_fkey" FOREIGN KEY ("cohort_id") REFERENCES "cohorts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "milestones" ADD CONSTRAINT "milestones_schedule_id_fkey" FOREIGN KEY ("schedule_id") REFERENCES "schedules"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "call_off_contracts" ADD CONSTRAINT "call_off_contracts_lead_provider_id_fkey" FOREIGN KEY ("lead_provider_id") REFERENCES "lead_providers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "call_off_contracts" ADD CONSTRAINT "call_off_contracts_cohort_id_fkey" FOREIGN KEY ("cohort_id") REFERENCES "cohorts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "participant_bands" ADD CONSTRAINT "participant_bands_call_off_contract_id_fkey" FOREIGN KEY ("call_off_contract_id") REFERENCES "call_off_contracts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mentor_call_off_contracts" ADD CONSTRAINT "mentor_call_off_contracts_lead_provider_id_fkey" FOREIGN KEY ("lead_provider_id") REFERENCES "lead_providers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mentor_call_off_contracts" ADD CONSTRAINT "mentor_call_off_contracts_cohort_id_fkey" FOREIGN KEY ("cohort_id") REFERENCES "cohorts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "school_cohorts" ADD CONSTRAINT "school_cohorts_school_id_fkey" FOREIGN KEY ("school_id") REFERENCES "schools"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "school_cohorts" ADD CONSTRAINT "school_cohorts_cohort_id_fkey" FOREIGN KEY ("cohort_id") REFERENCES "cohorts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "provider_relationships" ADD CONSTRAINT "provider_relationships_lead_provider_id_fkey" FOREIGN KEY ("lead_provider_id") REFERENCES "lead_providers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "provider_relationships" ADD CONSTRAINT "provider_relationships_delivery_partner_id_fkey" FOREIGN KEY ("delivery_partner_id") REFERENCES "delivery_partners"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "provider_relationships" ADD CONSTRAINT "provider_relationships_cohort_id_fkey" FOREIGN KEY ("cohort_id") REFERENCES "cohorts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "partnerships" ADD CONSTRAINT "partnerships_lead_provider_id_fkey" FOREIGN KEY ("lead_provider_id") REFERENCES "lead_providers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "partnerships" ADD CONSTRAINT "partnerships_delivery_partner_id_fkey" FOREIGN KEY ("delivery_partner_id") REFERENCES "delivery_partners"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "partnerships" ADD CONSTRAINT "partnerships_school_id_fkey" FOREIGN KEY ("school_id") REFERENCES "schools"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "partnerships" ADD CONSTRAINT "partnerships_cohort_id_fkey" FOREIGN KEY ("cohort_id") REFERENCES "cohorts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "participant_identities" ADD CONSTRAINT "participant_identities_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "participant_id_changes" ADD CONSTRAINT "participant_id_changes_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "participant_profiles" ADD CONSTRAINT "participant_profiles_participant_identity_id_fkey" FOREIGN KEY ("participant_identity_id") REFERENCES "participant_identities"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "participant_profiles" ADD CONSTRAINT "participant_profiles_mentor_profile_id_fkey" FOREIGN KEY ("mentor_profile_id") REFERENCES "participant_profiles"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "induction_records" ADD CONSTRAINT "induction_records_participant_profile_id_fkey" FOREIGN KEY ("participant_profile_id") REFERENCES "participant_profiles"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "induction_records" ADD CONSTRAINT "induction_records_lead_provider_id_fkey" FOREIGN KEY ("lead_provider_id") REFERENCES "lead_providers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "induction_records" ADD CONSTRAINT "induction_records_school_id_fkey" FOREIGN KEY ("school_id") REFERENCES "schools"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "induction_records" ADD CONSTRAINT "induction_records_delivery_partner_id_fkey" FOREIGN KEY ("delivery_partner_id") REFERENCES "delivery_partners"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "induction_records" ADD CONSTRAINT "induction_records_partnership_id_fkey" FOREIGN KEY ("partnership_id") REFERENCES "partnerships"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "induction_records" ADD CONSTRAINT "induction_records_schedule_id_fkey" FOREIGN KEY ("schedule_id") REFERENCES "schedules"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "participant_declarations" ADD CONSTRAINT "participant_declarations_participant_profile_id_fkey" FOREIGN KEY ("participant_profile_id") REFERENCES "participant_profiles"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "participant_declarations" ADD CONSTRAINT "participant_declarations_lead_provider_id_fkey" FOREIGN KEY ("lead_provider_id") REFERENCES "lead_providers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "participant_declarations" ADD CONSTRAINT "participant_declarations_cohort_id_fkey" FOREIGN KEY ("cohort_id") REFERENCES "cohorts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "participant_declarations" ADD CONSTRAINT "participant_declarations_delivery_partner_id_fkey" FOREIGN KEY ("delivery_partner_id") REFERENCES "delivery_partners"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "statements" ADD CONSTRAINT "statements_lead_provider_id_fkey" FOREIGN KEY ("lead_provider_id") REFERENCES "lead_providers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "statements" ADD CONSTRAINT "statements_cohort_id_fkey" FOREIGN KEY ("cohort_id") REFERENCES "cohorts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "statement_line_items" ADD CONSTRAINT "statement_line_items_statement_id_fkey" FOREIGN KEY ("statement_id") REFERENCES "statements"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "statement_line_items" ADD CONSTRAINT "statement_line_items_participant_declaration_id_fkey" FOREIGN KEY ("participant_declaration_id") REFERENCES "participant_declarations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "additional_adjustments" ADD CONSTRAINT "additional_adjustments_statement_id_fkey" FOREIGN KEY ("statement_id") REFERENCES "statements"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- The audit log is append-only: refuse UPDATE and DELETE (written by hand; Prisma does not model triggers).
CREATE FUNCTION audit_logs_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit_logs is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_logs_no_update_or_delete
  BEFORE UPDATE OR DELETE ON "audit_logs"
  FOR EACH ROW EXECUTE FUNCTION audit_logs_append_only();
