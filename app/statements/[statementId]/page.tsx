import type { Metadata } from "next";
import { Button, InsetText, PageShell, SummaryList } from "@/components/govuk";
import { FlashBanner } from "@/components/app/flash-banner";
import { hasRole } from "@/lib/auth/guard";
import { requireResource } from "@/lib/auth/resource";
import { adjustmentApprovalLimit } from "@/lib/statements/approval-limit";
import { formatMoneyForDisplay } from "@/lib/format/money";
import { adjustmentRefusal } from "@/lib/statements/rules/adjustment-refusal";
import { checkAuthorisation } from "@/lib/statements/authorise";
import type { StatementView } from "@/lib/statements/view";
import { loadStatementPage } from "@/lib/statements/overview";
import { getPrisma } from "@/lib/db/client";
import { readFlash } from "@/lib/flash";
import { formatDate, formatUkDateTime } from "@/lib/format/dates";
import { statementKindLabel } from "@/lib/format/statement";
import { statementChoiceHref } from "@/lib/validation/statement-choice";
import { cohortSchedulesPath } from "../../schedules/paths";
import { adjustmentRefusalMessage } from "../_components/adjustment-copy";
import { PaymentsPicture } from "../_components/payments-picture";
import { StatementFigures, type StatementLinks } from "../_components/statement-figures";
import { StatementHeading } from "../_components/statement-heading";
import { statementForTitle } from "../_components/statement-title";
import {
  authorisePath,
  changeAdjustmentPath,
  clawbacksPath,
  csvPath,
  newAdjustmentPath,
  removeAdjustmentPath,
  confirmAdjustmentPath,
  statementPath,
  voidedPath,
} from "../_components/paths";

type Props = { params: Promise<{ statementId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { statementId } = await params;
  const header = await statementForTitle(statementId, statementPath(statementId));
  if (!header) return { title: "Statement not found" };
  return { title: `${header.name} statement – ${header.leadProvider.name} – ${header.cohort.startYear} cohort` };
}

function StatementDetails({ view, source }: { view: StatementView; source: "live" | "snapshot" }) {
  const { statement } = view;
  return (
    <>
      <SummaryList
        rows={[
          { key: "Lead provider", value: view.provider.name },
          { key: "Cohort", value: String(view.cohort.startYear) },
          { key: "Statement", value: statementKindLabel(statement.outputFee) },
          { key: "Milestone cut-off date", value: formatDate(new Date(statement.deadlineDate)) },
          { key: "Payment date", value: formatDate(new Date(statement.paymentDate)) },
          {
            key: "Payment schedules",
            value: (
              <a className="govuk-link" href={cohortSchedulesPath(view.cohort.startYear)}>
                {view.cohort.startYear} cohort schedules and milestone dates
              </a>
            ),
          },
          statement.markedAsPaidAt
            ? {
                key: "Authorised for payment",
                value: `${formatUkDateTime(new Date(statement.markedAsPaidAt))}${statement.markedAsPaidBy ? ` by ${statement.markedAsPaidBy}` : ""}`,
              }
            : null,
        ]}
      />
      {source === "snapshot" ? (
        <InsetText>
          This statement has been paid. It shows the figures as they were when it was authorised for payment, on{" "}
          {formatUkDateTime(new Date(view.calculatedAt))}.
        </InsetText>
      ) : statement.status === "paid" ? (
        <InsetText>
          This statement was paid before the service kept a copy of each authorised statement, so its figures are worked out from
          the current data.
        </InsetText>
      ) : statement.status === "open" ? (
        <InsetText>This statement is open: its figures will change as declarations arrive until its cut-off date.</InsetText>
      ) : null}
    </>
  );
}

export default async function StatementPage({ params }: Props) {
  const { statementId } = await params;
  const {
    user,
    data: { id, loaded, picture },
  } = await requireResource("finance", statementPath(statementId), [statementId], async (prisma, id) => {
    const page = await loadStatementPage(prisma, id, new Date());
    return page ? { id, ...page } : null;
  });
  // DfE's authorise rule, then who may authorise (an approver who has not adjusted it, nothing
  // awaiting approval): the button for those who may, the reason for everyone else.
  const authorisation = loaded.kind === "view" ? await checkAuthorisation(await getPrisma(), loaded.view.statement, user) : null;
  const flash = await readFlash(statementPath(id));

  if (loaded.kind === "missing_contract") {
    const { header } = loaded;
    return (
      <PageShell backLink={{ href: statementChoiceHref({ leadProviderId: header.leadProvider.id, cohortYear: header.cohort.startYear }), text: "All statements" }}>
        <StatementHeading providerName={header.leadProvider.name} cohortYear={header.cohort.startYear} title={`${header.name} statement`} status={header.status} />
        <p className="govuk-body">{loaded.message}</p>
        <p className="govuk-body">Add the contract, then come back to this page.</p>
      </PageShell>
    );
  }

  const { view, source } = loaded;
  const { statement } = view;
  const refusal = adjustmentRefusal(statement);
  const links: StatementLinks = {
    voided: voidedPath(id),
    clawbacks: clawbacksPath(id),
    adjustment: refusal
      ? undefined
      : {
          add: newAdjustmentPath(id),
          change: (adjustmentId) => changeAdjustmentPath(id, adjustmentId),
          remove: (adjustmentId) => removeAdjustmentPath(id, adjustmentId),
          confirm: hasRole(user, "approver") ? (adjustmentId) => confirmAdjustmentPath(id, adjustmentId) : undefined,
        },
    approvalLimit: formatMoneyForDisplay(adjustmentApprovalLimit().toFixed(2)),
    adjustmentRefusal: refusal ? adjustmentRefusalMessage(refusal, "add") : undefined,
  };

  return (
    <PageShell backLink={{ href: statementChoiceHref({ leadProviderId: view.provider.id, cohortYear: view.cohort.startYear }), text: "All statements" }}>
      {flash ? <FlashBanner flash={flash} /> : null}
      <StatementHeading providerName={view.provider.name} cohortYear={view.cohort.startYear} title={`${statement.name} statement`} status={statement.status} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds-from-desktop">
          <StatementDetails view={view} source={source} />
          {authorisation && !authorisation.ok && authorisation.code !== "statement_already_paid" ? (
            <p className="govuk-body" data-testid="authorise-refusal">
              {authorisation.message}
            </p>
          ) : null}
          <div className="govuk-button-group app-no-print">
            {authorisation?.ok ? <Button href={authorisePath(id)}>Authorise for payment</Button> : null}
            <Button href={csvPath(id)} variant="secondary" download>
              Download declarations (CSV)
            </Button>
          </div>
        </div>
      </div>
      <StatementFigures view={view} links={links} />
      {picture ? <PaymentsPicture picture={picture} statementId={id} providerName={view.provider.name} cohortYear={view.cohort.startYear} /> : null}
    </PageShell>
  );
}
