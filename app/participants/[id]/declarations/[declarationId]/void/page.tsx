// Check your answers before voiding a declaration: the declaration, what voiding it will do (for a
// paid one, the amount the engine will claw back and on which statement), the reason, and a
// warning button. A declaration that cannot be voided gets the reason in the error summary and no
// button. A declaration reached through another participant's address is not found.
import type { Metadata } from "next";
import { cache } from "react";
import { Button, ErrorSummary, InsetText, PageShell, SummaryList, Tag, WarningText } from "@/components/govuk";
import { requireResource } from "@/lib/auth/resource";
import { loadVoidCheck, type VoidCheck } from "@/lib/declarations/void-check";
import { PARTICIPANT_TYPE_LABELS } from "@/lib/domain/participant-types";
import { formatUkDate } from "@/lib/format/dates";
import { declarationTypeLabel } from "@/lib/format/labels";
import { formatMoneyForDisplay } from "@/lib/format/money";
import { declarationStateTag } from "@/lib/format/tags";
import { pageTitle } from "@/lib/format/page-title";
import { participantPath, voidDeclarationPath } from "../../../../paths";
import { StatementLink } from "../../../../statement-link";
import { voidDeclarationAction } from "./actions";
import { voidRefusalCopy } from "./copy";
import { VoidDeclarationForm } from "./void-form";

type Props = { params: Promise<{ id: string; declarationId: string }> };

const TITLE = "Check the details before voiding this declaration";

/** The finance role, both ids from the address, the check; a 404 when either is malformed or unknown. */
const load = cache(async (id: string, declarationId: string) => {
  const { data } = await requireResource("finance", voidDeclarationPath(id, declarationId), [id, declarationId], (prisma, participantId: string, declaration: string) =>
    loadVoidCheck(prisma, participantId, declaration),
  );
  return data;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id, declarationId } = await params;
  const check = await load(id, declarationId);
  return { title: check.outcome.ok ? TITLE : `Error: ${TITLE}` };
}

export default async function VoidDeclarationPage({ params }: Props) {
  const { id, declarationId } = await params;
  const check = await load(id, declarationId);
  const back = participantPath(check.participant.userId);

  const content = (
    <>
      <span className="govuk-caption-l">{check.participant.fullName}</span>
      <h1 className="govuk-heading-l">{TITLE}</h1>
      <DeclarationSummary check={check} />
    </>
  );

  return (
    <PageShell backLink={{ href: back }}>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {check.outcome.ok ? (
            <VoidDeclarationForm
              action={voidDeclarationAction.bind(null, check.participant.userId, check.declaration.id)}
              expectedState={check.declaration.state}
              title={pageTitle(TITLE)}
              cancelHref={back}
            >
              {content}
              <WhatWillHappen check={check} />
            </VoidDeclarationForm>
          ) : (
            <>
              <ErrorSummary errors={[{ text: voidRefusalCopy(check.outcome) }]} />
              {content}
              <Button href={back} variant="secondary">
                Back to {check.participant.fullName}
              </Button>
            </>
          )}
        </div>
      </div>
    </PageShell>
  );
}

function DeclarationSummary({ check }: { check: VoidCheck }) {
  const d = check.declaration;
  const tag = declarationStateTag(d.state);
  return (
    <SummaryList
      className="govuk-!-margin-bottom-9"
      rows={[
        { key: "Participant", value: <a className="govuk-link" href={participantPath(check.participant.userId)}>{check.participant.fullName}</a> },
        { key: "Declaration ID", value: d.id },
        { key: "Declaration type", value: declarationTypeLabel(d.declarationType) },
        { key: "Declaration date", value: formatUkDate(d.declarationDate) },
        { key: "Course", value: `${PARTICIPANT_TYPE_LABELS[d.participantType]} (${d.courseIdentifier})` },
        { key: "Lead provider", value: d.leadProvider.name },
        { key: "Cohort", value: String(d.cohort.startYear) },
        { key: "Current state", value: <Tag text={tag.text} colour={tag.colour} /> },
        { key: "Statement", value: d.statement ? <StatementLink statement={d.statement} /> : "Not on a statement" },
        d.clawbackStatement && { key: "Clawback statement", value: <StatementLink statement={d.clawbackStatement} /> },
      ]}
    />
  );
}

function WhatWillHappen({ check }: { check: VoidCheck }) {
  const { outcome, declaration } = check;
  if (!outcome.ok) return null;
  let body;
  if (outcome.kind === "clawback") {
    const { clawback } = outcome;
    body = clawback.ok ? (
      <>
        <p className="govuk-body">
          <strong>{formatMoneyForDisplay(clawback.amount)}</strong> will be clawed back from {declaration.leadProvider.name} on the{" "}
          <StatementLink statement={outcome.statement} /> statement
          {clawback.vatChargeable ? <> ({formatMoneyForDisplay(clawback.amountWithVat)} including VAT)</> : null}.
        </p>
        <p className="govuk-body">The declaration will be awaiting clawback until that statement is paid.</p>
      </>
    ) : (
      <>
        <p className="govuk-body">
          The payment will be clawed back from {declaration.leadProvider.name} on the <StatementLink statement={outcome.statement} /> statement.
        </p>
        <p className="govuk-body">{clawback.message}</p>
      </>
    );
  } else if (!outcome.statement) {
    body = <p className="govuk-body">This declaration will be voided. It is not on a statement, so nothing will be paid for it.</p>;
  } else if (outcome.state === "ineligible" && outcome.statement.status === "paid") {
    body = (
      <p className="govuk-body">
        This declaration will be voided. The <StatementLink statement={outcome.statement} /> statement has been paid, so it stays on that
        statement as it was when the statement was authorised. It was not going to be paid because it is ineligible.
      </p>
    );
  } else if (outcome.state === "ineligible") {
    body = (
      <p className="govuk-body">
        This declaration will be voided. It stays on the <StatementLink statement={outcome.statement} /> statement, shown as voided. It
        was not going to be paid because it is ineligible.
      </p>
    );
  } else {
    body = (
      <p className="govuk-body">
        This declaration will be voided and will not be paid on the <StatementLink statement={outcome.statement} /> statement. It stays on
        that statement, shown as voided.
      </p>
    );
  }
  return (
    <>
      <h2 className="govuk-heading-m">What will happen</h2>
      <InsetText>{body}</InsetText>
      <WarningText>You cannot undo this. The lead provider would have to submit the declaration again.</WarningText>
    </>
  );
}
