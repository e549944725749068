import type { Metadata } from "next";
import { PageShell, SummaryList, WarningText } from "@/components/govuk";
import { getPrisma } from "@/lib/db/client";
import { adjustmentMadeBy } from "@/lib/statements/adjustments";
import { adjustmentApprovalLimit } from "@/lib/statements/approval-limit";
import { confirmAdjustmentRefusal } from "@/lib/statements/rules/adjustment-approval";
import { formatUkDateTime } from "@/lib/format/dates";
import { formatMoneyForDisplay } from "@/lib/format/money";
import { pageTitle } from "@/lib/format/page-title";
import { adjustmentRefusalMessage } from "../../../../_components/adjustment-copy";
import { AdjustmentRefused, adjustmentFromUrl, adjustmentPageContext, statementCaption } from "../../../../_components/adjustment-pages";
import { ConfirmForm } from "../../../../_components/confirm-form";
import { confirmAdjustmentPath, statementPath } from "../../../../_components/paths";
import { confirmAdjustmentApproval } from "../../actions";

const TITLE = "Check the adjustment before confirming it";
export const metadata: Metadata = { title: "Confirm an adjustment" };

type Props = { params: Promise<{ statementId: string; adjustmentId: string }> };

/**
 * An approver confirms an adjustment above the approval limit, so that it counts in the statement's
 * figures: check your answers, then one button. Approvers only; not one who added or changed it
 * (lib/statements/rules/adjustment-approval.ts, checked again in the transaction).
 */
export default async function ConfirmAdjustmentPage({ params }: Props) {
  const { statementId, adjustmentId } = await params;
  const context = await adjustmentPageContext(statementId, confirmAdjustmentPath(statementId, adjustmentId), "confirm", "approver");
  if (context.refusal) return <AdjustmentRefused context={context} title="Confirm an adjustment" />;
  const id = context.statementId;
  const adjustment = await adjustmentFromUrl(id, adjustmentId);
  const makers = await adjustmentMadeBy(await getPrisma(), adjustment.id);
  const refusal = confirmAdjustmentRefusal({
    isApprover: true,
    awaitingApproval: adjustment.awaitingApproval,
    userId: context.user.id,
    madeBy: makers.map((maker) => maker.userId),
  });
  if (refusal) return <AdjustmentRefused context={{ ...context, refusal: adjustmentRefusalMessage(refusal, "confirm") }} title="Confirm an adjustment" />;
  const added = makers.find((maker) => maker.action === "adjustment.create");
  const changed = makers.filter((maker) => maker.action === "adjustment.change").at(-1);
  const limit = formatMoneyForDisplay(adjustmentApprovalLimit().toFixed(2));
  return (
    <PageShell backLink={{ href: statementPath(id), text: "Back to the statement" }}>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ConfirmForm
            action={confirmAdjustmentApproval.bind(null, id, adjustment.id)}
            hidden={{ version: adjustment.updatedAt.toISOString() }}
            submitLabel="Confirm adjustment"
            cancelHref={statementPath(id)}
            title={pageTitle("Confirm an adjustment")}
          >
            <span className="govuk-caption-l">{statementCaption(context.header)}</span>
            <h1 className="govuk-heading-l">{TITLE}</h1>
            <SummaryList
              rows={[
                { key: "Name", value: adjustment.name },
                { key: "Amount", value: formatMoneyForDisplay(adjustment.amount.toFixed(2)) },
                { key: "Added by", value: added ? `${added.label}, ${formatUkDateTime(added.at)}` : "Not recorded" },
                changed ? { key: "Last changed by", value: `${changed.label}, ${formatUkDateTime(changed.at)}` } : null,
              ]}
            />
            <p className="govuk-body">
              This adjustment is more than {limit}, so it does not count in the statement&apos;s figures until an approver who did not
              add or change it confirms it. The statement cannot be authorised for payment until then.
            </p>
            <WarningText>Once you confirm it, the adjustment counts in the statement&apos;s total. Your confirmation is recorded in the audit trail.</WarningText>
          </ConfirmForm>
        </div>
      </div>
    </PageShell>
  );
}
