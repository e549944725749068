import type { StatementForSelection } from "@/lib/declarations/rules/lifecycle";

export const utc = (iso: string): Date => new Date(iso);

export function outputStatement(
  id: string,
  deadline: string,
  payment: string,
  extra: Partial<StatementForSelection> = {},
): StatementForSelection {
  return {
    id,
    status: "open",
    outputFee: true,
    deadlineDate: utc(`${deadline}T00:00:00Z`),
    paymentDate: utc(`${payment}T00:00:00Z`),
    ...extra,
  };
}

export const FROZEN_2021 =
  "You cannot submit or void declarations for the 2021 cohort. The funding contract for this cohort has ended. Get in touch if you need to discuss this with us";
