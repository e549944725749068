import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { formatMoneyForDisplay } from "@/lib/format/money";
import { adjustmentChangeConfirmSchema } from "@/lib/validation/adjustment";
import { AdjustmentCheck, AdjustmentRefused, adjustmentFromUrl, adjustmentPageContext, queryValue } from "../../../../../_components/adjustment-pages";
import { changeAdjustmentCheckPath, changeAdjustmentPath, withQuery } from "../../../../../_components/paths";
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
    <AdjustmentCheck
      context={context}
      title={TITLE}
      formHref={formHref}
      checked={{ name, amount }}
      hidden={{ version }}
      action={confirmChangedAdjustment.bind(null, id, adjustment.id)}
      submitLabel="Save changes"
    >
      <p className="govuk-body">
        It was {adjustment.name}: {formatMoneyForDisplay(adjustment.amount)}.
      </p>
    </AdjustmentCheck>
  );
}
