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
