// A participant: identities, each enrolment with its declarations and statements, and the audit
// history of their declarations. A "Void" link only on declarations that can be voided.
import type { Metadata } from "next";
import { cache, type ReactNode } from "react";
import { Details, PageShell, SummaryCard, SummaryList, Table, Tag, type SummaryListRow } from "@/components/govuk";
import { serializeParticipant } from "@/lib/api/serializers";
import { findParticipant } from "@/lib/participants/queries";
import { FlashBanner } from "@/components/app/flash-banner";
import { requireStaff } from "@/lib/auth/guard";
import { pathId, requireResource } from "@/lib/auth/resource";
import { getPrisma } from "@/lib/db/client";
import type { Queryable } from "@/lib/db/query";
import type { StateChange } from "@/lib/declarations/rules/state-history";
import { loadParticipant, type AuditView, type DeclarationView, type EnrolmentView, type InductionRecordView, type ParticipantDetail } from "@/lib/participants/detail";
import { DECLARATION_STATE_LABELS } from "@/lib/domain/declaration-states";
import { PARTICIPANT_TYPE_LABELS } from "@/lib/domain/participant-types";
import { formatUkDate, formatUkDateTime } from "@/lib/format/dates";
import { declarationTypeLabel, humaniseCode } from "@/lib/format/labels";
import { declarationStateTag, trainingStatusTag } from "@/lib/format/tags";
import { readFlash } from "@/lib/flash";
import { participantPath, trainingStatusPath, voidDeclarationPath } from "../paths";
import { StatementLink } from "../statement-link";

type Props = { params: Promise<{ id: string }> };

/** The participant for a parsed path id (any participant id), loaded once per request. */
const load = cache((prisma: Queryable, id: string) => loadParticipant(prisma, id));

// Not requireResource: a 404 thrown from generateMetadata would not be answered with a 404 status.
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  await requireStaff("finance", participantPath(id));
  const participantId = pathId(id);
  const detail = participantId ? await load(await getPrisma(), participantId) : null;
  return { title: detail ? `${detail.user.fullName} – Participants` : "Page not found" };
}

export default async function ParticipantPage({ params }: Props) {
  const { id } = await params;
  const { data: detail } = await requireResource("finance", participantPath(id), [id], load);
  const flash = await readFlash(participantPath(detail.user.id));
  const trns = [...new Set(detail.enrolments.map((e) => e.trn).filter((t): t is string => t !== null))];
  const externalIds = detail.identities.map((i) => i.externalIdentifier);
  const apiViews = await loadApiViews(await getPrisma(), detail);

  return (
    <PageShell backLink={{ href: "/participants", text: "Search participants" }}>
      {flash && <FlashBanner flash={flash} />}
      <span className="govuk-caption-l">Participant</span>
      <h1 className="govuk-heading-l">{detail.user.fullName}</h1>

      <SummaryList
        rows={[
          { key: "Participant ID", value: <Code>{detail.user.id}</Code> },
          {
            key: externalIds.length > 1 ? "External identifiers" : "External identifier",
            value: <Lines items={externalIds.map((x) => <Code key={x}>{x}</Code>)} />,
          },
          { key: "Name", value: detail.user.fullName },
          { key: "Email address", value: detail.user.email },
          { key: trns.length > 1 ? "TRNs" : "TRN", value: trns.length > 0 ? trns.join(", ") : "Not known" },
          detail.idChanges.length > 0 && {
            key: "Participant ID changes",
            value: (
              <Lines
                items={detail.idChanges.map((c) => (
                  <span key={c.fromParticipantId}>
                    <Code>{c.fromParticipantId}</Code> replaced on {formatUkDate(c.changedAt)}
                  </span>
                ))}
              />
            ),
          },
        ]}
      />

      {detail.enrolments.length === 0 && <p className="govuk-body">This participant has no enrolments.</p>}
      {detail.enrolments.map((enrolment) => (
        <Enrolment key={enrolment.profileId} enrolment={enrolment} userId={detail.user.id} apiView={enrolment.current ? apiViews.get(enrolment.current.leadProvider.id) : undefined} />
      ))}

      <AuditHistory entries={detail.audit} />
    </PageShell>
  );
}

/**
 * Per lead provider of an enrolment's current induction record: the exact body of
 * GET /api/v3/participants/ecf/{id} as that provider gets it (the API's own query and serialiser),
 * pretty-printed. Absent when the provider cannot see the participant.
 */
async function loadApiViews(db: Queryable, detail: ParticipantDetail): Promise<Map<string, string>> {
  const providers = [...new Set(detail.enrolments.flatMap((e) => (e.current ? [e.current.leadProvider.id] : [])))];
  const views = new Map<string, string>();
  for (const providerId of providers) {
    const participant = await findParticipant(db, providerId, detail.user.id);
    if (participant) views.set(providerId, JSON.stringify({ data: serializeParticipant(participant) }, null, 2));
  }
  return views;
}

function Code({ children }: { children: ReactNode }) {
  return <span className="app-nowrap">{children}</span>;
}

function Lines({ items }: { items: ReactNode[] }) {
  if (items.length === 1) return <>{items[0]}</>;
  return (
    <ul className="govuk-list">
      {items.map((item, i) => (
        <li key={i}>{item}</li>
      ))}
    </ul>
  );
}

function enrolmentTitle(enrolment: EnrolmentView): string {
  const cohort = enrolment.current ? `, ${enrolment.current.cohort.startYear} cohort` : "";
  return `${PARTICIPANT_TYPE_LABELS[enrolment.type]}${cohort}`;
}

function TrainingStatus({ record }: { record: InductionRecordView }) {
  const tag = trainingStatusTag(record.trainingStatus);
  const details = [
    record.trainingStatusReason ? humaniseCode(record.trainingStatusReason) : null,
    record.trainingStatusDate ? `from ${formatUkDate(record.trainingStatusDate)}` : null,
  ].filter(Boolean);
  return (
    <>
      <Tag text={tag.text} colour={tag.colour} />
      {record.trainingStatus !== "active" && details.length > 0 && <p className="govuk-body govuk-!-margin-top-2 govuk-!-margin-bottom-0">{details.join(", ")}</p>}
    </>
  );
}

function funding(enrolment: EnrolmentView): string {
  if (enrolment.eligibleForFunding === null) return "Not yet known";
  if (enrolment.eligibleForFunding) return "Yes";
  return enrolment.ineligibleForFundingReason ? `No – ${humaniseCode(enrolment.ineligibleForFundingReason)}` : "No";
}

function uplifts(enrolment: EnrolmentView): string {
  const flags = [enrolment.sparsityUplift && "Sparsity", enrolment.pupilPremiumUplift && "Pupil premium"].filter(Boolean);
  return flags.length > 0 ? flags.join(", ") : "None";
}

function Enrolment({ enrolment, userId, apiView }: { enrolment: EnrolmentView; userId: string; apiView: string | undefined }) {
  const current = enrolment.current;
  const title = enrolmentTitle(enrolment);
  const rows: (SummaryListRow | false)[] = [
    { key: "Participant type", value: PARTICIPANT_TYPE_LABELS[enrolment.type] },
    { key: "Training record ID", value: <Code>{enrolment.profileId}</Code> },
    { key: "Lead provider", value: current?.leadProvider.name ?? "Not known" },
    { key: "Delivery partner", value: current?.deliveryPartner ?? "Not known" },
    { key: "School", value: current?.school ? `${current.school.name} (URN ${current.school.urn})` : "No school" },
    { key: "Cohort", value: current ? String(current.cohort.startYear) : "Not known" },
    enrolment.cohortChangedAfterPaymentsFrozen && {
      key: "Cohort changed after payments frozen",
      value: "Yes: moved from a cohort whose funding contract has ended. Its paid declarations stay on that cohort.",
    },
    {
      key: "Schedule",
      value: current ? (
        <a className="govuk-link" href={`/schedules/${current.schedule.id}`}>
          {current.schedule.name} ({current.schedule.identifier})
        </a>
      ) : (
        "Not known"
      ),
    },
    {
      key: "Training status",
      value: current ? <TrainingStatus record={current} /> : "Not known",
      // The rules allow no change once withdrawn: no link then (the page would only say so).
      actions:
        current && current.trainingStatus !== "withdrawn"
          ? [{ href: trainingStatusPath(userId, enrolment.profileId), text: "Change", visuallyHiddenText: "training status" }]
          : undefined,
    },
    { key: "Eligible for funding", value: funding(enrolment) },
    { key: "Uplifts", value: uplifts(enrolment) },
    enrolment.type === "ect" && {
      key: "Mentor",
      value: enrolment.mentor ? (
        <a className="govuk-link" href={participantPath(enrolment.mentor.userId)}>
          {enrolment.mentor.fullName}
        </a>
      ) : (
        "None"
      ),
    },
    { key: "Created", value: formatUkDateTime(enrolment.createdAt) },
    { key: "Last updated", value: formatUkDateTime(enrolment.updatedAt) },
  ];

  return (
    <section className="govuk-!-margin-top-8" aria-labelledby={`enrolment-${enrolment.profileId}`}>
      <h2 className="govuk-heading-m" id={`enrolment-${enrolment.profileId}`}>
        {title}
      </h2>
      <SummaryCard title="Enrolment" titleHeadingLevel={3} rows={rows} />
      {enrolment.inductionRecords.length > 1 && <TrainingHistory records={enrolment.inductionRecords} title={title} />}
      {current && apiView && (
        <Details summary="See this participant as the lead provider sees it over the API">
          <p className="govuk-body">
            What {current.leadProvider.name} gets from <code className="app-code">GET /api/v3/participants/ecf/{userId}</code> now:
          </p>
          <pre className="app-json" tabIndex={0} aria-label={`API response for ${current.leadProvider.name}`}>
            <code>{apiView}</code>
          </pre>
        </Details>
      )}
      <Declarations declarations={enrolment.declarations} title={title} userId={userId} />
    </section>
  );
}

function TrainingHistory({ records, title }: { records: InductionRecordView[]; title: string }) {
  return (
    <Table
      caption={
        <>
          Training history<span className="govuk-visually-hidden"> ({title.toLowerCase()})</span>
        </>
      }
      captionClassName="govuk-table__caption--s"
      head={["From", "To", "Lead provider", "School", "Training status"]}
      rows={records.map((r) => {
        const tag = trainingStatusTag(r.trainingStatus);
        return [
          formatUkDate(r.startDate),
          r.endDate ? formatUkDate(r.endDate) : "Now",
          r.leadProvider.name,
          r.school ? `${r.school.name} (URN ${r.school.urn})` : "No school",
          { text: <Tag text={tag.text} colour={tag.colour} /> },
        ];
      })}
    />
  );
}

function Declarations({ declarations, title, userId }: { declarations: DeclarationView[]; title: string; userId: string }) {
  const frozenYears = [...new Set(declarations.filter((d) => d.cohort.frozen).map((d) => d.cohort.startYear))];
  const caption = (
    <>
      Declarations<span className="govuk-visually-hidden"> ({title.toLowerCase()})</span>
    </>
  );
  if (declarations.length === 0) {
    return (
      <>
        <h3 className="govuk-heading-s">Declarations</h3>
        <p className="govuk-body">No declarations have been submitted for this enrolment.</p>
      </>
    );
  }
  return (
    <>
      <Table
        caption={caption}
        captionClassName="govuk-table__caption--s"
        className="govuk-!-font-size-16"
        head={[
          "Declaration ID",
          "Type",
          "Declaration date",
          "Course",
          "Evidence held",
          "State",
          "Statement",
          "Clawback statement",
          { text: <span className="govuk-visually-hidden">Action</span> },
        ]}
        rows={declarations.map((d) => {
          const tag = declarationStateTag(d.state);
          const type = declarationTypeLabel(d.declarationType);
          const date = formatUkDate(d.declarationDate);
          return [
            { text: d.id, attributes: { id: `declaration-${d.id}` } },
            type,
            { text: date, className: "app-nowrap" },
            d.courseIdentifier,
            d.evidenceHeld ? humaniseCode(d.evidenceHeld) : "None",
            { text: <Tag text={tag.text} colour={tag.colour} /> },
            { text: <StatementLink statement={d.statement} />, className: "app-nowrap" },
            { text: d.clawbackStatement ? <StatementLink statement={d.clawbackStatement} /> : "", className: "app-nowrap" },
            {
              text: d.canVoid ? (
                <a className="govuk-link" href={voidDeclarationPath(userId, d.id)}>
                  Void<span className="govuk-visually-hidden"> {type.toLowerCase()} declaration of {date}</span>
                </a>
              ) : (
                ""
              ),
            },
          ];
        })}
      />
      {declarations.map((d) => (
        <DeclarationHistory key={d.id} declaration={d} />
      ))}
      {frozenYears.map((year) => (
        <p key={year} className="govuk-body">
          Declarations for the {year} cohort cannot be voided: the funding contract for this cohort has ended.
        </p>
      ))}
    </>
  );
}

function stateLabel(state: StateChange["state"]) {
  const tag = declarationStateTag(state);
  return <Tag text={tag.text} colour={tag.colour} />;
}

/** Where a step of the history was read from, when it is not the declaration's own audit entry. */
function historyWho(change: StateChange): ReactNode {
  if (change.source === "statement_audit") {
    const statement = change.statementName ? `the ${change.statementName} statement` : "its statement";
    return change.by ? `${change.by} (with ${statement})` : `Not recorded (with ${statement})`;
  }
  return change.by ?? "Not recorded";
}

function DeclarationHistory({ declaration: d }: { declaration: DeclarationView }) {
  const type = declarationTypeLabel(d.declarationType);
  const date = formatUkDate(d.declarationDate);
  return (
    <Details summary={`Details and state history: ${type.toLowerCase()} declaration of ${date}`} id={`history-${d.id}`}>
      <SummaryList
        rows={[
          { key: "Declaration ID", value: <Code>{d.id}</Code> },
          { key: "Lead provider", value: d.leadProvider },
          { key: "Created", value: formatUkDateTime(d.createdAt) },
          { key: "Last updated", value: formatUkDateTime(d.updatedAt) },
          { key: "Voided", value: d.voidedAt ? `${formatUkDateTime(d.voidedAt)} by ${d.voidedBy ?? "someone not recorded"}` : "Not voided" },
        ]}
      />
      <Table
        caption={
          <>
            State history<span className="govuk-visually-hidden"> of the {type.toLowerCase()} declaration of {date}</span>
          </>
        }
        captionClassName="govuk-table__caption--s"
        className="govuk-!-font-size-16"
        head={["State", "Changed at", "By", "Reason"]}
        rows={d.history.map((change) => [
          { text: stateLabel(change.state) },
          change.at ? formatUkDateTime(change.at) : "Not recorded",
          { text: historyWho(change) },
          change.reason ?? "None given",
        ])}
      />
      <p className="govuk-body-s">
        Payable and paid are when the statement the declaration is on was made payable and authorised for payment: a statement’s
        change is recorded once for all its declarations.
      </p>
    </Details>
  );
}

function auditWhat(entry: AuditView): ReactNode {
  const type = entry.declarationType ? `${declarationTypeLabel(entry.declarationType).toLowerCase()} ` : "";
  const id = <span className="govuk-!-font-size-16 app-nowrap">{entry.entityId}</span>;
  switch (entry.action) {
    case "declaration.void":
      return (
        <>
          Voided {type}declaration
          <br />
          {id}
        </>
      );
    case "declaration.void_paid":
      return (
        <>
          Voided paid {type}declaration
          {entry.clawbackStatementName ? `, to be clawed back on ${entry.clawbackStatementName}` : ""}
          <br />
          {id}
        </>
      );
    default:
      return (
        <>
          {humaniseCode(entry.action.replace(/\./g, " "))}
          <br />
          {id}
        </>
      );
  }
}

function auditChange(entry: AuditView): ReactNode {
  if (!entry.beforeState && !entry.afterState) return "";
  const label = (state: AuditView["beforeState"]) => (state ? DECLARATION_STATE_LABELS[state] : "Not known");
  return (
    <>
      {label(entry.beforeState)} <span aria-hidden="true">→</span>
      <span className="govuk-visually-hidden">to</span> {label(entry.afterState)}
    </>
  );
}

function AuditHistory({ entries }: { entries: AuditView[] }) {
  return (
    <section className="govuk-!-margin-top-8" aria-labelledby="history">
      <h2 className="govuk-heading-m" id="history">
        History
      </h2>
      {entries.length === 0 ? (
        <p className="govuk-body">Nobody has changed this participant’s declarations.</p>
      ) : (
        <Table
          caption={<span className="govuk-visually-hidden">Changes to this participant’s declarations, newest first</span>}
          className="govuk-!-font-size-16"
          head={["When", "Who", "What", "Reason", "State"]}
          rows={entries.map((entry) => [
            formatUkDateTime(entry.occurredAt),
            entry.actorType === "api" ? `${entry.actorLabel} (API)` : entry.actorLabel,
            { text: auditWhat(entry) },
            entry.reason ?? "None given",
            { text: auditChange(entry), className: "app-nowrap" },
          ])}
        />
      )}
    </section>
  );
}

