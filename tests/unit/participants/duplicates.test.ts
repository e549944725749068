// The duplicate-record rules (lib/participants/rules/duplicates.ts): who looks like one person, and
// what merging one record into another moves and voids.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  DUPLICATE_NAME_SQL,
  duplicateReasons,
  normaliseEmail,
  normaliseName,
  planMerge,
  type DuplicateFacts,
  type MergeDeclaration,
  type MergeSide,
} from "@/lib/participants/rules/duplicates";

const facts = (over: Partial<DuplicateFacts> = {}): DuplicateFacts => ({
  fullName: "Ada Lovelace",
  emails: ["ada@example.com"],
  trns: ["1234567"],
  schoolIds: ["school-1"],
  ...over,
});

describe("normaliseName", () => {
  it.each([
    ["Mary-Jane O'Neil", "maryjaneoneil"],
    ["  mary jane   ONEIL ", "maryjaneoneil"],
    ["Dr. J. R. Smith", "drjrsmith"],
    ["", ""],
  ])("%s → %s", (name, expected) => expect(normaliseName(name)).toBe(expected));

  it("is the SQL expression of the migration's generated users.name_key column", () => {
    const migration = readFileSync(path.join(process.cwd(), "prisma/migrations/20261206000200_duplicate_indexes/migration.sql"), "utf8");
    expect(migration).toContain(`"name_key" TEXT GENERATED ALWAYS AS (${DUPLICATE_NAME_SQL('"full_name"')}) STORED`);
  });
});

describe("normaliseEmail", () => {
  it("trims and lower-cases", () => expect(normaliseEmail("  Ada@Example.COM ")).toBe("ada@example.com"));
});

describe("duplicateReasons", () => {
  it("the same TRN", () => {
    expect(duplicateReasons(facts(), facts({ fullName: "Someone Else", emails: ["x@example.com"], schoolIds: ["school-2"] }))).toEqual(["trn"]);
  });
  it("the same email, whatever its case, on a registration", () => {
    expect(duplicateReasons(facts({ trns: [null] }), facts({ fullName: "B", trns: ["999"], emails: ["b@example.com", "ADA@example.com"], schoolIds: [] }))).toEqual([
      "email",
    ]);
  });
  it("the same normalised name at the same school", () => {
    const other = facts({ fullName: "ADA  LOVE-LACE", emails: ["other@example.com"], trns: [null], schoolIds: ["school-9", "school-1"] });
    expect(duplicateReasons(facts(), other)).toEqual(["name_school"]);
  });
  it("the same name at another school is not a duplicate", () => {
    expect(duplicateReasons(facts(), facts({ emails: ["o@example.com"], trns: ["7654321"], schoolIds: ["school-2"] }))).toEqual([]);
  });
  it("no TRN is not the same TRN; blank names never match", () => {
    const a = facts({ fullName: "...", trns: [null, ""], emails: ["a@x"], schoolIds: ["s"] });
    const b = facts({ fullName: "!!!", trns: [null, ""], emails: ["b@x"], schoolIds: ["s"] });
    expect(duplicateReasons(a, b)).toEqual([]);
  });
  it("several reasons, in order", () => {
    expect(duplicateReasons(facts(), facts())).toEqual(["trn", "email", "name_school"]);
  });
});

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const decl = (id: string, profileId: string, over: Partial<MergeDeclaration> = {}): MergeDeclaration => ({
  id,
  profileId,
  courseIdentifier: "ecf-induction",
  declarationType: "started",
  state: "eligible",
  declarationDate: day("2025-10-01"),
  createdAt: day("2025-10-01"),
  ...over,
});
const side = (userId: string, profiles: [string, string][], declarations: MergeDeclaration[]): MergeSide => ({
  userId,
  profiles: profiles.map(([id, type], i) => ({ id, type, identityId: `${userId}-identity`, createdAt: day(`2025-0${i + 1}-01`) })),
  declarations,
});

describe("planMerge", () => {
  it("refuses to merge a participant into themselves", () => {
    expect(planMerge(side("u1", [], []), side("u1", [], []))).toEqual({ ok: false, code: "same_participant" });
  });

  it("folds a profile of a type the kept record has, moves the others with their registration", () => {
    const plan = planMerge(side("k", [["kp-ect", "ect"]], []), side("r", [["rp-ect", "ect"], ["rp-mentor", "mentor"]], [decl("d1", "rp-mentor", { courseIdentifier: "ecf-mentor" })]));
    expect(plan).toMatchObject({
      ok: true,
      foldedProfiles: [{ from: "rp-ect", into: "kp-ect", type: "ect" }],
      movedProfiles: ["rp-mentor"],
      movedDeclarations: [{ id: "d1", profileId: "rp-mentor" }],
      duplicates: [],
    });
  });

  it("a moved declaration for the same event as a live kept one is a duplicate; the kept one stays", () => {
    const kept = side("k", [["kp", "ect"]], [decl("k-started", "kp", { declarationDate: day("2025-11-01") })]);
    const retired = side("r", [["rp", "ect"]], [decl("r-started", "rp", { state: "paid" }), decl("r-retained", "rp", { declarationType: "retained-1" })]);
    const plan = planMerge(kept, retired);
    expect(plan.ok && plan.duplicates).toEqual([{ id: "r-started", duplicateOf: "k-started" }]);
    expect(plan.ok && plan.movedDeclarations).toEqual([
      { id: "r-started", profileId: "kp" },
      { id: "r-retained", profileId: "kp" },
    ]);
  });

  it("declarations that are not live (voided, ineligible, clawed back) are never duplicates, nor make one", () => {
    const kept = side("k", [["kp", "ect"]], [decl("k1", "kp", { state: "voided" })]);
    const retired = side("r", [["rp", "ect"]], [decl("r1", "rp", { state: "ineligible" }), decl("r2", "rp", { state: "awaiting_clawback" })]);
    const plan = planMerge(kept, retired);
    expect(plan.ok && plan.duplicates).toEqual([]);
  });

  it("another course or declaration type is another event", () => {
    const kept = side("k", [["kp", "ect"]], [decl("k1", "kp")]);
    const retired = side("r", [["rp", "ect"]], [decl("r1", "rp", { courseIdentifier: "ecf-mentor" }), decl("r2", "rp", { declarationType: "retained-1" })]);
    expect(planMerge(kept, retired)).toMatchObject({ duplicates: [] });
  });

  it("two retired profiles folded into one: the earliest declaration stays", () => {
    const retired = side("r", [["rp1", "ect"], ["rp2", "ect"]], [
      decl("late", "rp1", { declarationDate: day("2025-12-01") }),
      decl("early", "rp2", { declarationDate: day("2025-10-01") }),
    ]);
    const plan = planMerge(side("k", [["kp", "ect"]], []), retired);
    expect(plan.ok && plan.duplicates).toEqual([{ id: "late", duplicateOf: "early" }]);
  });

  it("the kept record's own duplicates (from before) are left alone", () => {
    const kept = side("k", [["kp", "ect"]], [decl("k1", "kp"), decl("k2", "kp")]);
    expect(planMerge(kept, side("r", [["rp", "ect"]], []))).toMatchObject({ duplicates: [] });
  });

  it("profiles of a type the kept record lacks keep their declarations apart", () => {
    const kept = side("k", [["kp", "mentor"]], [decl("k1", "kp")]);
    const retired = side("r", [["rp", "ect"]], [decl("r1", "rp")]);
    expect(planMerge(kept, retired)).toMatchObject({ movedProfiles: ["rp"], duplicates: [] });
  });
});
