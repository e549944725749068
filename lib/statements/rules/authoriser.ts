/**
 * Who may authorise a statement for payment (on top of DfE's authorise rule,
 * lib/declarations/rules/statement-transitions.ts): two pairs of eyes. Only an approver; not one
 * who added, changed or removed an adjustment on this statement (the audit trail says who); and
 * not while any adjustment on it awaits an approver's confirmation (rules/adjustment-approval.ts).
 * The statement page, the authorise page and the authorise transaction all ask it. Pure.
 */
import { refuse, type Refusal } from "@/lib/declarations/rules/result";

export type AuthoriserRefusalReason = "not_approver" | "adjusted_this_statement" | "adjustments_awaiting_approval";

export type AuthoriserFacts = {
  /** The user holds the approver role. */
  isApprover: boolean;
  /** The audit trail has an adjustment added, changed or removed on this statement by this user. */
  adjustedThisStatement: boolean;
  /** Adjustments on this statement still awaiting an approver's confirmation. */
  adjustmentsAwaitingApproval: number;
};

export function authoriserRefusal(facts: AuthoriserFacts): Refusal<AuthoriserRefusalReason> | null {
  if (!facts.isApprover) {
    return refuse("not_approver", "Only an approver can authorise a statement for payment. Ask an approver to check and authorise it.");
  }
  if (facts.adjustedThisStatement) {
    return refuse(
      "adjusted_this_statement",
      "You cannot authorise this statement because you added, changed or removed one of its adjustments. Another approver must check and authorise it.",
    );
  }
  if (facts.adjustmentsAwaitingApproval > 0) {
    const count = facts.adjustmentsAwaitingApproval;
    return refuse(
      "adjustments_awaiting_approval",
      `This statement cannot be authorised while ${count === 1 ? "1 adjustment awaits" : `${count} adjustments await`} an approver's confirmation.`,
    );
  }
  return null;
}
