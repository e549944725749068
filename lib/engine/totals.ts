/**
 * Statement totals.
 *
 * Source: payment-engine.md, "Contract manager logging in and viewing the
 * bandings" (service fee, output payments, additional adjustments, clawbacks).
 *
 *   total        = service fee + output payment + uplift fees
 *                  + clawbacks (band clawbacks + uplift clawbacks, both ≤ 0)
 *                  + additional adjustments (signed) + reconcile amount (signed)
 *   VAT          = 20% of total when the provider is VAT-chargeable, else 0
 *   totalWithVat = total + VAT
 */
import { sumMoney, type Decimal } from "./money";
import { calculateVat } from "./vat";

export interface TotalParts {
  serviceFee: Decimal;
  outputPayment: Decimal;
  upliftFees: Decimal;
  clawbacks: Decimal;
  upliftClawbacks: Decimal;
  additionalAdjustments: Decimal;
  reconcileAmount: Decimal;
}

export interface Totals {
  total: Decimal;
  vat: Decimal;
  totalWithVat: Decimal;
}

export function withVat(total: Decimal, vatChargeable: boolean): Totals {
  const vat = calculateVat(total, vatChargeable);
  return { total, vat, totalWithVat: total.plus(vat) };
}

export function statementTotal(parts: TotalParts): Decimal {
  return sumMoney([
    parts.serviceFee,
    parts.outputPayment,
    parts.upliftFees,
    parts.clawbacks,
    parts.upliftClawbacks,
    parts.additionalAdjustments,
    parts.reconcileAmount,
  ]);
}

/** Adds up the ECT and mentor sides of a statement (each already with its own VAT). */
export function combineTotals(sides: readonly Totals[]): Totals {
  return {
    total: sumMoney(sides.map((side) => side.total)),
    vat: sumMoney(sides.map((side) => side.vat)),
    totalWithVat: sumMoney(sides.map((side) => side.totalWithVat)),
  };
}
