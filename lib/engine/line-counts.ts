/**
 * Counting a statement's line items.
 *
 * Source: definitions-and-states.md, "Declaration states". Line items in a billable
 * state (eligible, payable, paid) count towards payments; line items in a
 * refundable state (awaiting_clawback, clawed_back) count towards clawbacks;
 * submitted, ineligible and voided line items count for nothing.
 */
import type { DeclarationState } from "@/lib/domain/declaration-states";
import { isBillable, isRefundable } from "@/lib/domain/declaration-states";
import type { DeclarationType } from "@/lib/domain/declaration-types";
import type { ParticipantType } from "@/lib/domain/participant-types";

/** Aggregated line items: `count` line items sharing these attributes. */
export interface LineCount {
  declarationType: DeclarationType;
  participantType: ParticipantType;
  state: DeclarationState;
  /** True when the participant attracts the uplift (sparsity or pupil premium; count once). */
  uplift: boolean;
  count: number;
}

export type LineFilter = (line: LineCount) => boolean;

export function countBillable(lines: readonly LineCount[], filter: LineFilter): number {
  return lines.reduce((n, line) => (isBillable(line.state) && filter(line) ? n + line.count : n), 0);
}

export function countRefundable(lines: readonly LineCount[], filter: LineFilter): number {
  return lines.reduce((n, line) => (isRefundable(line.state) && filter(line) ? n + line.count : n), 0);
}
