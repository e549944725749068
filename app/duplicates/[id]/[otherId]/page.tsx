// Two participant records side by side: who they are, their enrolments, declarations (with their
// states and statements), and "Keep this record" on each, which leads to the check-your-answers page.
import type { Metadata } from "next";
import { Button, PageShell, SummaryCard, SummaryList, Table, Tag } from "@/components/govuk";
import { requireResource } from "@/lib/auth/resource";
import { PARTICIPANT_TYPE_LABELS } from "@/lib/domain/participant-types";
import { formatUkDate } from "@/lib/format/dates";
import { declarationTypeLabel } from "@/lib/format/labels";
import { declarationStateTag, trainingStatusTag } from "@/lib/format/tags";
import type { ParticipantDetail } from "@/lib/participants/detail";
import { loadComparison } from "@/lib/participants/duplicates";
import { participantPath } from "../../../participants/paths";
import { StatementLink } from "../../../participants/statement-link";
import { reasonsText } from "../../copy";
import { DUPLICATES_PATH, comparePath, mergePath } from "../../paths";

export const metadata: Metadata = { title: "Compare duplicate records" };

type Props = { params: Promise<{ id: string; otherId: string }> };

export default async function ComparePage({ params }: Props) {
  const { id, otherId } = await params;
  const { data } = await requireResource("finance", comparePath(id, otherId), [id, otherId], (prisma, a, b) => loadComparison(prisma, a, b));
  const { first, second, reasons } = data;
  return (
    <PageShell backLink={{ href: DUPLICATES_PATH, text: "Duplicate records" }}>
      <span className="govuk-caption-l">Duplicate records</span>
      <h1 className="govuk-heading-l">Compare duplicate records</h1>
      <p className="govuk-body">
        <strong>Why they match:</strong> {reasonsText(reasons)}.
      </p>
      <p className="govuk-body">
        Choose the record to keep. The other record&apos;s enrolments and declarations move to it, and its participant ID will lead to
        the kept record. You can check what will change before anything is merged.
      </p>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-half">
          <Side detail={first} other={second} label="Record 1" />
        </div>
        <div className="govuk-grid-column-one-half">
          <Side detail={second} other={first} label="Record 2" />
        </div>
      </div>
    </PageShell>
  );
}

function Side({ detail, other, label }: { detail: ParticipantDetail; other: ParticipantDetail; label: string }) {
  const trns = [...new Set(detail.enrolments.map((e) => e.trn).filter((t): t is string => t !== null))];
  const headingId = `record-${detail.user.id}`;
  return (
    <section aria-labelledby={headingId}>
      <h2 className="govuk-heading-m" id={headingId}>
        {label}: {detail.user.fullName}
      </h2>
      <SummaryList
        rows={[
          { key: "Participant ID", value: <span className="app-break-all">{detail.user.id}</span> },
          { key: "Name", value: detail.user.fullName },
          { key: "Email address", value: <span className="app-break-all">{detail.user.email}</span> },
          {
            key: "Registration emails",
            value: [...new Set(detail.identities.map((i) => i.email))].join(", "),
          },
          { key: "TRN", value: trns.length > 0 ? trns.join(", ") : "Not known" },
        ]}
      />
      {detail.enrolments.length === 0 && <p className="govuk-body">This record has no enrolments.</p>}
      {detail.enrolments.map((enrolment) => {
        const current = enrolment.current;
        const status = current ? trainingStatusTag(current.trainingStatus) : null;
        const title = `${PARTICIPANT_TYPE_LABELS[enrolment.type]}${current ? `, ${current.cohort.startYear} cohort` : ""}`;
        return (
          <div key={enrolment.profileId}>
            <SummaryCard
              title={title}
              titleHeadingLevel={3}
              rows={[
                { key: "Lead provider", value: current?.leadProvider.name ?? "Not known" },
                { key: "School", value: current?.school ? `${current.school.name} (URN ${current.school.urn})` : "No school" },
                { key: "Schedule", value: current ? current.schedule.identifier : "Not known" },
                { key: "Training status", value: status ? <Tag text={status.text} colour={status.colour} /> : "Not known" },
              ]}
            />
            {enrolment.declarations.length === 0 ? (
              <p className="govuk-body">No declarations.</p>
            ) : (
              <Table
                caption={
                  <>
                    Declarations<span className="govuk-visually-hidden"> ({label.toLowerCase()}, {title.toLowerCase()})</span>
                  </>
                }
                captionClassName="govuk-table__caption--s"
                head={["Declaration", "State", "Statement"]}
                rows={enrolment.declarations.map((d) => {
                  const tag = declarationStateTag(d.state);
                  return [
                    `${declarationTypeLabel(d.declarationType)}, ${formatUkDate(d.declarationDate)}`,
                    { text: <Tag text={tag.text} colour={tag.colour} /> },
                    { text: <StatementLink statement={d.statement} /> },
                  ];
                })}
              />
            )}
          </div>
        );
      })}
      <p className="govuk-body">
        <a className="govuk-link" href={participantPath(detail.user.id)}>
          View {detail.user.fullName}&apos;s record
        </a>
      </p>
      <Button href={mergePath(detail.user.id, other.user.id)}>
        Keep this record<span className="govuk-visually-hidden"> ({label.toLowerCase()}, {detail.user.fullName})</span>
      </Button>
    </section>
  );
}
