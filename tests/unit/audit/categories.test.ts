// The audit log's "What" categories: every action name the code writes belongs to exactly one.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  actionsOf,
  AUDIT_ACTIONS,
  AUDIT_CATEGORIES,
  AUDIT_CATEGORY_ACTIONS,
  AUDIT_CATEGORY_LABELS,
  auditActionLabel,
  auditCategoryOf,
} from "@/lib/audit/rules/categories";
import { auditTarget, auditTargetPath } from "@/lib/audit/rules/links";

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : /\.tsx?$/.test(name) ? [full] : [];
  });
}

/**
 * Action names written by code that writes the audit trail: every `action: "…"`, plus, in a file
 * calling .audit( or writeAudit(, every "entity.verb" literal whose entity is one that some
 * `action:` names (so a map of actions is seen, and a SQL column such as "pairs.first_id" is not).
 */
function writtenActions(roots: string[]): Map<string, string> {
  const sources = roots.flatMap((root) => walk(path.join(process.cwd(), root)))
    .filter((file) => !file.includes(`lib${path.sep}audit${path.sep}`))
    .map((file) => ({ file: path.relative(process.cwd(), file), source: readFileSync(file, "utf8") }));
  const found = new Map<string, string>();
  for (const { file, source } of sources) {
    for (const m of source.matchAll(/\baction: "([a-z_]+\.[a-z_]+)"/g)) found.set(m[1]!, file);
  }
  const entities = new Set([...found.keys()].map((action) => action.split(".")[0]));
  for (const { file, source } of sources) {
    if (!/\.audit\(|writeAudit\(/.test(source)) continue;
    for (const m of source.matchAll(/"([a-z_]+)\.([a-z_]+)"/g)) if (entities.has(m[1]!)) found.set(`${m[1]}.${m[2]}`, file);
  }
  return found;
}

describe("audit categories", () => {
  it("every action written under lib/ (and by the seed) is in a category", () => {
    const written = writtenActions(["lib", "prisma/seed"]);
    expect(written.size).toBeGreaterThanOrEqual(15);
    const orphans = [...written].filter(([action]) => auditCategoryOf(action) === null).map(([action, file]) => `${action} (${file})`);
    expect(orphans).toEqual([]);
  });

  it("the finance training status change and the duplicate merge have their categories", () => {
    expect(auditCategoryOf("participant.training_status")).toBe("training-status");
    expect(auditCategoryOf("participant.defer")).toBe("training-status");
    expect(auditCategoryOf("participant.merge")).toBe("merge");
    expect(auditCategoryOf("declaration.void_paid")).toBe("void");
    expect(auditCategoryOf("statement.mark_payable")).toBe("mark-payable");
    expect(auditCategoryOf("nobody.wrote_this")).toBeNull();
  });

  it("no action is in two categories, every category has actions, a label and each action a label", () => {
    expect(new Set(AUDIT_ACTIONS).size).toBe(AUDIT_ACTIONS.length);
    for (const category of AUDIT_CATEGORIES) {
      expect(AUDIT_CATEGORY_ACTIONS[category].length).toBeGreaterThan(0);
      expect(AUDIT_CATEGORY_LABELS[category]).toMatch(/^[A-Z]/);
    }
    for (const action of AUDIT_ACTIONS) expect(auditActionLabel(action)).not.toBe(action);
    expect(auditActionLabel("something.else")).toBe("something.else");
  });

  it("the chosen categories become the actions to filter on; none chosen is no restriction", () => {
    expect(actionsOf([])).toBeNull();
    expect(actionsOf(["void", "authorise"])).toEqual(["declaration.void", "declaration.void_paid", "statement.authorise"]);
  });
});

describe("audit entry links", () => {
  const id = "11111111-1111-4111-8111-111111111111";
  const user = "22222222-2222-4222-8222-222222222222";
  const statement = "33333333-3333-4333-8333-333333333333";

  it("a statement entry links to the statement", () => {
    expect(auditTargetPath(auditTarget({ entityType: "statement", entityId: statement, userId: null, before: null, after: null }))).toBe(`/statements/${statement}`);
  });

  it("an adjustment links to its statement (from after, else before), or nowhere", () => {
    expect(auditTargetPath(auditTarget({ entityType: "adjustment", entityId: id, userId: null, before: null, after: { statementId: statement } }))).toBe(`/statements/${statement}`);
    expect(auditTargetPath(auditTarget({ entityType: "adjustment", entityId: id, userId: null, before: { statementId: statement }, after: null }))).toBe(`/statements/${statement}`);
    expect(auditTarget({ entityType: "adjustment", entityId: id, userId: null, before: null, after: { statementId: 7 } })).toEqual({ kind: "none" });
  });

  it("a declaration links to its row on the participant page; a profile to the participant", () => {
    expect(auditTargetPath(auditTarget({ entityType: "declaration", entityId: id, userId: user, before: null, after: null }))).toBe(`/participants/${user}#declaration-${id}`);
    expect(auditTargetPath(auditTarget({ entityType: "participant_profile", entityId: id, userId: user, before: null, after: null }))).toBe(`/participants/${user}`);
    expect(auditTargetPath(auditTarget({ entityType: "partnership", entityId: id, userId: null, before: null, after: null }))).toBeNull();
  });
});
