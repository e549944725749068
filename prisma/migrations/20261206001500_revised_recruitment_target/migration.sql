-- The revised recruitment target of a call-off contract: the most participants the contract pays
-- for. Null means the default, 150% of the recruitment target rounded down
-- (lib/statements/rules/revised-recruitment-target.ts, docs/statements.md).

-- AlterTable
ALTER TABLE "call_off_contracts" ADD COLUMN "revised_recruitment_target" INTEGER;
ALTER TABLE "call_off_contracts" ADD CONSTRAINT "call_off_contracts_revised_recruitment_target_check"
  CHECK ("revised_recruitment_target" IS NULL OR "revised_recruitment_target" >= 0);
