-- Duplicate participant records (lib/participants/duplicates.ts): the keys the check groups by,
-- each read from an index (index-only scans, sorted for a GroupAggregate) rather than the tables.
-- Expression indexes: Prisma's schema cannot describe them, so they live only here.

-- The same email: a user's own and their registrations' addresses, compared lower-cased.
CREATE INDEX "users_email_lower_idx" ON "users" (lower("email"), "id");
CREATE INDEX "participant_identities_email_lower_idx" ON "participant_identities" (lower("email"), "user_id");

-- The same normalised name (lib/participants/rules/duplicates.ts normaliseName) at the same school.
CREATE INDEX "users_full_name_normalised_idx" ON "users" ((regexp_replace(lower("full_name"), '[^a-z]', '', 'g')), "id");
