// The duplicate records pages' words: why two records look alike, and the merge's refusals.
import type { DuplicateOutcome, MergeOutcome } from "@/lib/participants/duplicates";
import type { DuplicateReason } from "@/lib/participants/rules/duplicates";

export const REASON_LABELS: Record<DuplicateReason, string> = {
  trn: "Same TRN",
  email: "Same email address",
  name_school: "Same name at the same school",
};

export function reasonsText(reasons: readonly DuplicateReason[]): string {
  return reasons.length > 0 ? reasons.map((r) => REASON_LABELS[r]).join(", ") : "No match: these records do not look alike";
}

/** Why voiding a duplicate declaration is refused (planVoid's codes), for people. */
export function voidRefusalText(code: string, cohortStartYear?: number): string {
  const cohort = cohortStartYear === undefined ? "this cohort" : `the ${cohortStartYear} cohort`;
  switch (code) {
    case "cohort_frozen":
      return `Payments for ${cohort} are frozen, so its declarations cannot be voided.`;
    case "no_clawback_statement":
      return `There is no open output statement for ${cohort} to claw this declaration back on.`;
    case "state_changed":
      return "This declaration has changed since you opened this page.";
    default:
      return "This declaration cannot be voided.";
  }
}

export function duplicateOutcomeText(outcome: DuplicateOutcome): string {
  if (outcome.kind === "refused") return `Cannot be voided: ${voidRefusalText(outcome.code, outcome.cohortStartYear)}`;
  if (outcome.kind === "void") return "Voided";
  return outcome.statement ? `Clawed back on the ${outcome.statement.name} statement` : "Clawed back";
}

export function mergeRefusalCopy(outcome: Extract<MergeOutcome, { ok: false }>): string {
  switch (outcome.code) {
    case "not_found":
      return "One of these records no longer exists. It may have been merged already.";
    case "same_participant":
      return "Choose two different records to merge.";
    case "duplicate_not_voided":
      return `These records cannot be merged: a declaration that would become a duplicate cannot be voided. ${voidRefusalText(outcome.voidCode, outcome.cohortStartYear)}`;
  }
}
