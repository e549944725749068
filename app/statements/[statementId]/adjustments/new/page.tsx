import type { Metadata } from "next";
import { PageShell } from "@/components/govuk";
import { AdjustmentForm } from "../../../_components/adjustment-form";
import { AdjustmentRefused, adjustmentPageContext, queryValue, statementCaption } from "../../../_components/adjustment-pages";
import { newAdjustmentPath, statementPath } from "../../../_components/paths";
import { checkNewAdjustment } from "../actions";

export const metadata: Metadata = { title: "Add an adjustment" };

type Props = { params: Promise<{ statementId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function NewAdjustmentPage({ params, searchParams }: Props) {
  const { statementId } = await params;
  const context = await adjustmentPageContext(statementId, newAdjustmentPath(statementId), "add");
  if (context.refusal) return <AdjustmentRefused context={context} title="Add an adjustment" />;
  const query = await searchParams;
  const id = context.statementId;
  return (
    <PageShell backLink={{ href: statementPath(id), text: "Back to the statement" }}>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <AdjustmentForm
            action={checkNewAdjustment.bind(null, id)}
            initialState={{ submission: 0, errors: [], values: { name: queryValue(query.name), amount: queryValue(query.amount, 40) } }}
            title="Add an adjustment"
            heading="Add an adjustment"
            caption={statementCaption(context.header)}
            submitLabel="Continue"
            cancelHref={statementPath(id)}
          />
        </div>
      </div>
    </PageShell>
  );
}
