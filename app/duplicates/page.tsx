// Duplicate records: participants who look like one person (the same TRN, the same email, or the
// same name at the same school), a page at a time, each pair linking to its comparison.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PageShell, Pagination, Table, paginationItems } from "@/components/govuk";
import { requireStaff } from "@/lib/auth/guard";
import { getPrisma } from "@/lib/db/client";
import { pluralise } from "@/lib/format/labels";
import { listDuplicatePairs, type DuplicateParticipant } from "@/lib/participants/duplicates";
import { parsePage } from "@/lib/validation/participant-search";
import { participantPath } from "../participants/paths";
import { reasonsText } from "./copy";
import { comparePath, duplicatesPagePath } from "./paths";

export const metadata: Metadata = { title: "Duplicate records" };

const PAGE_SIZE = 25;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function counts(p: DuplicateParticipant): string {
  return `${pluralise(p.profiles, "enrolment")}, ${pluralise(p.declarations, "declaration")}`;
}

function Person({ participant }: { participant: DuplicateParticipant }) {
  return (
    <>
      <a className="govuk-link" href={participantPath(participant.userId)}>
        {participant.fullName}
      </a>
      <br />
      <span className="govuk-body-s">{counts(participant)}</span>
    </>
  );
}

export default async function DuplicatesPage({ searchParams }: Props) {
  const params = await searchParams;
  const rawPage = Array.isArray(params.page) ? params.page[0] : params.page;
  const page = parsePage(rawPage);
  await requireStaff("finance", duplicatesPagePath(page));
  const { total, pairs } = await listDuplicatePairs(await getPrisma(), { skip: (page - 1) * PAGE_SIZE, take: PAGE_SIZE });
  const totalPages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (total > 0 && page > totalPages) redirect(duplicatesPagePath(totalPages));
  const from = (page - 1) * PAGE_SIZE + 1;

  return (
    <PageShell backLink={{ href: "/", text: "Home" }}>
      <h1 className="govuk-heading-l">Duplicate records</h1>
      <p className="govuk-body">
        Participants who look like one person: the same TRN, the same email address, or the same name at the same school. Compare a
        pair, then keep one record: the other is merged into it.
      </p>
      {total === 0 ? (
        <p className="govuk-body">There are no duplicate records.</p>
      ) : (
        <>
          <Table
            caption={pluralise(total, "possible duplicate")}
            captionClassName="govuk-table__caption--m"
            head={["Participant", "Possible duplicate", "Why they match", { text: <span className="govuk-visually-hidden">Action</span> }]}
            rows={pairs.map((pair) => [
              { text: <Person participant={pair.first} /> },
              { text: <Person participant={pair.second} /> },
              reasonsText(pair.reasons),
              {
                text: (
                  <a className="govuk-link" href={comparePath(pair.first.userId, pair.second.userId)}>
                    Compare<span className="govuk-visually-hidden"> {pair.first.fullName} and {pair.second.fullName}</span>
                  </a>
                ),
              },
            ])}
          />
          {totalPages > 1 && (
            <>
              <p className="govuk-body">
                Showing {from.toLocaleString("en-GB")} to {(from + pairs.length - 1).toLocaleString("en-GB")} of{" "}
                {pluralise(total, "possible duplicate")}
              </p>
              <Pagination
                previous={page > 1 ? { href: duplicatesPagePath(page - 1) } : undefined}
                next={page < totalPages ? { href: duplicatesPagePath(page + 1) } : undefined}
                items={paginationItems(page, totalPages, duplicatesPagePath)}
              />
            </>
          )}
        </>
      )}
    </PageShell>
  );
}
