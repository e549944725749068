// What the void page and its action tell a finance user when a declaration cannot be voided: the
// void rules' refusal codes (lib/declarations/rules/voiding.ts) in the page's words.
import type { VoidRefusal } from "@/lib/declarations/rules/voiding";

export function voidRefusalCopy(refusal: VoidRefusal | { code: "not_found" }): string {
  switch (refusal.code) {
    case "cohort_frozen":
      return `You cannot submit or void declarations for the ${refusal.cohortStartYear} cohort. The funding contract for this cohort has ended. Get in touch if you need to discuss this with us`;
    case "already_voided":
    case "awaiting_clawback":
      return "This declaration has already been voided.";
    case "clawed_back":
      return "This declaration has been clawed-back, so you can only view it.";
    case "state_changed":
      return "This declaration has changed since you opened this page. Check its details and try again.";
    case "no_clawback_statement":
      return `There is no open output statement for the ${refusal.cohortStartYear} cohort to claw this payment back on, so this declaration cannot be voided.`;
    case "not_found":
      return "There is no declaration with this ID.";
  }
}
