// Shared pieces of the adjustment pages: loading the statement (and adjustment) from the URL, and
// the page shown instead of a form when the statement cannot be adjusted.
import { notFound } from "next/navigation";
import { PageShell, WarningText } from "@/components/govuk";
import type { Role } from "@/lib/auth/guard";
import { pathId, requireResource } from "@/lib/auth/resource";
import type { StaffIdentity } from "@/lib/auth/staff";
import { getPrisma } from "@/lib/db/client";
import { findAdjustment, type AdjustmentRecord } from "@/lib/statements/adjustments";
import { findStatementHeader, type StatementHeader } from "@/lib/statements/queries";
import { adjustmentApprovalLimit } from "@/lib/statements/approval-limit";
import { needsApproval } from "@/lib/statements/rules/adjustment-approval";
import { adjustmentRefusal } from "@/lib/statements/rules/adjustment-refusal";
import { formatMoneyForDisplay } from "@/lib/format/money";
import { adjustmentRefusalMessage, type AdjustmentAction } from "./adjustment-copy";
import { StatementHeading } from "./statement-heading";
import { statementPath } from "./paths";

export type AdjustmentPageContext = {
  user: StaffIdentity;
  statementId: string;
  header: StatementHeader;
  refusal: string | null;
};

/** The statement from the URL (404 for a malformed or unknown id), after the role check (finance; approver to confirm). */
export async function adjustmentPageContext(
  rawStatementId: string,
  returnTo: string,
  action: AdjustmentAction,
  role: Role = "finance",
): Promise<AdjustmentPageContext> {
  const { user, data: header } = await requireResource(role, returnTo, [rawStatementId], findStatementHeader);
  const refusal = adjustmentRefusal(header);
  return { user, statementId: header.id, header, refusal: refusal ? adjustmentRefusalMessage(refusal, action) : null };
}

/** The adjustment from the URL, on this statement (404 otherwise). */
export async function adjustmentFromUrl(statementId: string, rawAdjustmentId: string): Promise<AdjustmentRecord> {
  const adjustmentId = pathId(rawAdjustmentId);
  const adjustment = adjustmentId ? await findAdjustment(await getPrisma(), statementId, adjustmentId) : null;
  if (!adjustment) notFound();
  return adjustment;
}

export function AdjustmentRefused({ context, title }: { context: AdjustmentPageContext; title: string }) {
  const { header } = context;
  return (
    <PageShell backLink={{ href: statementPath(context.statementId), text: "Back to the statement" }}>
      <StatementHeading providerName={header.leadProvider.name} cohortYear={header.cohort.startYear} title={title} />
      <p className="govuk-body">{context.refusal}</p>
      <p className="govuk-body">
        <a className="govuk-link" href={statementPath(context.statementId)}>
          Go back to the {header.name} statement
        </a>
      </p>
    </PageShell>
  );
}

/** A query string value, trimmed to a sane length (it only pre-fills a form). */
export function queryValue(value: string | string[] | undefined, max = 200): string {
  const text = Array.isArray(value) ? value[0] : value;
  return (text ?? "").slice(0, max);
}

export function statementCaption(header: StatementHeader): string {
  return `${header.leadProvider.name}, ${header.cohort.startYear} cohort, ${header.name} statement`;
}

/** On the check pages: an amount above the approval limit waits for an approver before it counts. */
export function ApprovalNotice({ amount }: { amount: string }) {
  const limit = adjustmentApprovalLimit();
  if (!needsApproval(amount, limit)) return null;
  return (
    <WarningText>
      This adjustment is more than {formatMoneyForDisplay(limit.toFixed(2))}, so it will not count in the statement&apos;s figures
      until an approver who did not add or change it confirms it. The statement cannot be authorised until then.
    </WarningText>
  );
}
