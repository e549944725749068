// Why DfE found a participant not eligible for funding: the values of the API's
// `ineligible_for_funding_reason` in DfE's published v3 contract.
import { oneOf } from "./one-of";

export const INELIGIBILITY_REASONS = ["duplicate_declaration", "no_induction", "previous_induction", "previous_participation"] as const;

export type IneligibilityReason = (typeof INELIGIBILITY_REASONS)[number];

export const isIneligibilityReason = oneOf(INELIGIBILITY_REASONS);
