import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { adjustmentSchema } from "@/lib/validation/adjustment";
import { AdjustmentCheck, AdjustmentRefused, adjustmentPageContext, queryValue } from "../../../../_components/adjustment-pages";
import { newAdjustmentCheckPath, newAdjustmentPath, withQuery } from "../../../../_components/paths";
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
    <AdjustmentCheck
      context={context}
      title={TITLE}
      formHref={formHref}
      checked={{ name, amount }}
      hidden={{ token: randomUUID() }}
      action={confirmNewAdjustment.bind(null, id)}
      submitLabel="Add adjustment"
    >
      <p className="govuk-body">The adjustment is added to the statement&apos;s total and recorded in the audit trail.</p>
    </AdjustmentCheck>
  );
}
