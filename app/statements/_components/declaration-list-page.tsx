// The voided and clawed-back declarations of a statement: a filter (all, ECTs, mentors) and a
// paginated table linking each participant to their drill-down.
import { PageShell, Pagination, Table, Tag, paginationItems } from "@/components/govuk";
import { requireResource } from "@/lib/auth/resource";
import { DECLARATION_LIST_PAGE_SIZE, findStatementHeader, listStatementDeclarations, type StatementDeclarationList } from "@/lib/statements/queries";
import { DECLARATION_TYPE_LABELS } from "@/lib/domain/declaration-types";
import { PARTICIPANT_TYPES, type ParticipantType } from "@/lib/domain/participant-types";
import { formatUkDate } from "@/lib/format/dates";
import { PARTICIPANT_TYPE_SHORT_LABELS, pluralise } from "@/lib/format/labels";
import { declarationStateTag } from "@/lib/format/tags";
import { declarationListHref, parseDeclarationListQuery, type SearchParams } from "@/lib/validation/statement-choice";
import { StatementHeading } from "./statement-heading";
import { statementForTitle } from "./statement-title";
import { clawbacksPath, participantPath, statementPath, voidedPath } from "./paths";

export const LIST_TITLES: Readonly<Record<StatementDeclarationList, string>> = {
  voided: "Voided declarations",
  clawbacks: "Clawed-back declarations",
};

const EMPTY: Readonly<Record<StatementDeclarationList, string>> = {
  voided: "voided declarations",
  clawbacks: "clawed-back declarations",
};

const TYPE_FILTER_LABELS: Readonly<Record<ParticipantType, string>> = { ect: "ECTs", mentor: "Mentors" };
/** "ECT declarations", "mentor declarations". */
const WHICH: Readonly<Record<ParticipantType, string>> = { ect: "ECT", mentor: "mentor" };

export async function declarationListTitle(statementId: string, list: StatementDeclarationList) {
  const base = list === "voided" ? voidedPath(statementId) : clawbacksPath(statementId);
  const header = await statementForTitle(statementId, base);
  if (!header) return { title: "Statement not found" };
  return { title: `${LIST_TITLES[list]} – ${header.name} statement – ${header.leadProvider.name}` };
}

export async function DeclarationListPage({
  statementId,
  list,
  searchParams,
}: {
  statementId: string;
  list: StatementDeclarationList;
  searchParams: SearchParams;
}) {
  const base = list === "voided" ? voidedPath(statementId) : clawbacksPath(statementId);
  const query = parseDeclarationListQuery(searchParams);
  const {
    data: { header, result },
  } = await requireResource("finance", declarationListHref(base, query), [statementId], async (prisma, id) => {
    const header = await findStatementHeader(prisma, id);
    return header && { header, result: await listStatementDeclarations(prisma, id, list, query) };
  });
  const id = header.id;
  const href = (type: ParticipantType | null, page = 1) => declarationListHref(base, { type, page });
  const filters: { type: ParticipantType | null; label: string; count: number }[] = [
    { type: null, label: "All", count: result.counts.all },
    ...PARTICIPANT_TYPES.map((type) => ({ type, label: TYPE_FILTER_LABELS[type], count: result.counts[type] })),
  ];
  const which = query.type ? `${WHICH[query.type]} ` : "";
  const first = (result.page - 1) * DECLARATION_LIST_PAGE_SIZE + 1;

  return (
    <PageShell backLink={{ href: statementPath(id), text: "Back to the statement" }}>
      <StatementHeading
        providerName={header.leadProvider.name}
        cohortYear={header.cohort.startYear}
        title={`${LIST_TITLES[list]}: ${header.name} statement`}
      />
      <nav aria-label="Participant type" className="govuk-!-margin-bottom-6">
        <ul className="govuk-list">
          {filters.map((filter) => {
            const current = filter.type === query.type;
            const text = `${filter.label} (${filter.count.toLocaleString("en-GB")})`;
            return (
              <li key={filter.label} className="govuk-!-display-inline-block govuk-!-margin-right-4">
                {current ? (
                  <strong className="govuk-!-font-weight-bold" aria-current="page">
                    {text}
                  </strong>
                ) : (
                  <a className="govuk-link" href={href(filter.type)}>
                    {text}
                  </a>
                )}
              </li>
            );
          })}
        </ul>
      </nav>
      {result.total === 0 ? (
        <p className="govuk-body">There are no {which}{EMPTY[list]} on this statement.</p>
      ) : (
        <>
          <Table
            caption={`${pluralise(result.total, `${which}declaration`)}, showing ${first.toLocaleString("en-GB")} to ${(first + result.rows.length - 1).toLocaleString("en-GB")}`}
            captionClassName="govuk-table__caption--s"
            className="app-table--wide"
            head={["Declaration ID", "Participant", "Type", "Declaration date", "Course", "State"]}
            rows={result.rows.map((row) => {
              const tag = declarationStateTag(row.state);
              return [
                { text: <span className="govuk-body-s app-nowrap">{row.declarationId}</span> },
                {
                  text: (
                    <>
                      <a className="govuk-link" href={participantPath(row.userId)}>
                        {row.participantName ?? row.userId}
                      </a>
                      <br />
                      <span className="govuk-body-s">{PARTICIPANT_TYPE_SHORT_LABELS[row.participantType]}</span>
                    </>
                  ),
                },
                DECLARATION_TYPE_LABELS[row.declarationType] ?? row.declarationType,
                { text: formatUkDate(row.declarationDate), className: "app-nowrap" },
                row.courseIdentifier,
                { text: <Tag text={tag.text} colour={tag.colour} /> },
              ];
            })}
          />
          {result.pages > 1 ? (
            <Pagination
              previous={result.page > 1 ? { href: href(query.type, result.page - 1) } : undefined}
              next={result.page < result.pages ? { href: href(query.type, result.page + 1) } : undefined}
              items={paginationItems(result.page, result.pages, (page) => href(query.type, page))}
            />
          ) : null}
        </>
      )}
    </PageShell>
  );
}
