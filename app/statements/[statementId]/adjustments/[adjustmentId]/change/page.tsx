import type { Metadata } from "next";
import { PageShell } from "@/components/govuk";
import { AdjustmentForm } from "../../../../_components/adjustment-form";
import { AdjustmentRefused, adjustmentFromUrl, adjustmentPageContext, queryValue, statementCaption } from "../../../../_components/adjustment-pages";
import { changeAdjustmentPath, statementPath } from "../../../../_components/paths";
import { checkChangedAdjustment } from "../../actions";

export const metadata: Metadata = { title: "Change an adjustment" };

type Props = {
  params: Promise<{ statementId: string; adjustmentId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function ChangeAdjustmentPage({ params, searchParams }: Props) {
  const { statementId, adjustmentId } = await params;
  const context = await adjustmentPageContext(statementId, changeAdjustmentPath(statementId, adjustmentId), "change");
  if (context.refusal) return <AdjustmentRefused context={context} title="Change an adjustment" />;
  const id = context.statementId;
  const adjustment = await adjustmentFromUrl(id, adjustmentId);
  const query = await searchParams;
  // Back from check your answers: what they typed, and the version they started from.
  const returning = typeof query.name === "string" && typeof query.version === "string";
  const values = returning
    ? { name: queryValue(query.name), amount: queryValue(query.amount, 40) }
    : { name: adjustment.name, amount: adjustment.amount.toFixed(2) };
  const version = returning ? queryValue(query.version, 40) : adjustment.updatedAt.toISOString();
  return (
    <PageShell backLink={{ href: statementPath(id), text: "Back to the statement" }}>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <AdjustmentForm
            action={checkChangedAdjustment.bind(null, id, adjustment.id)}
            initialState={{ submission: 0, errors: [], values }}
            title="Change an adjustment"
            heading="Change an adjustment"
            caption={statementCaption(context.header)}
            submitLabel="Continue"
            cancelHref={statementPath(id)}
            hidden={{ version }}
          />
        </div>
      </div>
    </PageShell>
  );
}
