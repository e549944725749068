-- DfE's calendar: milestones without an end date (extended, reduced and replacement schedules)
-- and with their payment date; statements that say which service-fee instalment they pay.

-- AlterTable
ALTER TABLE "milestones" ALTER COLUMN "milestone_date" DROP NOT NULL,
ADD COLUMN     "payment_date" DATE;

-- AlterTable
ALTER TABLE "statements" ADD COLUMN     "service_fee_instalment" INTEGER;

-- CreateIndex
CREATE UNIQUE INDEX "statements_lead_provider_id_cohort_id_service_fee_instalment_key" ON "statements"("lead_provider_id", "cohort_id", "service_fee_instalment");

-- Written by hand (Prisma does not model CHECK constraints): a service fee has 29 instalments.
ALTER TABLE "statements" ADD CONSTRAINT "statements_service_fee_instalment_range" CHECK ("service_fee_instalment" BETWEEN 1 AND 29);
