/**
 * What the approver checked: the authorise page carries a fingerprint of the statement's figures
 * (the engine's result for it and its adjustments, awaiting approval or not) and its total with VAT.
 * The authorise transaction works them out again with the statement row locked and refuses when
 * either differs ("The statement changed since you checked it"), so an adjustment or an API void
 * between viewing and clicking cannot change what is authorised. Pure.
 */
import { createHash } from "node:crypto";
import type { StatementJson } from "@/lib/engine";

export const FIGURES_CHANGED_MESSAGE = "The statement changed since you checked it";

export type StatementFigures = {
  /** sha256 (hex) of the figures in a canonical form. */
  fingerprint: string;
  total: string;
  vat: string;
  totalWithVat: string;
};

export type FiguresSource = {
  result: StatementJson;
  adjustments: readonly { id: string; name: string; amount: string; awaitingApproval?: boolean }[];
};

/** JSON with object keys sorted, so the same figures always give the same text. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

export function statementFigures(source: FiguresSource): StatementFigures {
  const adjustments = source.adjustments.map((a) => ({ id: a.id, name: a.name, amount: a.amount, awaitingApproval: a.awaitingApproval ?? false }));
  const fingerprint = createHash("sha256").update(canonical({ result: source.result, adjustments })).digest("hex");
  return { fingerprint, total: source.result.total, vat: source.result.vat, totalWithVat: source.result.totalWithVat };
}

/** Whether the figures now are the ones the user checked (fingerprint and total with VAT both). */
export function sameFigures(checked: { fingerprint: string; totalWithVat: string }, now: StatementFigures): boolean {
  return checked.fingerprint === now.fingerprint && checked.totalWithVat === now.totalWithVat;
}
