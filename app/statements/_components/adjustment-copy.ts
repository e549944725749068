// What the adjustment pages say when a statement's adjustments cannot be changed: the service's
// refusal codes (lib/statements/adjustments.ts) in GOV.UK words.
import type { AdjustmentRefusalCode } from "@/lib/statements/adjustments";

export type AdjustmentAction = "add" | "change" | "remove" | "confirm";

const VERB: Readonly<Record<AdjustmentAction, string>> = {
  add: "add an adjustment to it",
  change: "change its adjustments",
  remove: "remove its adjustments",
  confirm: "confirm its adjustments",
};

export function adjustmentRefusalMessage(code: AdjustmentRefusalCode, action: AdjustmentAction): string {
  switch (code) {
    case "statement_paid":
      return `This statement has been authorised for payment, so you cannot ${VERB[action]}.`;
    case "not_output_statement":
      return `This statement pays the service fee only, so you cannot ${VERB[action]}. Adjustments go on output statements.`;
    case "statement_not_found":
      return "There is no statement with this ID.";
    case "adjustment_not_found":
      return "This adjustment is not on this statement. It may have been removed.";
    case "adjustment_changed":
      return "This adjustment has been changed since you opened this page. Go back to the statement, check it and try again.";
    case "not_approver":
      return "Only an approver can confirm an adjustment above the approval limit.";
    case "not_awaiting_approval":
      return "This adjustment does not need an approver's confirmation: it already counts in the statement's figures.";
    case "confirmer_made_it":
      return "You cannot confirm this adjustment because you added or changed it. Another approver must confirm it.";
  }
}
