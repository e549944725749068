// Check your answers before merging two records: the record kept, the record retired, what moves,
// and the dry run of the declarations that would become duplicates (voided, or clawed back on which
// statement). Nothing changes until "Merge records".
import type { Metadata } from "next";
import { PageShell, SummaryList, Table, Tag, WarningText } from "@/components/govuk";
import { requireResource } from "@/lib/auth/resource";
import { declarationTypeLabel, pluralise } from "@/lib/format/labels";
import { pageTitle } from "@/lib/format/page-title";
import { declarationStateTag } from "@/lib/format/tags";
import { previewMerge } from "@/lib/participants/duplicates";
import { participantPath } from "../../../../participants/paths";
import { StatementLink } from "../../../../participants/statement-link";
import { duplicateOutcomeText, reasonsText, voidRefusalText } from "../../../copy";
import { comparePath, mergePath } from "../../../paths";
import { mergeDuplicate } from "./actions";
import { MergeForm } from "./merge-form";

const TITLE = "Check before merging these records";
export const metadata: Metadata = { title: TITLE };

type Props = { params: Promise<{ id: string; otherId: string }> };

export default async function MergePage({ params }: Props) {
  const { id, otherId } = await params;
  const { data: preview } = await requireResource("finance", mergePath(id, otherId), [id, otherId], (prisma, kept, retired) =>
    previewMerge(prisma, kept, retired),
  );
  const { kept, retired, moves, duplicates } = preview;
  const back = { href: comparePath(kept.userId, retired.userId), text: "Back to the comparison" };
  const change = (text: string) => [{ href: back.href, text: "Change", visuallyHiddenText: text }];
  const summary = (
    <>
      <span className="govuk-caption-l">Duplicate records</span>
      <h1 className="govuk-heading-l">{TITLE}</h1>
      <SummaryList
        rows={[
          { key: "Record to keep", value: <RecordLink record={kept} />, actions: change("the record to keep") },
          { key: "Record to merge into it", value: <RecordLink record={retired} />, actions: change("the record to merge") },
          { key: "Why they match", value: reasonsText(preview.reasons) },
          {
            key: "What moves",
            value: (
              <ul className="govuk-list govuk-list--bullet">
                <li>{pluralise(moves.identities, "registration")} (external identifiers)</li>
                <li>
                  {pluralise(moves.profilesFolded + moves.profilesMoved, "enrolment")}
                  {moves.profilesFolded > 0 && `, ${moves.profilesFolded} joined to the kept record's enrolment of the same type`}
                </li>
                <li>{pluralise(moves.inductionRecords, "induction record")}</li>
                <li>{pluralise(moves.declarations, "declaration")}</li>
              </ul>
            ),
          },
          {
            key: "Participant ID",
            value: `${retired.userId} will lead to the kept record, in the API and in the search.`,
          },
        ]}
      />
      <h2 className="govuk-heading-m">Declarations that would become duplicates</h2>
      {duplicates.length === 0 ? (
        <p className="govuk-body">None: no declaration needs to be voided.</p>
      ) : (
        <Table
          caption={<span className="govuk-visually-hidden">Declarations that would become duplicates</span>}
          head={["Declaration", "Lead provider", "State", "Statement", "What happens"]}
          rows={duplicates.map((d) => {
            const tag = declarationStateTag(d.state);
            return [
              `${declarationTypeLabel(d.declarationType)} (${d.courseIdentifier}), ${d.cohortStartYear} cohort`,
              d.leadProvider,
              { text: <Tag text={tag.text} colour={tag.colour} /> },
              { text: <StatementLink statement={d.statement} /> },
              duplicateOutcomeText(d.outcome),
            ];
          })}
        />
      )}
    </>
  );

  if (preview.refusal) {
    return (
      <PageShell backLink={back}>
        {summary}
        <p className="govuk-body">
          These records cannot be merged: {voidRefusalText(preview.refusal.code, preview.refusal.cohortStartYear)}
        </p>
      </PageShell>
    );
  }
  return (
    <PageShell backLink={back}>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-full">
          <MergeForm action={mergeDuplicate.bind(null, kept.userId, retired.userId)} title={pageTitle(TITLE)} cancelHref={back.href}>
            {summary}
            <WarningText>You cannot undo a merge.</WarningText>
          </MergeForm>
        </div>
      </div>
    </PageShell>
  );
}

/** A record's name, linking to it, and its participant ID below. */
function RecordLink({ record }: { record: { userId: string; fullName: string } }) {
  return (
    <>
      <a className="govuk-link" href={participantPath(record.userId)}>
        {record.fullName}
      </a>
      <br />
      <span className="app-break-all">{record.userId}</span>
    </>
  );
}
