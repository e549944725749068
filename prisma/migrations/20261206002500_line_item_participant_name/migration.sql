-- The declarations CSV lists a statement's line items by participant name (lib/statements/csv-rows.ts).
-- Sorting 100,000 line items by a name that lives two joins away took about 400 ms before the first
-- row could leave. Each line item now carries a copy of its participant's name, kept by the database
-- itself, and an index on (statement, name) gives the file's order without a sort: the first rows
-- leave at once, whatever the statement's size (docs/performance.md).
--
-- The copy is only an order: it is not a paid fact. The database keeps it equal to users.full_name of
-- the declaration's participant:
--   - a new line item takes the name when it is inserted (a name the inserter wrote is checked, and
--     corrected where it is not the participant's);
--   - renaming a participant, or moving a declaration to another participant (merging duplicates,
--     lib/participants/duplicates.ts), updates the copies on that participant's line items,
--     including those on paid statements.

ALTER TABLE "statement_line_items" ADD COLUMN "participant_name" TEXT;

-- A paid statement is final (migration 20261206002300_hardening): none of its line items may be
-- changed, moved onto or off it, or removed. An update that changes only the name's copy changes
-- nothing that was paid, so it is let through; every other change to a paid statement's line items
-- is refused as before. The cheap check runs first (no paid statement touched: nothing more to do);
-- only when a paid statement's rows were touched are the old and new rows compared, whole, leaving
-- out the name's copy.
CREATE OR REPLACE FUNCTION statement_line_items_paid_is_final() RETURNS trigger AS $$
DECLARE
  paid uuid;
BEGIN
  SELECT s.id INTO paid FROM old_rows o JOIN statements s ON s.id = o.statement_id WHERE s.status = 'paid' LIMIT 1;
  IF paid IS NULL AND TG_OP = 'UPDATE' THEN
    SELECT s.id INTO paid FROM new_rows n JOIN statements s ON s.id = n.statement_id WHERE s.status = 'paid' LIMIT 1;
  END IF;
  IF paid IS NOT NULL AND TG_OP = 'UPDATE' THEN
    -- Rows of paid statements that are not, apart from the name's copy, in both old and new rows:
    -- whole rows are compared, so a column added later is guarded too.
    SELECT s.id INTO paid
      FROM ((SELECT to_jsonb(o) - 'participant_name' AS r FROM old_rows o
             EXCEPT ALL
             SELECT to_jsonb(n) - 'participant_name' FROM new_rows n)
            UNION ALL
            (SELECT to_jsonb(n) - 'participant_name' FROM new_rows n
             EXCEPT ALL
             SELECT to_jsonb(o) - 'participant_name' FROM old_rows o)) c
      JOIN statements s ON s.id = (c.r ->> 'statement_id')::uuid
     WHERE s.status = 'paid'
     LIMIT 1;
  END IF;
  IF paid IS NOT NULL THEN
    RAISE EXCEPTION 'statement % is paid: its line items cannot change', paid USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

-- The copies of the line items already there.
UPDATE "statement_line_items" li
   SET "participant_name" = u."full_name"
  FROM "participant_declarations" d
  JOIN "users" u ON u."id" = d."user_id"
 WHERE d."id" = li."participant_declaration_id";

-- A new line item without a name (the app never writes one), or one moved to another declaration,
-- takes its participant's name; so does any update of the copy, whatever it writes.
CREATE FUNCTION statement_line_items_take_participant_name() RETURNS trigger AS $$
BEGIN
  NEW.participant_name := (SELECT u.full_name FROM participant_declarations d JOIN users u ON u.id = d.user_id
                            WHERE d.id = NEW.participant_declaration_id);
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER statement_line_items_participant_name_insert
  BEFORE INSERT ON "statement_line_items"
  FOR EACH ROW WHEN (NEW."participant_name" IS NULL)
  EXECUTE FUNCTION statement_line_items_take_participant_name();
CREATE TRIGGER statement_line_items_participant_name_update
  BEFORE UPDATE OF "participant_declaration_id", "participant_name" ON "statement_line_items"
  FOR EACH ROW EXECUTE FUNCTION statement_line_items_take_participant_name();

-- A name the inserter wrote (the seeds write it: a look-up per row costs their bulk loads a fifth of
-- their time) is checked once per INSERT statement, set-based, against the participant's name; a row
-- where it differs is corrected (the update above writes the name).
CREATE FUNCTION statement_line_items_check_participant_name() RETURNS trigger AS $$
BEGIN
  -- The new rows are read once, each with two index look-ups; the wrong ones (as an array) are then
  -- updated by primary key, so the table itself is not read when every name is right.
  UPDATE statement_line_items SET participant_name = NULL
   WHERE id = ANY (ARRAY(
           SELECT n.id FROM new_rows n
            WHERE n.participant_name IS DISTINCT FROM
                  (SELECT u.full_name FROM participant_declarations d JOIN users u ON u.id = d.user_id
                    WHERE d.id = n.participant_declaration_id)));
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER statement_line_items_participant_name_check
  AFTER INSERT ON "statement_line_items" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION statement_line_items_check_participant_name();

-- A participant renamed: the copies on their line items follow (the line items' own trigger reads
-- the same name again).
CREATE FUNCTION users_name_to_line_items() RETURNS trigger AS $$
BEGIN
  UPDATE statement_line_items li SET participant_name = NEW.full_name
    FROM participant_declarations d
   WHERE d.user_id = NEW.id AND li.participant_declaration_id = d.id;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER users_full_name_to_line_items
  AFTER UPDATE OF "full_name" ON "users"
  FOR EACH ROW WHEN (OLD."full_name" IS DISTINCT FROM NEW."full_name")
  EXECUTE FUNCTION users_name_to_line_items();

-- A declaration moved to another participant: its line items take that participant's name (written
-- by the line items' own trigger above, which runs on any update of the copy).
CREATE FUNCTION participant_declarations_user_to_line_items() RETURNS trigger AS $$
BEGIN
  UPDATE statement_line_items SET participant_name = NULL WHERE participant_declaration_id = NEW.id;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER participant_declarations_user_to_line_items
  AFTER UPDATE OF "user_id" ON "participant_declarations"
  FOR EACH ROW WHEN (OLD."user_id" IS DISTINCT FROM NEW."user_id")
  EXECUTE FUNCTION participant_declarations_user_to_line_items();

-- The file's order: a statement's line items by name (then the few rows of one name are sorted by
-- participant, date, type and line item), with what the export reads from the line item itself, so
-- the index alone serves it.
CREATE INDEX "statement_line_items_statement_id_participant_name_idx"
  ON "statement_line_items" ("statement_id", "participant_name")
  INCLUDE ("participant_declaration_id", "state", "id");
