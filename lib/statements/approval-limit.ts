// The approval limit for adjustments (rules/adjustment-approval.ts): ADJUSTMENT_APPROVAL_LIMIT, in
// pounds, default £100,000. Read and parsed here only, once per process; a bad value throws the
// first time an adjustment is written or shown, rather than being ignored.
import type { Decimal } from "@/lib/engine";
import { parseApprovalLimit } from "./rules/adjustment-approval";

let limit: Decimal | undefined;

export function adjustmentApprovalLimit(): Decimal {
  limit ??= parseApprovalLimit(process.env.ADJUSTMENT_APPROVAL_LIMIT);
  return limit;
}
