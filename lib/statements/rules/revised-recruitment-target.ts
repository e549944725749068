/**
 * The revised recruitment target of a call-off contract: the most participants the contract pays
 * for. DfE sets it at 150% of the recruitment target unless the contract says otherwise.
 * Decision (docs/statements.md, "Revised recruitment target"): 150% is rounded down to a whole
 * participant, so the default never pays for more than 150%. A contract's own value, when set,
 * is used as it is.
 */
export const REVISED_RECRUITMENT_TARGET_PERCENTAGE = 150;

export function revisedRecruitmentTarget(recruitmentTarget: number, contractValue: number | null | undefined): number {
  if (contractValue !== null && contractValue !== undefined) return contractValue;
  // Integer arithmetic: no floating-point surprise at the rounding.
  return Math.floor((recruitmentTarget * REVISED_RECRUITMENT_TARGET_PERCENTAGE) / 100);
}
