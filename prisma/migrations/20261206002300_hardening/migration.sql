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

-- 3. A paid statement is final: none of its line items may be changed, moved onto or off it, or
--    removed (authorising moves them while the statement is still payable, then marks it paid).
--    Voiding a declaration whose line item sits on a paid statement (an ineligible one) leaves that
--    line item as it was paid (lib/declarations/void.ts). Inserts are not checked: the seeds build
--    paid history by inserting, and the app only ever adds line items to open statements.
--    Statement-level triggers with transition tables: one check per statement, however many rows
--    (authorising 100k line items).
CREATE FUNCTION statement_line_items_paid_is_final() RETURNS trigger AS $$
DECLARE
  paid uuid;
BEGIN
  SELECT s.id INTO paid FROM old_rows o JOIN statements s ON s.id = o.statement_id WHERE s.status = 'paid' LIMIT 1;
  IF paid IS NULL AND TG_OP = 'UPDATE' THEN
    SELECT s.id INTO paid FROM new_rows n JOIN statements s ON s.id = n.statement_id WHERE s.status = 'paid' LIMIT 1;
  END IF;
  IF paid IS NOT NULL THEN
    RAISE EXCEPTION 'statement % is paid: its line items cannot change', paid USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER statement_line_items_paid_final_update
  AFTER UPDATE ON "statement_line_items" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION statement_line_items_paid_is_final();
CREATE TRIGGER statement_line_items_paid_final_delete
  AFTER DELETE ON "statement_line_items" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION statement_line_items_paid_is_final();
