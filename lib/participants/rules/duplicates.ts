/**
 * Duplicate participant records: when two participants look like one person, and what merging one
 * into the other would do.
 *
 * Two participants (users) look like one person when they share a TRN, an email address (their own
 * or one of their registrations'), or a normalised name at the same school. Merging keeps one
 * (the kept record) and retires the other: its registrations (participant_identities) move to the
 * kept user; a profile of a type the kept user already has (one ECT profile, one mentor profile) is
 * folded into the kept user's profile (its induction records, declarations and mentees move), any
 * other profile moves with its registration. A moved declaration that then repeats a live one on
 * the same profile, course and declaration type (both in DUPLICATE_STATES) is voided by the
 * declaration rules (planVoid): clawed back when paid.
 *
 * Pure: the service (lib/participants/duplicates.ts) loads the rows and writes the plan.
 */
import type { DeclarationState } from "@/lib/domain/declaration-states";
import { DUPLICATE_STATES } from "@/lib/declarations/rules/submission-checks";

export type DuplicateReason = "trn" | "email" | "name_school";

export const DUPLICATE_REASONS: readonly DuplicateReason[] = ["trn", "email", "name_school"];

/**
 * A name as the duplicate check compares it: lower case, letters a–z only (spaces, hyphens,
 * apostrophes and full stops dropped). "Mary-Jane O'Neil" and "mary jane oneil" are the same.
 * The SQL form (DUPLICATE_NAME_SQL, the generated column users.name_key of migration
 * 20261206000200_duplicate_indexes) must give the same answer; the unit tests hold them together.
 */
export function normaliseName(name: string): string {
  return name.toLowerCase().replace(/[^a-z]/g, "");
}

/** The SQL expression of normaliseName over a column (`regexp_replace(lower(col), '[^a-z]', '', 'g')`), as the migration stores it. */
export const DUPLICATE_NAME_SQL = (column: string) => `regexp_replace(lower(${column}), '[^a-z]', '', 'g')`;

/** An email address as the duplicate check compares it: trimmed, lower case. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** What the duplicate check looks at for one participant. */
export interface DuplicateFacts {
  fullName: string;
  /** The user's email and their registrations' emails. */
  emails: readonly string[];
  trns: readonly (string | null)[];
  schoolIds: readonly (string | null)[];
}

/** Why two participants look like one person, in DUPLICATE_REASONS order; empty when they do not. */
export function duplicateReasons(a: DuplicateFacts, b: DuplicateFacts): DuplicateReason[] {
  const overlaps = <T>(x: readonly T[], y: readonly T[]) => x.some((v) => y.includes(v));
  const trns = (f: DuplicateFacts) => f.trns.filter((t): t is string => t !== null && t.trim() !== "").map((t) => t.trim());
  const schools = (f: DuplicateFacts) => f.schoolIds.filter((s): s is string => s !== null);
  const reasons: DuplicateReason[] = [];
  if (overlaps(trns(a), trns(b))) reasons.push("trn");
  if (overlaps(a.emails.map(normaliseEmail), b.emails.map(normaliseEmail))) reasons.push("email");
  const nameA = normaliseName(a.fullName);
  if (nameA !== "" && nameA === normaliseName(b.fullName) && overlaps(schools(a), schools(b))) reasons.push("name_school");
  return reasons;
}

// ---------------------------------------------------------------------------
// The merge plan
// ---------------------------------------------------------------------------

export interface MergeProfile {
  id: string;
  type: string;
  identityId: string;
  createdAt: Date;
}

export interface MergeDeclaration {
  id: string;
  profileId: string;
  courseIdentifier: string;
  declarationType: string;
  state: DeclarationState;
  declarationDate: Date;
  createdAt: Date;
}

export interface MergeSide {
  userId: string;
  profiles: readonly MergeProfile[];
  declarations: readonly MergeDeclaration[];
}

export type MergeRefusal = { ok: false; code: "same_participant" };

export interface MergePlan {
  ok: true;
  keptUserId: string;
  retiredUserId: string;
  /** Retired profile id → the kept profile it is folded into (same participant type). */
  foldedProfiles: { from: string; into: string; type: string }[];
  /** Retired profiles that move with their registration, unchanged. */
  movedProfiles: string[];
  /** Every retired declaration, with the profile it ends on. */
  movedDeclarations: { id: string; profileId: string }[];
  /** Moved declarations that would repeat a live one: to void (or claw back), and the one they repeat. */
  duplicates: { id: string; duplicateOf: string }[];
}

const isLive = (state: DeclarationState) => (DUPLICATE_STATES as readonly DeclarationState[]).includes(state);

/** The oldest profile of each type: the one the kept user's declarations of that type are on. */
function profileByType(profiles: readonly MergeProfile[]): Map<string, MergeProfile> {
  const byType = new Map<string, MergeProfile>();
  const ordered = [...profiles].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1));
  for (const profile of ordered) if (!byType.has(profile.type)) byType.set(profile.type, profile);
  return byType;
}

/**
 * What merging `retired` into `kept` does. Among the live declarations for one event (profile,
 * course, declaration type) after the move, the kept user's stays (the earliest of them if there are
 * several); otherwise the earliest (declaration date, then submission, then id). Every other moved
 * live declaration of that event is a duplicate. The kept user's own declarations never change.
 */
export function planMerge(kept: MergeSide, retired: MergeSide): MergePlan | MergeRefusal {
  if (kept.userId === retired.userId) return { ok: false, code: "same_participant" };
  const keptByType = profileByType(kept.profiles);
  const foldedProfiles: MergePlan["foldedProfiles"] = [];
  const movedProfiles: string[] = [];
  const target = new Map<string, string>();
  for (const profile of [...retired.profiles].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const into = keptByType.get(profile.type);
    if (into) {
      foldedProfiles.push({ from: profile.id, into: into.id, type: profile.type });
      target.set(profile.id, into.id);
    } else {
      movedProfiles.push(profile.id);
      target.set(profile.id, profile.id);
    }
  }
  const movedDeclarations = retired.declarations.map((d) => ({ id: d.id, profileId: target.get(d.profileId) ?? d.profileId }));

  type Placed = MergeDeclaration & { fromKept: boolean };
  const events = new Map<string, Placed[]>();
  const place = (d: MergeDeclaration, profileId: string, fromKept: boolean) => {
    if (!isLive(d.state)) return;
    const key = `${profileId}\u0000${d.courseIdentifier}\u0000${d.declarationType}`;
    events.set(key, [...(events.get(key) ?? []), { ...d, profileId, fromKept }]);
  };
  for (const d of kept.declarations) place(d, d.profileId, true);
  for (const d of retired.declarations) place(d, target.get(d.profileId) ?? d.profileId, false);

  const duplicates: MergePlan["duplicates"] = [];
  for (const group of events.values()) {
    if (group.length < 2) continue;
    const ordered = [...group].sort(
      (a, b) =>
        Number(b.fromKept) - Number(a.fromKept) ||
        a.declarationDate.getTime() - b.declarationDate.getTime() ||
        a.createdAt.getTime() - b.createdAt.getTime() ||
        (a.id < b.id ? -1 : 1),
    );
    const [first, ...rest] = ordered as [Placed, ...Placed[]];
    for (const d of rest) if (!d.fromKept) duplicates.push({ id: d.id, duplicateOf: first.id });
  }
  duplicates.sort((a, b) => (a.id < b.id ? -1 : 1));
  return { ok: true, keptUserId: kept.userId, retiredUserId: retired.userId, foldedProfiles, movedProfiles, movedDeclarations, duplicates };
}
