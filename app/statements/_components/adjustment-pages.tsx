// Shared pieces of the adjustment pages: loading the statement (and adjustment) from the URL, the
// page shown instead of a form when the statement cannot be adjusted, and the check-your-answers
// page of an adjustment being added or changed.
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { PageShell, SummaryList, WarningText } from "@/components/govuk";
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
import type { FormState } from "@/lib/forms/form-state";
import { pageTitle } from "@/lib/format/page-title";
import { adjustmentRefusalMessage, type AdjustmentAction } from "./adjustment-copy";
import { ConfirmForm } from "./confirm-form";
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

/**
 * Check your answers for an adjustment being added or changed: its name and amount (each with a
 * link back to the form), the approval notice, `children` (what confirming does), and the button,
 * which sends the checked name and amount with `hidden` (the add's token, the change's version).
 */
export function AdjustmentCheck({
  context,
  title,
  formHref,
  checked,
  hidden,
  action,
  submitLabel,
  children,
}: {
  context: AdjustmentPageContext;
  title: string;
  /** The form, filled in with what is being checked. */
  formHref: string;
  checked: { name: string; amount: string };
  hidden: Record<string, string>;
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  submitLabel: string;
  children: ReactNode;
}) {
  const { name, amount } = checked;
  return (
    <PageShell backLink={{ href: formHref }}>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ConfirmForm action={action} hidden={{ name, amount, ...hidden }} submitLabel={submitLabel} cancelHref={statementPath(context.statementId)} title={pageTitle(title)}>
            <span className="govuk-caption-l">{statementCaption(context.header)}</span>
            <h1 className="govuk-heading-l">{title}</h1>
            <SummaryList
              rows={[
                { key: "Name", value: name, actions: [{ href: formHref, text: "Change", visuallyHiddenText: "name" }] },
                { key: "Amount", value: formatMoneyForDisplay(amount), actions: [{ href: formHref, text: "Change", visuallyHiddenText: "amount" }] },
              ]}
            />
            <ApprovalNotice amount={amount} />
            {children}
          </ConfirmForm>
        </div>
      </div>
    </PageShell>
  );
}
