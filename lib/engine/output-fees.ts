/**
 * Output fee per declaration, per band.
 *
 * Source: payment-engine.md, "Breakdown of fees for ECTs". Fee = the declaration
 * type's share × the band's price per participant × the band's output payment
 * percentage / 100. With a £1,000 band and 60% output: started £120, each retained
 * £90, completed £120, each extended £90.
 *
 * A statement's output payment is Σ additions × fee over types and bands; its
 * clawbacks are −Σ subtractions × fee of the band where each subtraction lands.
 */
import { OUTPUT_SHARE_PERCENT, type DeclarationType } from "@/lib/domain/declaration-types";
import type { ContractBand } from "./bands";
import { Decimal } from "./money";

export function outputFeePerDeclaration(
  declarationType: DeclarationType,
  band: Pick<ContractBand, "perParticipant" | "outputPaymentPercentage">,
): Decimal {
  return new Decimal(OUTPUT_SHARE_PERCENT[declarationType])
    .div(100)
    .times(band.perParticipant)
    .times(band.outputPaymentPercentage)
    .div(100);
}
