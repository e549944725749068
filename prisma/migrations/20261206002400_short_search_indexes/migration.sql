-- Short searches (one or two characters, lib/participants/search.ts): the start of a name, a surname
-- (the name's last word), an email address or a TRN, lower-cased, in byte order ("C"), so that
-- `lower(x) COLLATE "C" LIKE 'ab%' ORDER BY lower(x) COLLATE "C" LIMIT n` walks one index range in
-- order and stops after n entries. The trigram indexes cannot serve fewer than three characters.
-- Expression indexes: Prisma's schema cannot describe them; they live only here.
CREATE INDEX "users_full_name_prefix_idx" ON "users" ((lower("full_name") COLLATE "C"));
CREATE INDEX "users_surname_prefix_idx" ON "users" ((lower(substring("full_name" FROM '[^ ]+$')) COLLATE "C"));
CREATE INDEX "users_email_prefix_idx" ON "users" ((lower("email") COLLATE "C"));
CREATE INDEX "participant_profiles_trn_prefix_idx" ON "participant_profiles" ((lower("trn") COLLATE "C"));
