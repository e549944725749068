// Search participants: one GOV.UK search box over ids (exact: straight to the participant) and
// name, email and TRN (partial, case-insensitive, ranked). The query lives in the URL.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { cache } from "react";
import { Button, ErrorSummary, Input, Pagination, PageShell, Table, Tag, paginationItems } from "@/components/govuk";
import { requireStaff } from "@/lib/auth/guard";
import { getPrisma } from "@/lib/db/client";
import { findParticipantById, searchParticipants, type SearchResults } from "@/lib/participants/search";
import { PARTICIPANT_TYPE_SHORT_LABELS, pluralise } from "@/lib/format/labels";
import { trainingStatusTag } from "@/lib/format/tags";
import {
  SEARCH_MESSAGES,
  parsePage,
  parseSearchQuery,
  searchHref,
  type ParsedSearch,
} from "@/lib/validation/participant-search";
import { participantPath } from "./paths";

type SearchParams = Record<string, string | string[] | undefined>;
type Props = { searchParams: Promise<SearchParams> };

const TITLE = "Search participants";

type SearchView =
  | { kind: "form"; parsed: ParsedSearch }
  | { kind: "error"; q: string; message: string }
  | { kind: "unknown_id"; q: string; message: string }
  | { kind: "results"; q: string; results: SearchResults };

/** The search for this request (the title and the page share it: one query). */
const runSearch = cache(async (rawQ: string | undefined, rawPage: string | undefined): Promise<SearchView> => {
  const parsed = parseSearchQuery(rawQ);
  switch (parsed.kind) {
    case "none":
    case "empty":
      return { kind: "form", parsed };
    case "too_long":
    case "malformed_id":
      return { kind: "error", q: parsed.q, message: parsed.message };
    case "id": {
      const match = await findParticipantById(await getPrisma(), parsed.id);
      if (match) redirect(participantPath(match.userId) + (match.declarationId ? `#declaration-${match.declarationId}` : ""));
      return { kind: "unknown_id", q: parsed.q, message: SEARCH_MESSAGES.unknownId(parsed.q) };
    }
    case "text": {
      const page = parsePage(rawPage);
      const results = await searchParticipants(await getPrisma(), parsed.q, page);
      if (!results.tooMany && results.total > 0 && page > results.totalPages) redirect(searchHref(parsed.q, results.totalPages));
      return { kind: "results", q: parsed.q, results };
    }
  }
});

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function returnTo(params: SearchParams): string {
  const q = single(params.q);
  return q === undefined ? "/participants" : searchHref(q, parsePage(single(params.page)));
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const params = await searchParams;
  await requireStaff("finance", returnTo(params));
  const view = await runSearch(single(params.q), single(params.page));
  if (view.kind === "error") return { title: `Error: ${TITLE}` };
  if (view.kind === "results") {
    const { page, totalPages, tooMany } = view.results;
    return { title: !tooMany && totalPages > 1 ? `Search results (page ${page} of ${totalPages})` : "Search results" };
  }
  if (view.kind === "unknown_id") return { title: "Search results" };
  return { title: TITLE };
}

export default async function ParticipantSearchPage({ searchParams }: Props) {
  const params = await searchParams;
  await requireStaff("finance", returnTo(params));
  const view = await runSearch(single(params.q), single(params.page));
  const q = view.kind === "form" ? "" : view.q;
  const error = view.kind === "error" ? view.message : undefined;

  return (
    <PageShell>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {error && <ErrorSummary errors={[{ href: "#q", text: error }]} />}
          <form method="get" action="/participants" role="search" aria-label="Participants" noValidate>
            <Input
              name="q"
              id="q"
              type="search"
              label={TITLE}
              labelClassName="govuk-label--l"
              isPageHeading
              hint="Name, email, TRN, participant ID, external ID or declaration ID"
              defaultValue={q}
              errorMessage={error}
              spellCheck={false}
              autoComplete="off"
            />
            <Button type="submit">Search</Button>
          </form>
        </div>
      </div>

      {view.kind === "form" && view.parsed.kind === "empty" && (
        <p className="govuk-body" id="search-hint-message">
          {view.parsed.message}
        </p>
      )}
      {view.kind === "unknown_id" && <NoResults heading={view.message} />}
      {view.kind === "results" && <Results q={view.q} results={view.results} />}
    </PageShell>
  );
}

function NoResults({ heading }: { heading: string }) {
  return (
    <>
      <h2 className="govuk-heading-m">{heading}</h2>
      <p className="govuk-body">Improve your results by:</p>
      <ul className="govuk-list govuk-list--bullet">
        <li>checking your spelling</li>
        <li>searching for part of a name, email address or TRN</li>
        <li>copying the whole participant ID, external ID or declaration ID</li>
      </ul>
    </>
  );
}

function TooMany({ q }: { q: string }) {
  return (
    <>
      <h2 className="govuk-heading-m">{SEARCH_MESSAGES.tooMany(q)}</h2>
      <p className="govuk-body">Refine your search by:</p>
      <ul className="govuk-list govuk-list--bullet">
        <li>entering more of their name, email address or TRN</li>
        <li>entering their full name</li>
        <li>copying the whole participant ID, external ID or declaration ID</li>
      </ul>
    </>
  );
}

function Results({ q, results }: { q: string; results: SearchResults }) {
  const { rows, total, page, pageSize, totalPages } = results;
  if (results.tooMany) return <TooMany q={q} />;
  if (total === 0) return <NoResults heading={`No participants match “${q}”`} />;
  const from = (page - 1) * pageSize + 1;
  const to = from + rows.length - 1;
  return (
    <>
      <Table
        caption={`${pluralise(total, "result")} for “${q}”`}
        captionClassName="govuk-table__caption--m"
        head={["Name", "TRN", "Type", "Lead provider", "School", "Cohort", "Training status"]}
        rows={rows.map((row) => {
          const status = row.trainingStatus ? trainingStatusTag(row.trainingStatus) : null;
          return [
            {
              text: (
                <a className="govuk-link" href={`${participantPath(row.userId)}#enrolment-${row.profileId}`}>
                  {row.fullName}
                </a>
              ),
            },
            row.trn ?? "Not known",
            PARTICIPANT_TYPE_SHORT_LABELS[row.participantType],
            row.leadProvider ?? "Not known",
            row.schoolName ?? "No school",
            row.cohort === null ? "Not known" : String(row.cohort),
            { text: status ? <Tag text={status.text} colour={status.colour} /> : "Not known" },
          ];
        })}
      />
      {totalPages > 1 && (
        <>
          <p className="govuk-body">
            Showing {from.toLocaleString("en-GB")} to {to.toLocaleString("en-GB")} of {pluralise(total, "result")}
          </p>
          <Pagination
            previous={page > 1 ? { href: searchHref(q, page - 1) } : undefined}
            next={page < totalPages ? { href: searchHref(q, page + 1) } : undefined}
            items={paginationItems(page, totalPages, (p) => searchHref(q, p))}
          />
        </>
      )}
    </>
  );
}
