/**
 * Two pairs of eyes on large adjustments. An adjustment whose absolute amount is above the approval
 * limit (ADJUSTMENT_APPROVAL_LIMIT, pounds, default £100,000; read once in
 * lib/statements/approval-limit.ts) is saved awaiting approval: it is not in the statement's
 * figures until an approver who did not add or change it confirms it, and the statement cannot be
 * authorised while it waits. Exactly the limit does not need approval. Pure.
 */
import { Decimal, toDecimal } from "@/lib/engine";

export const DEFAULT_ADJUSTMENT_APPROVAL_LIMIT = "100000";

/** The limit from its setting: pounds, at most 2 decimal places, not negative; unset or blank → the default. Anything else throws. */
export function parseApprovalLimit(raw: string | undefined): Decimal {
  const text = raw?.trim() ? raw.trim() : DEFAULT_ADJUSTMENT_APPROVAL_LIMIT;
  if (!/^\d{1,10}(\.\d{1,2})?$/.test(text)) {
    throw new Error(`ADJUSTMENT_APPROVAL_LIMIT must be an amount in pounds, such as 100000 or 2500.50 (it is "${raw}")`);
  }
  return toDecimal(text);
}

/** Whether an adjustment of this amount waits for an approver's confirmation: |amount| > limit. */
export function needsApproval(amount: Decimal | string, limit: Decimal): boolean {
  return toDecimal(amount.toString()).abs().greaterThan(limit);
}

export type ConfirmAdjustmentRefusal = "not_approver" | "not_awaiting_approval" | "confirmer_made_it";

/**
 * Whether this user may confirm the adjustment: an approver, the adjustment still awaiting
 * approval, and the user not among those who added or changed it (from the audit trail).
 */
export function confirmAdjustmentRefusal(input: {
  isApprover: boolean;
  awaitingApproval: boolean;
  userId: string;
  madeBy: readonly string[];
}): ConfirmAdjustmentRefusal | null {
  if (!input.isApprover) return "not_approver";
  if (!input.awaitingApproval) return "not_awaiting_approval";
  if (input.madeBy.includes(input.userId)) return "confirmer_made_it";
  return null;
}
