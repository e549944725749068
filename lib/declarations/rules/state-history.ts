// A declaration's state history (submitted → eligible → payable → paid → awaiting clawback →
// clawed back, or → voided), for the participant drill-down. Pure: it reads the declaration, its
// statement line items and the audit entries already loaded.
//
// Where each step comes from:
// - submitted / eligible / ineligible on submission: the declaration's `declaration.submit` audit
//   entry (its `after.state`); without one (declarations loaded by the demo seed), the declaration's
//   created time and lead provider, and — when its first line item was created at that same moment —
//   the line item's state on entry (eligible, or ineligible) instead of "submitted".
// - eligible / ineligible later: each `declaration.eligibility` audit entry (who decided, the reason);
//   without one, the creation time of the declaration's first line item (when it went on a statement).
// - payable and paid are not audited per declaration: a statement's transition moves all its line
//   items at once (lib/statements/transitions.ts moveLineItems) and writes ONE audit entry for the
//   statement (`statement.mark_payable`, `statement.authorise`). The declaration reached "payable"
//   when its line item is payable or paid (or it was voided or clawed back from there), at that
//   statement's `statement.mark_payable` entry; "paid" at its `statement.authorise` entry (else the
//   statement's marked-as-paid time and user).
// - voided / awaiting clawback: the `declaration.void` or `declaration.void_paid` entry (who, when,
//   the reason); without one, the declaration's voided_at and voided_by.
// - clawed back: the clawback line item's statement's `statement.authorise` entry, as for paid.
import type { DeclarationState } from "@/lib/domain/declaration-states";

/** An audit entry about this declaration. */
export type HistoryAuditEntry = {
  action: string;
  occurredAt: Date;
  actorLabel: string;
  reason: string | null;
  beforeState: DeclarationState | null;
  afterState: DeclarationState | null;
};

/** When and by whom a statement moved: from its audit entry, or its own columns. */
export type HistoryEvent = { at: Date; by: string };

export type HistoryStatement = {
  id: string;
  name: string;
  /** The statement's `statement.mark_payable` audit entry. */
  markedPayable: HistoryEvent | null;
  /** The statement's `statement.authorise` audit entry, else its marked_as_paid_at and _by. */
  paid: HistoryEvent | null;
};

export type HistoryLineItem = { state: DeclarationState; createdAt: Date; refundable: boolean; statement: HistoryStatement };

export type HistoryDeclaration = {
  state: DeclarationState;
  createdAt: Date;
  leadProviderName: string;
  ineligibleForFundingReason: string | null;
  voidedAt: Date | null;
  voidedBy: string | null;
  /** Oldest first. */
  lineItems: HistoryLineItem[];
  /** This declaration's audit entries, any order. */
  audit: HistoryAuditEntry[];
};

/** Where a step was read from: the declaration's own audit entry, its statement's, or the declaration's columns. */
export type HistorySource = "declaration_audit" | "statement_audit" | "record";

export type StateChange = {
  state: DeclarationState;
  /** Null when nothing recorded when (a statement made payable before it was audited). */
  at: Date | null;
  by: string | null;
  reason: string | null;
  source: HistorySource;
  statementName: string | null;
};

const VOID_ACTIONS = new Set(["declaration.void", "declaration.void_paid"]);

/** The declaration's state changes, oldest first. */
export function declarationStateHistory(declaration: HistoryDeclaration): StateChange[] {
  const audit = [...declaration.audit].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
  const original = declaration.lineItems.find((li) => !li.refundable) ?? null;
  const clawback = declaration.lineItems.find((li) => li.refundable) ?? null;
  const rows: StateChange[] = [];
  const fromAudit = (entry: HistoryAuditEntry, state: DeclarationState, statementName: string | null = null): StateChange => ({
    state,
    at: entry.occurredAt,
    by: entry.actorLabel,
    reason: entry.reason,
    source: "declaration_audit",
    statementName,
  });

  // On entry to a statement the line item was eligible or ineligible; it may have moved on since.
  const entryState: DeclarationState =
    original && (original.state === "ineligible" || (original.state === "voided" && declaration.ineligibleForFundingReason !== null)) ? "ineligible" : "eligible";
  const eligibility = audit.filter((e) => e.action === "declaration.eligibility" && e.afterState);
  const submit = audit.find((e) => e.action === "declaration.submit");
  if (submit) {
    rows.push(fromAudit(submit, submit.afterState ?? "submitted", submit.afterState && submit.afterState !== "submitted" ? (original?.statement.name ?? null) : null));
  } else {
    const enteredAtOnce = original !== null && eligibility.length === 0 && original.createdAt.getTime() === declaration.createdAt.getTime();
    rows.push({
      state: enteredAtOnce ? entryState : "submitted",
      at: declaration.createdAt,
      by: declaration.leadProviderName,
      reason: null,
      source: "record",
      statementName: enteredAtOnce ? (original?.statement.name ?? null) : null,
    });
  }
  for (const entry of eligibility) rows.push(fromAudit(entry, entry.afterState as DeclarationState, original?.statement.name ?? null));
  if (original && !rows.some((r) => r.state === "eligible" || r.state === "ineligible")) {
    rows.push({ state: entryState, at: original.createdAt, by: null, reason: null, source: "record", statementName: original.statement.name });
  }

  const voids = audit.filter((e) => VOID_ACTIONS.has(e.action));
  const voidedFrom = voids[0]?.beforeState ?? null;
  const refundable = declaration.state === "awaiting_clawback" || declaration.state === "clawed_back";
  if (original) {
    const reachedPaid = original.state === "paid" || refundable || voidedFrom === "paid";
    const reachedPayable = reachedPaid || original.state === "payable" || voidedFrom === "payable";
    const statement = original.statement;
    if (reachedPayable) {
      rows.push({
        state: "payable",
        at: statement.markedPayable?.at ?? null,
        by: statement.markedPayable?.by ?? null,
        reason: null,
        source: "statement_audit",
        statementName: statement.name,
      });
    }
    if (reachedPaid) {
      rows.push({ state: "paid", at: statement.paid?.at ?? null, by: statement.paid?.by ?? null, reason: null, source: "statement_audit", statementName: statement.name });
    }
  }

  if (voids.length > 0) {
    for (const entry of voids) rows.push(fromAudit(entry, entry.afterState ?? (entry.action === "declaration.void" ? "voided" : "awaiting_clawback"), clawback?.statement.name ?? null));
  } else if (declaration.voidedAt) {
    rows.push({
      state: declaration.state === "voided" ? "voided" : "awaiting_clawback",
      at: declaration.voidedAt,
      by: declaration.voidedBy,
      reason: null,
      source: "record",
      statementName: declaration.state === "voided" ? null : (clawback?.statement.name ?? null),
    });
  }

  if (clawback && clawback.state === "clawed_back") {
    const statement = clawback.statement;
    rows.push({ state: "clawed_back", at: statement.paid?.at ?? null, by: statement.paid?.by ?? null, reason: null, source: "statement_audit", statementName: statement.name });
  }
  return rows;
}
