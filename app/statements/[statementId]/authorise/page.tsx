import type { Metadata } from "next";
import { PageShell, SummaryList, WarningText } from "@/components/govuk";
import { requireResource } from "@/lib/auth/resource";
import { getPrisma } from "@/lib/db/client";
import { checkAuthorisation, figuresOf } from "@/lib/statements/authorise";
import { FIGURES_CHANGED_MESSAGE } from "@/lib/statements/rules/figures-check";
import { loadStatementView } from "@/lib/statements/view";
import { formatDate } from "@/lib/format/dates";
import { formatMoneyForDisplay } from "@/lib/format/money";
import { pageTitle } from "@/lib/format/page-title";
import { authorisePath, statementPath } from "../../_components/paths";
import { StatementHeading } from "../../_components/statement-heading";
import { authoriseForPayment } from "./actions";
import { AuthoriseForm } from "./authorise-form";

const TITLE = "Authorise for payment";

type Props = { params: Promise<{ statementId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** `?changed=1`: the authorise action found the figures changed since the page was shown. */
async function figuresChanged(searchParams: Props["searchParams"]): Promise<boolean> {
  return (await searchParams).changed === "1";
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  return { title: (await figuresChanged(searchParams)) ? `Error: ${TITLE}` : TITLE };
}

export default async function AuthorisePage({ params, searchParams }: Props) {
  const { statementId } = await params;
  const changed = await figuresChanged(searchParams);
  // Approvers only: a finance user prepares a statement, an approver authorises it.
  const {
    user,
    data: { id, loaded },
  } = await requireResource("approver", authorisePath(statementId), [statementId], async (prisma, id) => {
    const loaded = await loadStatementView(prisma, id);
    return loaded ? { id, loaded } : null;
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
  // DfE's authorise rule, then who may authorise (an approver who has not adjusted this statement,
  // nothing awaiting approval): the same checks the statement page and the authorise transaction make.
  const authorisation = await checkAuthorisation(await getPrisma(), statement, user);
  const heading = <StatementHeading providerName={view.provider.name} cohortYear={view.cohort.startYear} title={`${TITLE}: ${statement.name} statement`} />;
  if (!authorisation.ok) {
    return (
      <PageShell backLink={back}>
        {heading}
        <p className="govuk-body" data-testid="authorise-refusal">
          {authorisation.message}
        </p>
      </PageShell>
    );
  }
  const figures = figuresOf(view);
  return (
    <PageShell backLink={back}>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <AuthoriseForm
            action={authoriseForPayment.bind(null, id)}
            title={pageTitle(TITLE)}
            cancelHref={statementPath(id)}
            checked={{ fingerprint: figures.fingerprint, totalWithVat: figures.totalWithVat }}
            changedMessage={changed ? FIGURES_CHANGED_MESSAGE : undefined}
          >
            {heading}
            {changed ? (
              <p className="govuk-body">
                Nothing has been authorised. These are the statement&apos;s figures now: check them again before you authorise it.
              </p>
            ) : null}
            <SummaryList
              id="figures"
              rows={[
                { key: "Lead provider", value: view.provider.name },
                { key: "Statement", value: `${statement.name}, ${view.cohort.startYear} cohort` },
                { key: "Payment date", value: formatDate(new Date(statement.paymentDate)) },
                { key: "Additional adjustments", value: formatMoneyForDisplay(result.ect.additionalAdjustments) },
                { key: "Total (excluding VAT)", value: formatMoneyForDisplay(figures.total) },
                { key: "VAT", value: formatMoneyForDisplay(figures.vat) },
                { key: "Total (with VAT)", value: <strong>{formatMoneyForDisplay(figures.totalWithVat)}</strong> },
              ]}
            />
            <p className="govuk-body">
              Authorising marks the statement as paid: its payable declarations become paid, its clawbacks are recorded as clawed
              back, and the figures above are kept as the statement&apos;s record of what was paid. If the statement changes before
              you press the button, nothing is authorised and this page shows you the new figures.
            </p>
            <WarningText>You cannot undo this.</WarningText>
          </AuthoriseForm>
        </div>
      </div>
    </PageShell>
  );
}
