// Participant search (docs/search.md). Two look-ups:
// - `findParticipantById`: an exact id → the participant: any id the API accepts for a participant
//   (user id, external identifier, retired id; resolved by identity.ts), else a declaration id.
// - `searchParticipants`: partial, case-insensitive text over users.full_name, users.email and
//   participant_profiles.trn, backed by the pg_trgm GIN indexes (ILIKE '%…%' uses them), ranked
//   exact → prefix → contains, then by name and id; one row per participant profile (enrolment),
//   with its current induction record. One or two characters match the start of the name, the
//   surname, the email or the TRN instead, through prefix indexes (trigrams need three characters).
//   Matches are not counted past SEARCH_MATCH_LIMIT: more than that is "too many, refine it".
//   The same SQL runs on PostgreSQL and PGlite (pg_trgm loaded).
// User input only ever reaches SQL as a bound parameter.
import { Prisma, type PrismaClient } from "@/generated/prisma/client";
import type { ParticipantType } from "@/lib/domain/participant-types";
import type { TrainingStatusValue } from "@/lib/domain/training-statuses";
import { normaliseUuid } from "@/lib/validation/ids";
import { SEARCH_MATCH_LIMIT, SEARCH_PAGE_SIZE, SHORT_QUERY_MAX_LENGTH } from "@/lib/validation/participant-search";
import type { Queryable } from "@/lib/db/query";
import { inductionRecordOrderSql, resolveParticipant, type ParticipantIdKind } from "./identity";

export type IdMatch = { userId: string; matchedBy: ParticipantIdKind | "declaration"; declarationId: string | null };

/** The participant a declaration id belongs to (the search box also takes declaration ids). */
export function declarationOwnerSql(declarationId: string): Prisma.Sql {
  return Prisma.sql`
    SELECT pi.user_id::text AS user_id
      FROM participant_declarations d
      JOIN participant_profiles p ON p.id = d.participant_profile_id
      JOIN participant_identities pi ON pi.id = p.participant_identity_id
     WHERE d.id = ${declarationId}::uuid`;
}

/**
 * The participant an exact id belongs to, or null: any participant id the API accepts (user id,
 * external identifier, retired id: resolveParticipant in identity.ts), else a declaration id.
 * `id` must already be a valid UUID.
 */
export async function findParticipantById(db: Queryable, id: string): Promise<IdMatch | null> {
  const participant = await resolveParticipant(db, id);
  if (participant) return { ...participant, declarationId: null };
  const [owner] = await db.$queryRaw<{ user_id: string }[]>(declarationOwnerSql(id));
  return owner ? { userId: owner.user_id, matchedBy: "declaration", declarationId: normaliseUuid(id) } : null;
}

/** `%`, `_` and `\` match themselves in a LIKE pattern. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export type SearchRow = {
  profileId: string;
  userId: string;
  fullName: string;
  email: string;
  trn: string | null;
  participantType: ParticipantType;
  /** 0 exact, 1 prefix (of the field, or of a word of the name), 2 contains. */
  rank: 0 | 1 | 2;
  leadProvider: string | null;
  schoolName: string | null;
  schoolUrn: string | null;
  cohort: number | null;
  trainingStatus: TrainingStatusValue | null;
};

export type SearchResults = {
  rows: SearchRow[];
  /** Matches, up to SEARCH_MATCH_LIMIT (when there are more, `tooMany` and no rows). */
  total: number;
  /** More than SEARCH_MATCH_LIMIT profiles match: nothing is ranked or shown; the user refines the search. */
  tooMany: boolean;
  page: number;
  pageSize: number;
  totalPages: number;
};

type RawRow = {
  profile_id: string;
  user_id: string;
  full_name: string;
  email: string;
  trn: string | null;
  participant_type: ParticipantType;
  rank: number;
  total: bigint | number;
  lead_provider: string | null;
  school_name: string | null;
  school_urn: string | null;
  cohort: number | null;
  training_status: TrainingStatusValue | null;
};

/** The part of an email-shaped search before its "@", when it is long enough for the trigram index (else null). */
function localPart(text: string): string | null {
  const at = text.indexOf("@");
  return at >= 3 ? text.slice(0, at) : null;
}

function patterns(q: string) {
  const text = q.trim();
  const escaped = escapeLike(text);
  const lower = text.toLowerCase();
  const local = localPart(text);
  return {
    contains: `%${escaped}%`,
    emailIndexed: local === null ? `%${escaped}%` : `%${escapeLike(local)}%`,
    // A search with an "@" in it is an email: names and TRNs are not searched for it.
    emailOnly: text.includes("@"),
    prefix: `${escapeLike(lower)}%`,
    short: text.length <= SHORT_QUERY_MAX_LENGTH,
    lower,
    wordStart: ` ${lower}`,
  };
}

const CANDIDATE_LIMIT = SEARCH_MATCH_LIMIT + 1;

/**
 * The short-query candidates: profiles whose user's name, surname (the name's last word) or email,
 * or whose TRN, starts with the text. Each arm walks its own `lower(…) COLLATE "C"` index in order
 * and stops after one more than the limit, so one letter costs a few thousand index entries at most,
 * not a scan of everyone whose name contains it.
 */
function shortCandidatesSql(prefix: string): Prisma.Sql {
  // The arms carry the user's columns, so the matches are not joined back to users (which the planner
  // does with a hash join over the whole table).
  return Prisma.sql`
      SELECT p.id AS profile_id, matched.id AS user_id, matched.full_name, matched.email, p.trn, p.type,
             lower(matched.full_name) AS name_key, lower(matched.email) AS email_key, lower(p.trn) AS trn_key
        FROM (
              (SELECT id, full_name, email FROM users WHERE lower(full_name) COLLATE "C" LIKE ${prefix} ESCAPE '\\'
                ORDER BY lower(full_name) COLLATE "C" LIMIT ${CANDIDATE_LIMIT})
              UNION
              (SELECT id, full_name, email FROM users WHERE lower(substring(full_name FROM '[^ ]+$')) COLLATE "C" LIKE ${prefix} ESCAPE '\\'
                ORDER BY lower(substring(full_name FROM '[^ ]+$')) COLLATE "C" LIMIT ${CANDIDATE_LIMIT})
              UNION
              (SELECT id, full_name, email FROM users WHERE lower(email) COLLATE "C" LIKE ${prefix} ESCAPE '\\'
                ORDER BY lower(email) COLLATE "C" LIMIT ${CANDIDATE_LIMIT})
             ) matched
        -- LATERAL (kept one by OFFSET 0): each of the (at most a few thousand) matches looks up its
        -- profiles by index; a plain join is planned as a hash join over every identity.
        CROSS JOIN LATERAL (
              SELECT p.id, p.trn, p.type
                FROM participant_identities pi
                JOIN participant_profiles p ON p.participant_identity_id = pi.id
               WHERE pi.user_id = matched.id
              OFFSET 0) p
      UNION ALL
      (SELECT p.id, u.id, u.full_name, u.email, p.trn, p.type, lower(u.full_name), lower(u.email), lower(p.trn)
         FROM participant_profiles p
         JOIN participant_identities pi ON pi.id = p.participant_identity_id
         JOIN users u ON u.id = pi.user_id
        WHERE lower(p.trn) COLLATE "C" LIKE ${prefix} ESCAPE '\\'
          AND NOT (lower(u.full_name) COLLATE "C" LIKE ${prefix} ESCAPE '\\'
                   OR lower(substring(u.full_name FROM '[^ ]+$')) COLLATE "C" LIKE ${prefix} ESCAPE '\\'
                   OR lower(u.email) COLLATE "C" LIKE ${prefix} ESCAPE '\\')
        ORDER BY lower(p.trn) COLLATE "C" LIMIT ${CANDIDATE_LIMIT})`;
}

/** The candidates for `q`, at most one more than SEARCH_MATCH_LIMIT (so "more than the limit" shows). */
function limitedCandidatesSql(q: string): Prisma.Sql {
  const { contains, emailIndexed, emailOnly, prefix, short } = patterns(q);
  const arms = short ? shortCandidatesSql(prefix) : candidatesSql(contains, emailIndexed, emailOnly);
  return Prisma.sql`SELECT * FROM (${arms}) all_candidates LIMIT ${CANDIDATE_LIMIT}`;
}

/**
 * Profiles whose user's name or email, or whose TRN, contains the text (for an email-shaped text:
 * whose email contains it), with the columns the ranking needs (and their lower-case keys, worked
 * out once). Two arms so each can use its trigram index (an OR across joined tables cannot); the TRN
 * arm leaves out what the first arm found, so the arms are added up (UNION ALL) without a
 * de-duplicating sort; each arm carries its columns so the matches are not joined again.
 */
function candidatesSql(contains: string, emailIndexed: string, emailOnly: boolean): Prisma.Sql {
  // With `emailOnly`, the name and TRN arms are switched off by a constant the planner folds: they
  // are never run (their trigram indexes would read every posting list a whole email's trigrams share).
  const namesAndTrns = !emailOnly;
  return Prisma.sql`
      (WITH
         -- One indexed look-up per column: with "name OR email" the planner misjudges how many rows
         -- match a common surname and scans the whole table instead. Each is a CTE of its own: it is
         -- planned for all its rows (so through the trigram index, never a table scan in the hope of
         -- stopping early), yet read only as far as the limit below asks.
         by_name AS MATERIALIZED (SELECT id, full_name, email FROM users WHERE ${namesAndTrns}::boolean AND full_name ILIKE ${contains} ESCAPE '\\'),
         -- A whole email's domain trigrams ("exa", "com"…) are in every address, and the index
         -- reads them all: for an email-shaped search the index is asked for its part before the
         -- "@" (selective), and the whole text is checked on what it finds (an expression the index
         -- does not cover).
         by_email AS MATERIALIZED (
           SELECT id, full_name, email FROM users
            WHERE email ILIKE ${emailIndexed} ESCAPE '\\' AND (email || '') ILIKE ${contains} ESCAPE '\\')
       SELECT p.id AS profile_id, u.id AS user_id, u.full_name, u.email, p.trn, p.type,
              lower(u.full_name) AS name_key, lower(u.email) AS email_key, lower(p.trn) AS trn_key
         FROM (
               -- Each stops after the limit: more users than that is already too many (each has at
               -- least one profile), and a common surname has thousands. The user's columns come
               -- along, so the matches are not joined back to users.
               (SELECT * FROM by_name LIMIT ${CANDIDATE_LIMIT})
               UNION
               (SELECT * FROM by_email LIMIT ${CANDIDATE_LIMIT})
              ) u
         JOIN participant_identities pi ON pi.user_id = u.id
         JOIN participant_profiles p ON p.participant_identity_id = pi.id)
      UNION ALL
      SELECT p.id, u.id, u.full_name, u.email, p.trn, p.type, lower(u.full_name), lower(u.email), lower(p.trn)
        FROM participant_profiles p
        JOIN participant_identities pi ON pi.id = p.participant_identity_id
        JOIN users u ON u.id = pi.user_id
       WHERE ${namesAndTrns}::boolean AND p.trn ILIKE ${contains} ESCAPE '\\'
         AND NOT (u.full_name ILIKE ${contains} ESCAPE '\\' OR u.email ILIKE ${contains} ESCAPE '\\')`;
}

/** One page of the ranked search (the bench EXPLAINs exactly this). */
export function searchSql(q: string, page: number, pageSize: number = SEARCH_PAGE_SIZE): Prisma.Sql {
  const { lower, wordStart } = patterns(q);
  const offset = (Math.max(1, page) - 1) * pageSize;
  return Prisma.sql`
    WITH candidates AS (${limitedCandidatesSql(q)}
    ),
    ranked AS (
      SELECT c.profile_id, c.user_id, c.full_name, c.email, c.trn, c.type::text AS participant_type, c.name_key,
             CASE
               WHEN c.name_key = ${lower} OR c.email_key = ${lower} OR c.trn_key = ${lower} THEN 0
               WHEN starts_with(c.name_key, ${lower}) OR strpos(c.name_key, ${wordStart}) > 0
                 OR starts_with(c.email_key, ${lower}) OR starts_with(c.trn_key, ${lower}) THEN 1
               ELSE 2
             END AS rank
        FROM candidates c
    ),
    paged AS (
      SELECT r.*, count(*) OVER () AS total
        FROM ranked r
       ORDER BY r.rank, r.name_key COLLATE "C", r.user_id, r.profile_id
       LIMIT ${pageSize} OFFSET ${offset}
    )
    SELECT paged.profile_id::text, paged.user_id::text, paged.full_name, paged.email, paged.trn, paged.participant_type,
           paged.rank, paged.total, lp.name AS lead_provider, s.name AS school_name, s.urn AS school_urn,
           c.start_year AS cohort, ir.training_status::text AS training_status
      FROM paged
      LEFT JOIN LATERAL (
        SELECT * FROM induction_records i
         WHERE i.participant_profile_id = paged.profile_id
         ORDER BY ${inductionRecordOrderSql("i")}
         LIMIT 1
      ) ir ON true
      LEFT JOIN lead_providers lp ON lp.id = ir.lead_provider_id
      LEFT JOIN schools s ON s.id = ir.school_id
      LEFT JOIN schedules sc ON sc.id = ir.schedule_id
      LEFT JOIN cohorts c ON c.id = sc.cohort_id
     ORDER BY paged.rank, paged.name_key COLLATE "C", paged.user_id, paged.profile_id`;
}

/**
 * Runs one search query for `q` as it must be planned. A text of three characters or more is looked
 * up in the trigram indexes, and runs with sequential scans off, in a transaction of its own
 * (`SET LOCAL`): each of its arms reads at most 1,001 candidates from an index by design, so an
 * index is always the right plan, and its cost is bounded by the matches. The planner cannot know
 * that: it guesses that `%text%` matches a fixed share of the table, and on tables of up to ~60k
 * users (300k declarations) it then scans the whole table instead, a cost that grows with the
 * table (p95 60–92 ms on the benchmark's 300k database, 24–32 ms with the index; docs/search.md).
 * A short text walks the prefix indexes in order and stops, which the planner already chooses; it
 * runs as it is, without the transaction's three round trips.
 */
export async function runSearchQuery<T>(prisma: PrismaClient, q: string, query: Prisma.Sql): Promise<T[]> {
  if (patterns(q).short) return prisma.$queryRaw<T[]>(query);
  const [, rows] = await prisma.$transaction([prisma.$executeRaw`SET LOCAL enable_seqscan = off`, prisma.$queryRaw<T[]>(query)]);
  return rows;
}

/** The ranked, paged matches for `q` (trimmed, 1–200 characters). Page numbers start at 1. */
export async function searchParticipants(
  prisma: PrismaClient,
  q: string,
  page = 1,
  pageSize: number = SEARCH_PAGE_SIZE,
): Promise<SearchResults> {
  const found = await runSearchQuery<RawRow>(prisma, q, searchSql(q, page, pageSize));
  let total = found[0] ? Number(found[0].total) : 0;
  if (found.length === 0 && page > 1) total = await countMatches(prisma, q);
  const tooMany = total > SEARCH_MATCH_LIMIT;
  const rows = tooMany ? [] : found;
  if (tooMany) total = SEARCH_MATCH_LIMIT;
  return {
    tooMany,
    rows: rows.map((row) => ({
      profileId: row.profile_id,
      userId: row.user_id,
      fullName: row.full_name,
      email: row.email,
      trn: row.trn,
      participantType: row.participant_type,
      rank: Number(row.rank) as SearchRow["rank"],
      leadProvider: row.lead_provider,
      schoolName: row.school_name,
      schoolUrn: row.school_urn,
      cohort: row.cohort === null ? null : Number(row.cohort),
      trainingStatus: row.training_status,
    })),
    total,
    page,
    pageSize,
    totalPages: Math.ceil(total / pageSize),
  };
}

/** How many profiles match, up to one past the limit (for a page past the end, where the window count is not there). */
async function countMatches(prisma: PrismaClient, q: string): Promise<number> {
  const [row] = await runSearchQuery<{ n: bigint | number }>(prisma, q, Prisma.sql`SELECT count(*) AS n FROM (${limitedCandidatesSql(q)}) matches`);
  return Number(row?.n ?? 0);
}
