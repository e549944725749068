// The audit log: every audit entry, newest first, filtered by who, what and when (a GET form, so it
// works without JavaScript and a filtered list is a link), paginated, each row linking to the
// record it changed, and the filtered list as a CSV.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { cache } from "react";
import { Button, Checkboxes, ErrorSummary, Input, PageShell, Pagination, Select, Table, paginationItems } from "@/components/govuk";
import { listAuditActors, listAuditEntries, type AuditRow } from "@/lib/audit/queries";
import { AUDIT_ACTOR_TYPE_LABELS, AUDIT_CATEGORIES, AUDIT_CATEGORY_LABELS, auditActionLabel } from "@/lib/audit/rules/categories";
import { auditTargetPath } from "@/lib/audit/rules/links";
import { requireStaff } from "@/lib/auth/guard";
import { getPrisma } from "@/lib/db/client";
import { formatUkDateTime } from "@/lib/format/dates";
import { parseAuditFilters, type AuditFilterValues } from "@/lib/validation/audit-filters";
import { auditCsvPath, auditPath } from "./paths";

type SearchParams = Record<string, string | string[] | undefined>;
type Props = { searchParams: Promise<SearchParams> };

const TITLE = "Audit log";

function returnTo(params: SearchParams): string {
  const parsed = parseAuditFilters(params);
  return auditPath(parsed.values);
}

/** The filters and the page of entries for this request (the title and the page share it). */
const load = cache(async (params: SearchParams) => {
  const parsed = parseAuditFilters(params);
  const prisma = await getPrisma();
  const actors = await listAuditActors(prisma);
  if (!parsed.ok) return { parsed, actors, list: null };
  const list = await listAuditEntries(prisma, parsed.filters, parsed.filters.page);
  if (list.total > 0 && parsed.filters.page > list.pages) redirect(auditPath(parsed.values, list.pages));
  return { parsed, actors, list };
});

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const params = await searchParams;
  await requireStaff("finance", returnTo(params));
  const { parsed } = await load(params);
  return { title: parsed.ok ? TITLE : `Error: ${TITLE}` };
}

function recordCell(row: AuditRow) {
  const href = auditTargetPath(row.target);
  const text =
    row.target.kind === "statement"
      ? "Statement"
      : row.target.kind === "declaration"
        ? "Declaration"
        : row.target.kind === "participant"
          ? "Participant"
          : row.entityType.replace(/_/g, " ");
  if (!href) return { text: `${text[0]!.toUpperCase()}${text.slice(1)}` };
  return {
    text: (
      <a className="govuk-link" href={href}>
        {text}
        <span className="govuk-visually-hidden"> changed by this entry ({row.entityId})</span>
      </a>
    ),
  };
}

export default async function AuditPage({ searchParams }: Props) {
  const params = await searchParams;
  await requireStaff("finance", returnTo(params));
  const { parsed, actors, list } = await load(params);
  const values: AuditFilterValues = parsed.values;
  const errorFor = (field: "who" | "what" | "from" | "to") => (parsed.ok ? undefined : parsed.errors.find((e) => e.field === field)?.message);
  const whoKnown = values.who === "" || ["staff", "api", "system"].includes(values.who) || actors.some((a) => `${a.type}:${a.id}` === values.who);

  return (
    <PageShell>
      {parsed.ok ? null : <ErrorSummary errors={parsed.errors.map((e) => ({ href: `#${e.field}`, text: e.message }))} />}
      <h1 className="govuk-heading-l">{TITLE}</h1>
      <p className="govuk-body">Every change recorded by the service, newest first: who made it, what it was, and the record it changed.</p>

      <form method="get" action="/audit" noValidate className="govuk-!-margin-bottom-6">
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-half">
            <Select
              name="who"
              label="Who"
              labelClassName="govuk-label--s"
              className="govuk-!-width-full"
              errorMessage={errorFor("who")}
              defaultValue={whoKnown ? values.who : ""}
              items={[
                { value: "", text: "Anyone" },
                { value: "staff", text: "Any finance user" },
                ...actors.filter((a) => a.type === "staff").map((a) => ({ value: `staff:${a.id}`, text: `Finance user: ${a.label}` })),
                { value: "api", text: "Any lead provider" },
                ...actors.filter((a) => a.type === "api").map((a) => ({ value: `api:${a.id}`, text: `Lead provider: ${a.label}` })),
                { value: "system", text: "System" },
              ]}
            />
            <Input
              name="from"
              label="From"
              labelClassName="govuk-label--s"
              hint="For example, 27/3/2026"
              className="govuk-input--width-10"
              defaultValue={values.from}
              errorMessage={errorFor("from")}
              autoComplete="off"
            />
            <Input
              name="to"
              label="To"
              labelClassName="govuk-label--s"
              hint="For example, 30/4/2026"
              className="govuk-input--width-10"
              defaultValue={values.to}
              errorMessage={errorFor("to")}
              autoComplete="off"
            />
          </div>
          <div className="govuk-grid-column-one-half">
            <Checkboxes
              name="what"
              idPrefix="what"
              legend="What"
              legendClassName="govuk-fieldset__legend--s"
              hint="Select all that apply. Select none to see every change."
              className="govuk-checkboxes--small"
              errorMessage={errorFor("what")}
              values={values.what}
              items={AUDIT_CATEGORIES.map((category) => ({ value: category, text: AUDIT_CATEGORY_LABELS[category] }))}
            />
          </div>
        </div>
        <div className="govuk-button-group">
          <Button type="submit">Apply filters</Button>
          <a className="govuk-link" href="/audit">
            Clear filters
          </a>
        </div>
      </form>

      {list ? (
        <>
          <p className="govuk-body">
            <a className="govuk-link" href={auditCsvPath(values)} download>
              Download this list (CSV)
            </a>
          </p>
          {list.total === 0 ? (
            <p className="govuk-body">No changes match these filters.</p>
          ) : (
            <>
              <Table
                caption={`${list.total.toLocaleString("en-GB")} ${list.total === 1 ? "change" : "changes"}, newest first${list.pages > 1 ? ` (page ${list.page} of ${list.pages})` : ""}`}
                captionClassName="govuk-table__caption--s"
                head={["When", "Who", "What", "Record", "Reason"]}
                rows={list.items.map((row) => [
                  { text: formatUkDateTime(row.occurredAt) },
                  {
                    text: (
                      <>
                        {row.actorLabel}
                        <br />
                        <span className="govuk-hint govuk-!-margin-0 govuk-!-font-size-16">
                          {AUDIT_ACTOR_TYPE_LABELS[row.actorType]}
                          {row.apiTokenId ? `, token ${row.apiTokenId}` : null}
                        </span>
                      </>
                    ),
                  },
                  auditActionLabel(row.action),
                  recordCell(row),
                  row.reason ?? "",
                ])}
              />
              {list.pages > 1 ? (
                <Pagination
                  previous={list.page > 1 ? { href: auditPath(values, list.page - 1) } : undefined}
                  next={list.page < list.pages ? { href: auditPath(values, list.page + 1) } : undefined}
                  items={paginationItems(list.page, list.pages, (page) => auditPath(values, page))}
                />
              ) : null}
            </>
          )}
        </>
      ) : null}
    </PageShell>
  );
}
