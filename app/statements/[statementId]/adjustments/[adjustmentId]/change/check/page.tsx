import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PageShell, SummaryList } from "@/components/govuk";
import { formatMoneyForDisplay } from "@/lib/format/money";
import { adjustmentChangeConfirmSchema } from "@/lib/validation/adjustment";
import { pageTitle } from "@/lib/format/page-title";
import {
  AdjustmentRefused,
  ApprovalNotice,
  adjustmentFromUrl,
  adjustmentPageContext,
  queryValue,
  statementCaption,
} from "../../../../../_components/adjustment-pages";
import { ConfirmForm } from "../../../../../_components/confirm-form";
import { changeAdjustmentCheckPath, changeAdjustmentPath, statementPath, withQuery } from "../../../../../_components/paths";
import { confirmChangedAdjustment } from "../../../actions";

const TITLE = "Check the changed adjustment";
export const metadata: Metadata = { title: TITLE };

type Props = {
  params: Promise<{ statementId: string; adjustmentId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function CheckChangedAdjustmentPage({ params, searchParams }: Props) {
  const { statementId, adjustmentId } = await params;
  const query = await searchParams;
  const typed = { name: queryValue(query.name), amount: queryValue(query.amount, 40), version: queryValue(query.version, 40) };
  const context = await adjustmentPageContext(statementId, withQuery(changeAdjustmentCheckPath(statementId, adjustmentId), typed), "change");
  if (context.refusal) return <AdjustmentRefused context={context} title="Change an adjustment" />;
  const id = context.statementId;
  const adjustment = await adjustmentFromUrl(id, adjustmentId);
  const formHref = withQuery(changeAdjustmentPath(id, adjustment.id), typed);
  const parsed = adjustmentChangeConfirmSchema.safeParse(typed);
  if (!parsed.success) redirect(changeAdjustmentPath(id, adjustment.id));
  const { name, amount, version } = parsed.data;
  return (
    <PageShell backLink={{ href: formHref }}>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ConfirmForm
            action={confirmChangedAdjustment.bind(null, id, adjustment.id)}
            hidden={{ name, amount, version }}
            submitLabel="Save changes"
            cancelHref={statementPath(id)}
            title={pageTitle(TITLE)}
          >
            <span className="govuk-caption-l">{statementCaption(context.header)}</span>
            <h1 className="govuk-heading-l">{TITLE}</h1>
            <SummaryList
              rows={[
                { key: "Name", value: name, actions: [{ href: formHref, text: "Change", visuallyHiddenText: "name" }] },
                { key: "Amount", value: formatMoneyForDisplay(amount), actions: [{ href: formHref, text: "Change", visuallyHiddenText: "amount" }] },
              ]}
            />
            <ApprovalNotice amount={amount} />
            <p className="govuk-body">
              It was {adjustment.name}: {formatMoneyForDisplay(adjustment.amount)}.
            </p>
          </ConfirmForm>
        </div>
      </div>
    </PageShell>
  );
}
