// Participant search (lib/participants/search.ts) and the drill-down loader
// (lib/participants/detail.ts), on PostgreSQL and PGlite; both resolve ids and pick the current
// induction record as the API does (lib/participants/identity.ts).
import { describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { Prisma, type PrismaClient } from "@/generated/prisma/client";
import { staffActor } from "@/lib/db/audit";
import { voidDeclaration } from "@/lib/declarations/void";
import { loadParticipant } from "@/lib/participants/detail";
import { resolveParticipantId, resolveParticipantMatches } from "@/lib/participants/identity";
import { findParticipant } from "@/lib/participants/queries";
import { escapeLike, findParticipantById, runSearchQuery, searchParticipants, searchSql } from "@/lib/participants/search";
import { NOW, createDeclaration, createParticipant, createWorld, type World } from "../unit/participants/fixtures";
import { availableKinds, withTestDb } from "./db";

async function names(prisma: PrismaClient, q: string, page = 1, pageSize?: number) {
  const result = await searchParticipants(prisma, q, page, pageSize);
  return result.rows.map((r) => r.fullName);
}

/** People whose names, emails and TRNs make each rank and field easy to tell apart. */
async function people(prisma: PrismaClient, world: World) {
  return {
    smith: await createParticipant(prisma, world, { fullName: "Smith", email: "p.smith@school-a.example.org", trn: "7000001" }),
    amySmith: await createParticipant(prisma, world, { fullName: "Amy Smith", email: "amy.s@school-a.example.org", trn: "7000002" }),
    smithers: await createParticipant(prisma, world, { fullName: "Smithers Amy", email: "a.smithers@school-b.example.org", trn: "7000003" }),
    goldsmith: await createParticipant(prisma, world, { fullName: "Aaron Goldsmith", email: "aaron.g@school-b.example.org", trn: "7000004" }),
    blacksmith: await createParticipant(prisma, world, { fullName: "Zed Blacksmith", email: "zed@school-b.example.org", trn: "7000005" }),
    jones: await createParticipant(prisma, world, { fullName: "Owen Jones", email: "owen_jones@school-b.example.org", trn: "1234567" }),
    noTrn: await createParticipant(prisma, world, { fullName: "Nia Price", email: "NIA.PRICE@School-C.Example.org", trn: null }),
  };
}

/** Adds people in bulk: `users` selects (id, full_name, email, updated_at); each gets an identity and an ECT profile. */
function insertPeople(prisma: PrismaClient, users: string): Promise<number> {
  return prisma.$executeRawUnsafe(`
    WITH u AS (INSERT INTO users (id, full_name, email, updated_at) ${users} RETURNING id, email),
    i AS (
      INSERT INTO participant_identities (id, user_id, external_identifier, email, updated_at)
      SELECT gen_random_uuid(), id, id, email, now() FROM u RETURNING id)
    INSERT INTO participant_profiles (id, participant_identity_id, type, updated_at)
    SELECT gen_random_uuid(), id, 'ect', now() FROM i`);
}

describe.each(availableKinds())("participant search on %s", (kind) => {
  it("ranks exact before prefix (of the field or a word of the name) before contains, then by name", async () => {
    await withTestDb(kind, async (db) => {
      const world = await createWorld(db.prisma);
      await people(db.prisma, world);
      const result = await searchParticipants(db.prisma, "smith");
      expect(result.rows.map((r) => [r.fullName, r.rank])).toEqual([
        ["Smith", 0],
        ["Amy Smith", 1],
        ["Smithers Amy", 1],
        ["Aaron Goldsmith", 2],
        ["Zed Blacksmith", 2],
      ]);
      expect(result.total).toBe(5);
      expect(result.totalPages).toBe(1);
    });
  });

  it("finds names partially and case-insensitively, however the query is cased or spaced", async () => {
    await withTestDb(kind, async (db) => {
      const world = await createWorld(db.prisma);
      await people(db.prisma, world);
      // "Smith" is only a prefix of "SMI", not an exact match: by name among the prefixes.
      expect(await names(db.prisma, "SMI")).toEqual(["Amy Smith", "Smith", "Smithers Amy", "Aaron Goldsmith", "Zed Blacksmith"]);
      expect(await names(db.prisma, "aMy sM")).toEqual(["Amy Smith"]);
      expect(await names(db.prisma, "  owen jones  ")).toEqual(["Owen Jones"]);
      expect((await searchParticipants(db.prisma, "OWEN JONES")).rows[0]?.rank).toBe(0);
      expect(await names(db.prisma, "ldsmi")).toEqual(["Aaron Goldsmith"]);
    });
  });

  it("finds emails partially and case-insensitively", async () => {
    await withTestDb(kind, async (db) => {
      const world = await createWorld(db.prisma);
      await people(db.prisma, world);
      expect(await names(db.prisma, "@SCHOOL-A.example")).toEqual(["Amy Smith", "Smith"]);
      expect(await names(db.prisma, "nia.price@school-c.example.org")).toEqual(["Nia Price"]);
      expect((await searchParticipants(db.prisma, "nia.price@school-c.example.org")).rows[0]?.rank).toBe(0);
      expect(await names(db.prisma, "aaron.g@")).toEqual(["Aaron Goldsmith"]);
      expect((await searchParticipants(db.prisma, "aaron.g@")).rows[0]?.rank).toBe(1);
      // A whole email is looked up by its part before the "@" and checked whole: the same local
      // part at another school is not a match; the local part with its "@" matches both.
      await createParticipant(db.prisma, world, { fullName: "Nia Price Two", email: "nia.price@school-d.example.org" });
      expect(await names(db.prisma, "NIA.PRICE@school-c.example.org")).toEqual(["Nia Price"]);
      expect(await names(db.prisma, "nia.price@school-d")).toEqual(["Nia Price Two"]);
      expect(await names(db.prisma, "nia.price@")).toEqual(["Nia Price", "Nia Price Two"]);
      // LIKE's own characters in the part before the "@" match themselves.
      expect(await names(db.prisma, "owen_jones@school-b.example.org")).toEqual(["Owen Jones"]);
      expect(await names(db.prisma, "owen%jones@school-b.example.org")).toEqual([]);
      // A search with an "@" is an email: names are not searched for it.
      await createParticipant(db.prisma, world, { fullName: "Sam At@Sign", email: "sam@school-e.example.org" });
      expect(await names(db.prisma, "at@sign")).toEqual([]);
      expect(await names(db.prisma, "sam at")).toEqual(["Sam At@Sign"]);
    });
  });

  it("finds TRNs exactly and partially", async () => {
    await withTestDb(kind, async (db) => {
      const world = await createWorld(db.prisma);
      await people(db.prisma, world);
      expect((await searchParticipants(db.prisma, "1234567")).rows.map((r) => [r.fullName, r.trn, r.rank])).toEqual([["Owen Jones", "1234567", 0]]);
      expect(await names(db.prisma, "3456")).toEqual(["Owen Jones"]);
      expect(await names(db.prisma, "700000")).toEqual(["Aaron Goldsmith", "Amy Smith", "Smith", "Smithers Amy", "Zed Blacksmith"]);
      expect((await searchParticipants(db.prisma, "700000")).rows.every((r) => r.rank === 1)).toBe(true);
    });
  });

  it("treats %, _ and \\ as themselves, and never runs the query as SQL", async () => {
    await withTestDb(kind, async (db) => {
      const world = await createWorld(db.prisma);
      await people(db.prisma, world);
      // Anywhere in a longer query; at the start in a short one (only "owen_jones@…" has a "_").
      expect(await names(db.prisma, "n_j")).toEqual(["Owen Jones"]);
      expect(await names(db.prisma, "_")).toEqual([]);
      expect(await names(db.prisma, "%")).toEqual([]);
      expect(await names(db.prisma, "\\")).toEqual([]);
      expect(await names(db.prisma, "%%%")).toEqual([]);
      expect(await names(db.prisma, "s%h")).toEqual([]);
      expect(await names(db.prisma, "'; DROP TABLE users; --")).toEqual([]);
      expect(await db.prisma.user.count()).toBe(7);
      expect(escapeLike("50%_off\\")).toBe("50\\%\\_off\\\\");
    });
  });

  it("shows one row per enrolment, with the current induction record's provider, school, cohort and training status", async () => {
    await withTestDb(kind, async (db) => {
      const world = await createWorld(db.prisma);
      const ect = await createParticipant(db.prisma, world, { fullName: "Rosalind Franklin", email: "rosalind@example.org", trn: "2000001", cohort: "cohort2023" });
      // Later a mentor with another provider: a second identity and profile for the same person.
      await createParticipant(db.prisma, world, {
        fullName: "Rosalind Franklin", userId: ect.userId, type: "mentor", cohort: "cohort2025",
        providerId: world.otherProvider.id, schoolId: world.schools.b.id, trainingStatus: "deferred", trn: "2000001",
      });
      // The ECT moved school: the old record ended, the new one is current.
      await db.prisma.inductionRecord.updateMany({ where: { participantProfileId: ect.profileId }, data: { endDate: new Date("2025-03-31") } });
      await db.prisma.inductionRecord.create({
        data: {
          participantProfileId: ect.profileId, leadProviderId: world.provider.id, schoolId: world.schools.b.id,
          scheduleId: world.cohort2023.scheduleId, trainingStatus: "withdrawn", startDate: new Date("2025-04-01"), schoolTransfer: true,
        },
      });

      const result = await searchParticipants(db.prisma, "rosalind");
      expect(result.total).toBe(2);
      expect(result.rows.map(({ fullName, participantType, leadProvider, schoolName, schoolUrn, cohort, trainingStatus, userId, trn }) => ({
        fullName, participantType, leadProvider, schoolName, schoolUrn, cohort, trainingStatus, userId, trn,
      }))).toEqual(
        expect.arrayContaining([
          { fullName: "Rosalind Franklin", participantType: "ect", leadProvider: "Ambition Institute", schoolName: "Riverside Academy", schoolUrn: "100002", cohort: 2023, trainingStatus: "withdrawn", userId: ect.userId, trn: "2000001" },
          { fullName: "Rosalind Franklin", participantType: "mentor", leadProvider: "Teach First", schoolName: "Riverside Academy", schoolUrn: "100002", cohort: 2025, trainingStatus: "deferred", userId: ect.userId, trn: "2000001" },
        ]),
      );
      // A TRN shared by both enrolments finds both.
      expect((await searchParticipants(db.prisma, "2000001")).total).toBe(2);
    });
  });

  it("pages 25 at a time in a stable order, and knows the total past the last page", async () => {
    await withTestDb(kind, async (db) => {
      const world = await createWorld(db.prisma);
      for (let i = 0; i < 30; i += 1) {
        await createParticipant(db.prisma, world, { fullName: `Pat Example ${String(i).padStart(2, "0")}`, email: `pat${i}@example.org` });
      }
      const first = await searchParticipants(db.prisma, "pat example");
      const second = await searchParticipants(db.prisma, "pat example", 2);
      expect(first).toMatchObject({ total: 30, totalPages: 2, page: 1, pageSize: 25 });
      expect(first.rows).toHaveLength(25);
      expect(second.rows.map((r) => r.fullName)).toEqual(["Pat Example 25", "Pat Example 26", "Pat Example 27", "Pat Example 28", "Pat Example 29"]);
      expect(new Set([...first.rows, ...second.rows].map((r) => r.profileId)).size).toBe(30);
      const past = await searchParticipants(db.prisma, "pat example", 3);
      expect(past).toMatchObject({ rows: [], total: 30, totalPages: 2, page: 3 });
      const none = await searchParticipants(db.prisma, "nobody by this name");
      expect(none).toMatchObject({ rows: [], total: 0, totalPages: 0 });
    });
  });

  it("matches one or two characters at the start of a name, surname, email or TRN only", async () => {
    await withTestDb(kind, async (db) => {
      const world = await createWorld(db.prisma);
      await people(db.prisma, world);
      // "sm": Smith (name), Amy Smith (surname), Smithers Amy (name); not Goldsmith or Blacksmith,
      // which only contain it (a three-character search still finds those).
      expect(await names(db.prisma, "sm")).toEqual(["Amy Smith", "Smith", "Smithers Amy"]);
      expect(await names(db.prisma, "SMI")).toContain("Aaron Goldsmith");
      // Email start: "zed@…" and "a.smithers@…", "aaron.g@…", "amy.s@…"; name start: Aaron, Amy.
      expect(await names(db.prisma, "z")).toEqual(["Zed Blacksmith"]);
      expect(await names(db.prisma, "A")).toEqual(["Aaron Goldsmith", "Amy Smith", "Smithers Amy"]);
      expect(await names(db.prisma, "ni")).toEqual(["Nia Price"]);
      // TRN start.
      expect(await names(db.prisma, "12")).toEqual(["Owen Jones"]);
      expect((await searchParticipants(db.prisma, "70")).total).toBe(5);
      // LIKE's own characters match themselves: no name, email or TRN starts with one.
      expect(await names(db.prisma, "_")).toEqual([]);
      expect(await names(db.prisma, "a%")).toEqual([]);
    });
  });

  it("does not count past 1,000 matches: more than that shows no rows and asks for a narrower search", async () => {
    await withTestDb(kind, async (db) => {
      const world = await createWorld(db.prisma);
      const many = (prefix: string, count: number) =>
        insertPeople(
          db.prisma,
          `SELECT gen_random_uuid(), '${prefix} Person ' || lpad(g::text, 4, '0'), '${prefix.toLowerCase()}' || g || '@example.org', now()
             FROM generate_series(1, ${count}) g`,
        );
      await many("Qa", 1000);
      await many("Xe", 1001);
      await createParticipant(db.prisma, world, { fullName: "Quentin Blake", email: "qb@example.org" });

      // Exactly 1,000 "qa…" (short) and "qa person" (trigram) matches: counted and paged as usual.
      for (const q of ["qa", "qa person"]) {
        const exactly = await searchParticipants(db.prisma, q);
        expect(exactly).toMatchObject({ tooMany: false, total: 1000, totalPages: 40 });
        expect(exactly.rows[0]?.fullName).toBe("Qa Person 0001");
        expect((await searchParticipants(db.prisma, q, 40)).rows.map((r) => r.fullName)).toContain("Qa Person 1000");
      }
      // 1,001: too many, whatever the page, short or not.
      for (const [q, page] of [["xe", 1], ["x", 1], ["xe person", 1], ["xe person", 3], ["x", 41]] as const) {
        const over = await searchParticipants(db.prisma, q, page);
        expect(over, `${q} page ${page}`).toMatchObject({ tooMany: true, rows: [], total: 1000 });
      }
      // "q": 1,000 Qa people and Quentin.
      expect((await searchParticipants(db.prisma, "q")).tooMany).toBe(true);
      expect(await names(db.prisma, "quentin")).toEqual(["Quentin Blake"]);
    });
  });

  it("counts the name and email matches together: each under 1,000, together over it, is too many", async () => {
    await withTestDb(kind, async (db) => {
      // Users matching by name only and by email only (different people), `count` of each.
      const add = (label: string, byName: number, byEmail: number) =>
        insertPeople(
          db.prisma,
          `SELECT gen_random_uuid(), '${label} Named ' || g, 'n' || gen_random_uuid() || '@example.org', now() FROM generate_series(1, ${byName}) g
           UNION ALL
           SELECT gen_random_uuid(), 'Mailed Person ' || g, 'team.${label.toLowerCase()}.' || g || '@example.org', now() FROM generate_series(1, ${byEmail}) g`,
        );
      await add("Kappaz", 400, 500);
      await add("Lambdaz", 600, 500);
      const under = await searchParticipants(db.prisma, "kappaz");
      expect(under).toMatchObject({ tooMany: false, total: 900, totalPages: 36 });
      expect(under.rows[0]?.fullName).toBe("Kappaz Named 1");
      expect(await searchParticipants(db.prisma, "lambdaz")).toMatchObject({ tooMany: true, rows: [], total: 1000 });
    });
  });

  it("finds a participant by participant id, external identifier or declaration id, exactly", async () => {
    await withTestDb(kind, async (db) => {
      const world = await createWorld(db.prisma);
      const { jones } = await people(db.prisma, world);
      const merged = await createParticipant(db.prisma, world, { fullName: "Merged Person", separateExternalId: true });
      const declaration = await createDeclaration(db.prisma, world, jones, { state: "eligible", statementId: world.statements.open.id });

      expect(await findParticipantById(db.prisma, jones.userId)).toEqual({ userId: jones.userId, matchedBy: "participant", declarationId: null });
      expect(await findParticipantById(db.prisma, merged.externalIdentifier)).toEqual({ userId: merged.userId, matchedBy: "external_identifier", declarationId: null });
      expect(await findParticipantById(db.prisma, declaration.id)).toEqual({ userId: jones.userId, matchedBy: "declaration", declarationId: declaration.id });
      expect(await findParticipantById(db.prisma, declaration.id.toUpperCase())).toEqual({ userId: jones.userId, matchedBy: "declaration", declarationId: declaration.id });
      expect(await findParticipantById(db.prisma, randomUUID())).toBeNull();
      // A profile id is not one of the ids the search box takes.
      expect(await findParticipantById(db.prisma, jones.profileId)).toBeNull();
    });
  });
});

describe.each(availableKinds())("how a search is planned on %s", (kind) => {
  /** The tables a plan reads whole. */
  const seqScans = (plan: string) => [...plan.matchAll(/Seq Scan on (\w+)/g)].map((m) => m[1]);
  const explain = (sql: Prisma.Sql) => Prisma.sql`EXPLAIN ${sql}`;

  it("reads a text's candidates from the indexes even where the planner would scan the tables, and leaves the setting on the connection as it was", async () => {
    await withTestDb(kind, async (db) => {
      const world = await createWorld(db.prisma);
      await people(db.prisma, world);
      await insertPeople(db.prisma, `SELECT gen_random_uuid(), 'Filler Person ' || g, 'filler.' || g || '@example.org', now() FROM generate_series(1, 300) g`);
      await db.prisma.$executeRawUnsafe("ANALYZE users, participant_identities, participant_profiles");
      const plan = async (rows: Promise<{ "QUERY PLAN": string }[]>) => (await rows).map((r) => r["QUERY PLAN"]).join("\n");

      // As the planner would run it on a table this small: it reads users whole for "%smith%".
      const unguided = await plan(db.prisma.$queryRaw(explain(searchSql("smith", 1))));
      expect(seqScans(unguided)).toContain("users");

      // As the search runs it: through the trigram indexes, no table read whole.
      const guided = await plan(runSearchQuery(db.prisma, "smith", explain(searchSql("smith", 1))));
      expect(guided).toContain("users_full_name_trgm_idx");
      expect(seqScans(guided).filter((t) => ["users", "participant_identities", "participant_profiles"].includes(t as string))).toEqual([]);

      // SET LOCAL: the next query on the pool plans as usual again.
      expect(await db.prisma.$queryRaw<{ enable_seqscan: string }[]>`SHOW enable_seqscan`).toEqual([{ enable_seqscan: "on" }]);
      expect(await names(db.prisma, "smith")).toEqual(["Smith", "Amy Smith", "Smithers Amy", "Aaron Goldsmith", "Zed Blacksmith"]);
    });
  });
});

describe.each(availableKinds())("participant ids on %s", (kind) => {
  it("resolves user id, external identifier and retired id in that order, for the search and the drill-down alike", async () => {
    await withTestDb(kind, async (db) => {
      const world = await createWorld(db.prisma);
      const kept = await createParticipant(db.prisma, world, { fullName: "Kept Person", separateExternalId: true });
      const other = await createParticipant(db.prisma, world, { fullName: "Other Person" });
      const retired = randomUUID();
      const changedAt = new Date("2026-01-10T09:00:00.000Z");
      await db.prisma.participantIdChange.createMany({
        data: [
          { userId: kept.userId, fromParticipantId: retired, toParticipantId: kept.userId, changedAt },
          // A change whose old id still names a user: the user id comes first, as in the API.
          { userId: kept.userId, fromParticipantId: other.userId, toParticipantId: kept.userId, changedAt },
        ],
      });

      const matches = await resolveParticipantMatches(db.prisma, [kept.userId, kept.externalIdentifier, retired, other.userId, randomUUID(), "not-an-id"]);
      expect(Object.fromEntries(matches)).toEqual({
        [kept.userId]: { userId: kept.userId, matchedBy: "participant" },
        [kept.externalIdentifier]: { userId: kept.userId, matchedBy: "external_identifier" },
        [retired]: { userId: kept.userId, matchedBy: "retired_id" },
        [other.userId]: { userId: other.userId, matchedBy: "participant" },
      });
      expect(await resolveParticipantId(db.prisma, retired.toUpperCase())).toBe(kept.userId);
      expect(await findParticipantById(db.prisma, retired)).toEqual({ userId: kept.userId, matchedBy: "retired_id", declarationId: null });
      expect(await findParticipantById(db.prisma, other.userId)).toEqual({ userId: other.userId, matchedBy: "participant", declarationId: null });
      expect((await loadParticipant(db.prisma, retired))?.user.id).toBe(kept.userId);
      expect((await loadParticipant(db.prisma, other.userId))?.user.id).toBe(other.userId);
    });
  });
});

describe.each(availableKinds())("the current induction record on %s", (kind) => {
  it("is the same in the drill-down, the search and the API: on a tie of start dates, the one created last", async () => {
    await withTestDb(kind, async (db) => {
      const world = await createWorld(db.prisma);
      const p = await createParticipant(db.prisma, world, { fullName: "Tie Breaker", trainingStatus: "active" });
      const first = await db.prisma.inductionRecord.findFirstOrThrow({ where: { participantProfileId: p.profileId } });
      // Open too, the same start, created a minute later, with the smallest id: ordering by id would pick the first.
      const second = await db.prisma.inductionRecord.create({
        data: {
          id: "00000000-0000-4000-8000-000000000001",
          participantProfileId: p.profileId, leadProviderId: world.provider.id, schoolId: world.schools.b.id,
          deliveryPartnerId: world.deliveryPartner.id, scheduleId: world.cohort2024.scheduleId, trainingStatus: "deferred",
          startDate: first.startDate, createdAt: new Date(first.createdAt.getTime() + 60_000),
        },
      });

      const detail = await loadParticipant(db.prisma, p.userId);
      expect(detail?.enrolments[0]?.current).toMatchObject({ id: second.id, trainingStatus: "deferred" });
      expect(detail?.enrolments[0]?.inductionRecords.map((r) => r.id)).toEqual([second.id, first.id]);
      expect((await searchParticipants(db.prisma, "tie breaker")).rows.map((r) => [r.trainingStatus, r.schoolUrn])).toEqual([["deferred", "100002"]]);
      const api = await findParticipant(db.prisma, world.provider.id, p.userId);
      expect(api?.enrolments.map((e) => [e.trainingStatus, e.schoolUrn])).toEqual([["deferred", "100002"]]);
    });
  });
});

describe.each(availableKinds())("the participant drill-down on %s", (kind) => {
  it("loads by participant id or external identifier; a malformed or unknown id is null (404)", async () => {
    await withTestDb(kind, async (db) => {
      const world = await createWorld(db.prisma);
      const merged = await createParticipant(db.prisma, world, { fullName: "Merged Person", separateExternalId: true });
      expect(await resolveParticipantId(db.prisma, merged.userId)).toBe(merged.userId);
      expect(await resolveParticipantId(db.prisma, merged.externalIdentifier)).toBe(merged.userId);
      expect((await loadParticipant(db.prisma, merged.externalIdentifier))?.user.id).toBe(merged.userId);
      expect(await loadParticipant(db.prisma, merged.userId.toUpperCase())).toMatchObject({ user: { id: merged.userId } });
      expect(await loadParticipant(db.prisma, randomUUID())).toBeNull();
      expect(await loadParticipant(db.prisma, "not-an-id")).toBeNull();
      expect(await loadParticipant(db.prisma, `${merged.userId}x`)).toBeNull();
    });
  });

  it("offers to void a paid declaration only when there is a statement to claw it back on", async () => {
    await withTestDb(kind, async (db) => {
      const world = await createWorld(db.prisma);
      const participant = await createParticipant(db.prisma, world, { fullName: "Alan Turing" });
      const s = world.statements;
      const paid2024 = await createDeclaration(db.prisma, world, participant, { state: "paid", statementId: s.paid.id });
      // Cohort 2025's only statement here is paid: nothing to claw back on, though the cohort is not frozen.
      const paid2025 = await createDeclaration(db.prisma, world, participant, { state: "paid", cohort: "cohort2025", statementId: s.allPaid2025.id, declarationType: "retained-1" });
      const eligible2025 = await createDeclaration(db.prisma, world, participant, { state: "ineligible", cohort: "cohort2025", statementId: s.allPaid2025.id, declarationType: "retained-2" });
      const detail = await loadParticipant(db.prisma, participant.userId, NOW);
      const byId = new Map(detail!.enrolments.flatMap((e) => e.declarations).map((d) => [d.id, d.canVoid]));
      expect(byId.get(paid2024.id)).toBe(true);
      expect(byId.get(paid2025.id)).toBe(false);
      // Voiding before payment needs no statement.
      expect(byId.get(eligible2025.id)).toBe(true);
    });
  });

  it("lists each enrolment's declarations with their statements, clawback statements and whether they can be voided, and the audit history newest first", async () => {
    await withTestDb(kind, async (db) => {
      const world = await createWorld(db.prisma);
      const participant = await createParticipant(db.prisma, world, { fullName: "Ada Lovelace", email: "ada@example.org", trn: "1234567" });
      const mentor = await createParticipant(db.prisma, world, { fullName: "Mentor Person", type: "mentor" });
      await db.prisma.participantProfile.update({ where: { id: participant.profileId }, data: { mentorProfileId: mentor.profileId, sparsityUplift: true } });
      const s = world.statements;
      const eligible = await createDeclaration(db.prisma, world, participant, { state: "eligible", statementId: s.open.id, declarationType: "retained-1" });
      const paid = await createDeclaration(db.prisma, world, participant, { state: "paid", statementId: s.paid.id });
      const clawedBack = await createDeclaration(db.prisma, world, participant, { state: "clawed_back", statementId: s.paid.id, clawbackStatementId: s.payable.id, declarationType: "retained-2" });
      const submitted = await createDeclaration(db.prisma, world, participant, { state: "submitted", declarationType: "completed" });
      const frozen = await createDeclaration(db.prisma, world, participant, { state: "paid", cohort: "cohort2023", statementId: s.frozenPaid.id, declarationType: "retained-3" });

      const actor = staffActor({ id: randomUUID(), email: "finance@example.com" });
      await voidDeclaration(db.prisma, { declarationId: eligible.id, actor, reason: "Duplicate", now: new Date("2026-11-24T09:00:00Z") });
      await voidDeclaration(db.prisma, { declarationId: paid.id, actor, reason: "Left before starting", now: NOW });

      const detail = await loadParticipant(db.prisma, participant.userId);
      expect(detail?.user).toMatchObject({ id: participant.userId, fullName: "Ada Lovelace" });
      expect(detail?.identities).toEqual([{ externalIdentifier: participant.userId, email: "ada@example.org", origin: "ecf" }]);
      expect(detail?.enrolments).toHaveLength(1);
      const enrolment = detail!.enrolments[0]!;
      expect(enrolment).toMatchObject({
        type: "ect", trn: "1234567", eligibleForFunding: true, sparsityUplift: true, pupilPremiumUplift: false,
        mentor: { userId: mentor.userId, fullName: "Mentor Person" },
        current: { leadProvider: world.provider, school: { name: "Oakfield Primary School", urn: "100001" }, cohort: { startYear: 2024, frozen: false }, trainingStatus: "active", deliveryPartner: "North West Teaching Hub" },
      });
      const byId = new Map(enrolment.declarations.map((d) => [d.id, d]));
      expect(byId.get(eligible.id)).toMatchObject({ state: "voided", statement: s.open, clawbackStatement: null, canVoid: false, voidedBy: "finance@example.com" });
      expect(byId.get(paid.id)).toMatchObject({ state: "awaiting_clawback", statement: s.paid, clawbackStatement: s.open, canVoid: false });
      expect(byId.get(clawedBack.id)).toMatchObject({ state: "clawed_back", statement: s.paid, clawbackStatement: s.payable, canVoid: false });
      expect(byId.get(submitted.id)).toMatchObject({ state: "submitted", statement: null, clawbackStatement: null, canVoid: true });
      expect(byId.get(frozen.id)).toMatchObject({ state: "paid", statement: s.frozenPaid, cohort: { startYear: 2023, frozen: true }, canVoid: false });

      expect(detail?.audit.map((a) => [a.entityId, a.action, a.declarationType, a.beforeState, a.afterState, a.reason, a.actorLabel, a.clawbackStatementName])).toEqual([
        [paid.id, "declaration.void_paid", "started", "paid", "awaiting_clawback", "Left before starting", "finance@example.com", "December 2026"],
        [eligible.id, "declaration.void", "retained-1", "eligible", "voided", "Duplicate", "finance@example.com", null],
      ]);
    });
  });
});
