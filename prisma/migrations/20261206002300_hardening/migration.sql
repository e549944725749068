-- Hardening (docs/security.md). Written by hand: Prisma's schema describes neither triggers nor
-- exclusion constraints.

-- 1. The audit log refuses TRUNCATE too. Its row triggers (init migration) stop UPDATE and DELETE,
--    but TRUNCATE fires no row trigger: a statement-level one refuses it.
CREATE TRIGGER audit_logs_no_truncate
  BEFORE TRUNCATE ON "audit_logs"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_logs_append_only();

-- 2. At most one live declaration per event: one participant profile, course and declaration type in
--    a state that "will be, or has been, paid" (DUPLICATE_STATES in
--    lib/declarations/rules/submission-checks.ts: submitted, eligible, payable, paid). Voided,
--    ineligible, awaiting_clawback and clawed_back declarations do not count, as for the API's
--    duplicate check. The submission's row lock already queues identical submissions; this makes a
--    duplicate impossible whatever the code path.
--    A partial unique index, written as an exclusion constraint (btree, every column "=") because
--    only a constraint can be DEFERRABLE: merging two participants (lib/participants/duplicates.ts)
--    moves declarations onto the kept profile and then voids the repeats in the same transaction, so
--    it defers the check to its commit (SET CONSTRAINTS). Everywhere else it is checked at each
--    statement (a violation at COMMIT is lost by the PGlite Prisma adapter, which reports the
--    transaction as committed). A violation is SQLSTATE 23P01 naming this constraint.
ALTER TABLE "participant_declarations"
  ADD CONSTRAINT "participant_declarations_one_live_per_event"
  EXCLUDE USING btree ("participant_profile_id" WITH =, "course_identifier" WITH =, "declaration_type" WITH =)
  WHERE ("state" IN ('submitted', 'eligible', 'payable', 'paid'))
  DEFERRABLE INITIALLY IMMEDIATE;
