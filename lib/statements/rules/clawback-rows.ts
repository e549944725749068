/**
 * The money of a statement's clawbacks table: what each clawed-back declaration takes back, and the
 * total. Pure: from the engine's result for one statement, nothing else.
 *
 * Source: payment-engine.md. One row per declaration type and band with subtractions, at that
 * band's output fee (share % × the band's price per participant × output payment %); then, in
 * cohorts that fund mentors separately, one row per declaration type of mentor clawbacks (the
 * mentor fee, e.g. £500 of £1,000 for started); then one row of uplift clawbacks at the contract's
 * uplift amount. The total is the engine's band, mentor and uplift clawbacks added up, so the rows
 * and the total cannot disagree with the statement's total.
 */
import { DECLARATION_TYPES, type DeclarationType } from "@/lib/domain/declaration-types";
import { sumMoney, toMoneyString, type Decimal, type StatementResult } from "@/lib/engine";

export type ClawbackAmount = {
  kind: "output" | "mentor" | "uplift";
  declarationType: DeclarationType;
  /** Band letter for banded (ECT or pooled) clawbacks. */
  band: string | null;
  count: number;
  /** Negative: the fee taken back per declaration. */
  fee: string;
  /** Negative: count × fee. */
  amount: string;
};

export function clawbackAmounts(result: StatementResult, upliftAmount: Decimal | null): { rows: ClawbackAmount[]; total: string } {
  const rows: ClawbackAmount[] = [];
  for (const type of DECLARATION_TYPES) {
    for (const band of result.ect.outputs[type].bands) {
      if (band.subtractions === 0) continue;
      rows.push({
        kind: "output",
        declarationType: type,
        band: band.letter,
        count: band.subtractions,
        fee: toMoneyString(band.feePerDeclaration.neg()),
        amount: toMoneyString(band.feePerDeclaration.times(band.subtractions).neg()),
      });
    }
  }
  if (result.mentor) {
    for (const type of DECLARATION_TYPES) {
      const output = result.mentor.outputs[type];
      if (output.subtractions === 0) continue;
      rows.push({
        kind: "mentor",
        declarationType: type,
        band: null,
        count: output.subtractions,
        fee: toMoneyString(output.feePerDeclaration.neg()),
        amount: toMoneyString(output.clawbacks),
      });
    }
  }
  if (result.ect.upliftClawbackCount > 0 && upliftAmount !== null) {
    rows.push({
      kind: "uplift",
      declarationType: "started",
      band: null,
      count: result.ect.upliftClawbackCount,
      fee: toMoneyString(upliftAmount.neg()),
      amount: toMoneyString(result.ect.upliftClawbacks),
    });
  }
  const total = sumMoney([result.ect.clawbacks, result.ect.upliftClawbacks, ...(result.mentor ? [result.mentor.clawbacks] : [])]);
  return { rows, total: toMoneyString(total) };
}
