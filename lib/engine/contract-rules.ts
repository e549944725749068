/**
 * What a contract may hold, by cohort (the payment calendar reference, section 5): from the 2025
 * cohort (mentor funding) contracts have no uplift amount and at most three ECT bands (A–C).
 * The calculator command and the seeds refuse a contract that breaks them.
 */
import type { Decimal } from "./money";

export const MAX_ECT_BANDS_WITH_MENTOR_FUNDING = 3;

export interface ContractProblem {
  field: "upliftAmount" | "bands";
  message: string;
}

export function contractProblems(contract: { mentorFunding: boolean; upliftAmount: Decimal | null; bands: readonly unknown[] }): ContractProblem[] {
  const problems: ContractProblem[] = [];
  if (!contract.mentorFunding) return problems;
  if (contract.upliftAmount !== null) {
    problems.push({ field: "upliftAmount", message: "must be null when contract.mentorFunding is true (no uplift from the 2025 cohort)" });
  }
  if (contract.bands.length > MAX_ECT_BANDS_WITH_MENTOR_FUNDING) {
    problems.push({ field: "bands", message: `at most ${MAX_ECT_BANDS_WITH_MENTOR_FUNDING} ECT bands (A–C) when contract.mentorFunding is true` });
  }
  return problems;
}
