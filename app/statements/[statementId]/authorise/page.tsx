import type { Metadata } from "next";
import { PageShell, SummaryList, WarningText } from "@/components/govuk";
import { requireResource } from "@/lib/auth/resource";
import { checkAuthorisation } from "@/lib/statements/authorise";
import { loadStatementView } from "@/lib/statements/view";
import { formatDate } from "@/lib/format/dates";
import { formatMoneyForDisplay } from "@/lib/format/money";
import { pageTitle } from "@/lib/format/page-title";
import { authorisePath, statementPath } from "../../_components/paths";
import { StatementHeading } from "../../_components/statement-heading";
import { authoriseForPayment } from "./actions";
import { AuthoriseForm } from "./authorise-form";

const TITLE = "Authorise for payment";
export const metadata: Metadata = { title: TITLE };

type Props = { params: Promise<{ statementId: string }> };

export default async function AuthorisePage({ params }: Props) {
  const { statementId } = await params;
  const {
    data: { id, loaded, authorisation },
  } = await requireResource("finance", authorisePath(statementId), [statementId], async (prisma, id) => {
    const loaded = await loadStatementView(prisma, id);
    if (!loaded) return null;
    const authorisation = loaded.kind === "view" ? await checkAuthorisation(prisma, loaded.view.statement) : null;
    return { id, loaded, authorisation };
  });
  const back = { href: statementPath(id), text: "Back to the statement" };
  if (loaded.kind === "missing_contract") {
    const { header } = loaded;
    return (
      <PageShell backLink={back}>
        <StatementHeading providerName={header.leadProvider.name} cohortYear={header.cohort.startYear} title={TITLE} />
        <p className="govuk-body">{loaded.message}</p>
      </PageShell>
    );
  }
  const { view } = loaded;
  const { statement, result } = view;
  const heading = <StatementHeading providerName={view.provider.name} cohortYear={view.cohort.startYear} title={`${TITLE}: ${statement.name} statement`} />;
  // DfE's authorise rule (lib/declarations/rules/statement-transitions.ts): the same one the
  // statement page and the authorise transaction ask.
  if (!authorisation?.ok) {
    return (
      <PageShell backLink={back}>
        {heading}
        <p className="govuk-body">{authorisation?.message ?? "This statement cannot be authorised for payment."}</p>
      </PageShell>
    );
  }
  return (
    <PageShell backLink={back}>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <AuthoriseForm action={authoriseForPayment.bind(null, id)} title={pageTitle(TITLE)} cancelHref={statementPath(id)}>
            {heading}
            <SummaryList
              rows={[
                { key: "Lead provider", value: view.provider.name },
                { key: "Statement", value: `${statement.name}, ${view.cohort.startYear} cohort` },
                { key: "Payment date", value: formatDate(new Date(statement.paymentDate)) },
                { key: "Total (excluding VAT)", value: formatMoneyForDisplay(result.total) },
                { key: "VAT", value: formatMoneyForDisplay(result.vat) },
                { key: "Total (with VAT)", value: <strong>{formatMoneyForDisplay(result.totalWithVat)}</strong> },
              ]}
            />
            <p className="govuk-body">
              Authorising marks the statement as paid: its payable declarations become paid, its clawbacks are recorded as clawed
              back, and the figures above are kept as the statement&apos;s record of what was paid.
            </p>
            <WarningText>You cannot undo this.</WarningText>
          </AuthoriseForm>
        </div>
      </div>
    </PageShell>
  );
}
