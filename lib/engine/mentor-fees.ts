/**
 * Mentor fees (cohorts with mentor funding).
 *
 * Source: payment-engine.md, "Breakdown of fees for Mentors". Mentors are paid
 * only through output fees, without bands: 50% of the mentor contract's payment per
 * participant when a mentor starts, 50% when they complete (£1,000 → £500 + £500).
 * Mentors cannot declare other types; should such a line item reach a statement,
 * its fee is 0. No service fee and no uplift.
 */
import type { DeclarationType } from "@/lib/domain/declaration-types";
import { Decimal, ZERO } from "./money";

export const MENTOR_SHARE_PERCENT: Readonly<Partial<Record<DeclarationType, number>>> = {
  started: 50,
  completed: 50,
};

export function mentorFeePerDeclaration(declarationType: DeclarationType, paymentPerParticipant: Decimal): Decimal {
  const share = MENTOR_SHARE_PERCENT[declarationType];
  return share === undefined ? ZERO : new Decimal(share).div(100).times(paymentPerParticipant);
}
