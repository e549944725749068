// Where an audit entry's record is shown: a statement page, a declaration's row on its participant's
// page (#declaration-<id>), or the participant page. Pure: paths are the pages' own shapes.

export type AuditTarget =
  | { kind: "statement"; statementId: string }
  | { kind: "declaration"; userId: string; declarationId: string }
  | { kind: "participant"; userId: string }
  | { kind: "none" };

type Entry = { entityType: string; entityId: string; userId: string | null; before: unknown; after: unknown };

function statementIdIn(value: unknown): string | null {
  if (value && typeof value === "object" && "statementId" in value) {
    const id = (value as { statementId: unknown }).statementId;
    return typeof id === "string" ? id : null;
  }
  return null;
}

export function auditTarget(entry: Entry): AuditTarget {
  switch (entry.entityType) {
    case "statement":
      return { kind: "statement", statementId: entry.entityId };
    case "adjustment": {
      const statementId = statementIdIn(entry.after) ?? statementIdIn(entry.before);
      return statementId ? { kind: "statement", statementId } : { kind: "none" };
    }
    case "declaration":
      return entry.userId ? { kind: "declaration", userId: entry.userId, declarationId: entry.entityId } : { kind: "none" };
    default:
      return entry.userId ? { kind: "participant", userId: entry.userId } : { kind: "none" };
  }
}

export function auditTargetPath(target: AuditTarget): string | null {
  switch (target.kind) {
    case "statement":
      return `/statements/${target.statementId}`;
    case "declaration":
      return `/participants/${target.userId}#declaration-${target.declarationId}`;
    case "participant":
      return `/participants/${target.userId}`;
    case "none":
      return null;
  }
}
