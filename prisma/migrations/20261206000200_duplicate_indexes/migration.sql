-- Duplicate participant records (lib/participants/duplicates.ts): the keys the check groups by, as
-- stored generated columns with their own indexes, so each key is grouped by an index-only scan
-- (an expression index cannot give one) and only the few shared keys are joined back.
-- Prisma's schema cannot describe generated columns: they live only here, and Prisma never reads
-- or writes them (inserts name their columns).

-- The same email: a user's own and their registrations' addresses, compared lower-cased.
ALTER TABLE "users" ADD COLUMN "email_key" TEXT GENERATED ALWAYS AS (lower("email")) STORED;
ALTER TABLE "participant_identities" ADD COLUMN "email_key" TEXT GENERATED ALWAYS AS (lower("email")) STORED;
CREATE INDEX "users_email_key_idx" ON "users" ("email_key", "id");
CREATE INDEX "participant_identities_email_key_idx" ON "participant_identities" ("email_key", "user_id");

-- The same normalised name (lib/participants/rules/duplicates.ts normaliseName) at the same school.
ALTER TABLE "users" ADD COLUMN "name_key" TEXT GENERATED ALWAYS AS (regexp_replace(lower("full_name"), '[^a-z]', '', 'g')) STORED;
CREATE INDEX "users_name_key_idx" ON "users" ("name_key", "id");
