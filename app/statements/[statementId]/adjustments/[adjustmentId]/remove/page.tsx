import type { Metadata } from "next";
import { PageShell, SummaryList } from "@/components/govuk";
import { formatMoneyForDisplay } from "@/lib/format/money";
import { pageTitle } from "@/lib/format/page-title";
import { AdjustmentRefused, adjustmentFromUrl, adjustmentPageContext, statementCaption } from "../../../../_components/adjustment-pages";
import { ConfirmForm } from "../../../../_components/confirm-form";
import { removeAdjustmentPath, statementPath } from "../../../../_components/paths";
import { confirmRemovedAdjustment } from "../../actions";

const TITLE = "Are you sure you want to remove this adjustment?";
export const metadata: Metadata = { title: "Remove an adjustment" };

type Props = { params: Promise<{ statementId: string; adjustmentId: string }> };

export default async function RemoveAdjustmentPage({ params }: Props) {
  const { statementId, adjustmentId } = await params;
  const context = await adjustmentPageContext(statementId, removeAdjustmentPath(statementId, adjustmentId), "remove");
  if (context.refusal) return <AdjustmentRefused context={context} title="Remove an adjustment" />;
  const id = context.statementId;
  const adjustment = await adjustmentFromUrl(id, adjustmentId);
  return (
    <PageShell backLink={{ href: statementPath(id), text: "Back to the statement" }}>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ConfirmForm
            action={confirmRemovedAdjustment.bind(null, id, adjustment.id)}
            hidden={{}}
            submitLabel="Remove adjustment"
            variant="warning"
            cancelHref={statementPath(id)}
            cancelText="No, keep it"
            title={pageTitle("Remove an adjustment")}
          >
            <span className="govuk-caption-l">{statementCaption(context.header)}</span>
            <h1 className="govuk-heading-l">{TITLE}</h1>
            <SummaryList
              rows={[
                { key: "Name", value: adjustment.name },
                { key: "Amount", value: formatMoneyForDisplay(adjustment.amount) },
              ]}
            />
            <p className="govuk-body">The statement&apos;s total changes by the amount removed. The removal is recorded in the audit trail.</p>
          </ConfirmForm>
        </div>
      </div>
    </PageShell>
  );
}
