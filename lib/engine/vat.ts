/**
 * VAT.
 *
 * VAT is 20% of a total when the lead provider is VAT-chargeable, otherwise 0.
 */
import { Decimal, ZERO } from "./money";

export const VAT_RATE: Decimal = new Decimal("0.2");

export function calculateVat(total: Decimal, vatChargeable: boolean): Decimal {
  return vatChargeable ? new Decimal(total).times(VAT_RATE) : ZERO;
}
