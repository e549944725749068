import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PageShell, SummaryList } from "@/components/govuk";
import { formatMoneyForDisplay } from "@/lib/format/money";
import { adjustmentSchema } from "@/lib/validation/adjustment";
import { pageTitle } from "@/lib/format/page-title";
import { AdjustmentRefused, ApprovalNotice, adjustmentPageContext, queryValue, statementCaption } from "../../../../_components/adjustment-pages";
import { ConfirmForm } from "../../../../_components/confirm-form";
import { newAdjustmentCheckPath, newAdjustmentPath, statementPath, withQuery } from "../../../../_components/paths";
import { confirmNewAdjustment } from "../../actions";

const TITLE = "Check the adjustment before adding it";
export const metadata: Metadata = { title: TITLE };

type Props = { params: Promise<{ statementId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CheckNewAdjustmentPage({ params, searchParams }: Props) {
  const { statementId } = await params;
  const query = await searchParams;
  const typed = { name: queryValue(query.name), amount: queryValue(query.amount, 40) };
  const context = await adjustmentPageContext(statementId, withQuery(newAdjustmentCheckPath(statementId), typed), "add");
  if (context.refusal) return <AdjustmentRefused context={context} title="Add an adjustment" />;
  const id = context.statementId;
  const formHref = withQuery(newAdjustmentPath(id), typed);
  // Nothing valid to check (e.g. the address was edited): back to the form to fill it in.
  const parsed = adjustmentSchema.safeParse(typed);
  if (!parsed.success) redirect(formHref);
  const { name, amount } = parsed.data;
  return (
    <PageShell backLink={{ href: formHref }}>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ConfirmForm
            action={confirmNewAdjustment.bind(null, id)}
            hidden={{ name, amount, token: randomUUID() }}
            submitLabel="Add adjustment"
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
            <p className="govuk-body">The adjustment is added to the statement&apos;s total and recorded in the audit trail.</p>
          </ConfirmForm>
        </div>
      </div>
    </PageShell>
  );
}
