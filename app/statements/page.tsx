// Choose a statement: lead provider → cohort → statement, a GET form that narrows step by step
// (no JavaScript needed). Hidden fields remember which provider and cohort the lists were made for,
// so changing the provider starts the later steps again instead of opening another provider's
// statement. Below it, the chosen provider's statements with their status and payment dates.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Button, ErrorSummary, PageShell, Pagination, Select, Table, Tag, paginationItems } from "@/components/govuk";
import { requireStaff } from "@/lib/auth/guard";
import { getPrisma } from "@/lib/db/client";
import {
  defaultStatement,
  listCohortStatements,
  listProviderStatements,
  listStatementCohorts,
  listStatementProviders,
  type StatementListItem,
} from "@/lib/statements/queries";
import { listCurrentStatements } from "@/lib/statements/overview";
import { formatDate } from "@/lib/format/dates";
import { formatMoneyForDisplay } from "@/lib/format/money";
import { statementKindLabel } from "@/lib/format/statement";
import { statementStatusTag } from "@/lib/format/tags";
import { parseStatementChoice, statementChoiceHref, type SearchParams } from "@/lib/validation/statement-choice";
import { statementPath } from "./_components/paths";

type Props = { searchParams: Promise<SearchParams> };

/** This page's own address, to come back to after signing in. */
function returnTo(params: SearchParams): string {
  const query = new URLSearchParams(Object.entries(params).flatMap(([key, value]) => (typeof value === "string" ? [[key, value]] : []))).toString();
  return query ? `/statements?${query}` : "/statements";
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const params = await searchParams;
  await requireStaff("finance", returnTo(params));
  const errors = (await choose(params)).errors;
  return { title: errors.length > 0 ? "Error: Statements" : "Statements" };
}

type FieldError = { field: "lead-provider" | "cohort" | "statement"; message: string };

async function choose(params: SearchParams) {
  const choice = parseStatementChoice(params);
  const prisma = await getPrisma();
  const errors: FieldError[] = [];
  const providers = await listStatementProviders(prisma);
  const provider = providers.find((p) => p.id === choice.leadProviderId) ?? null;
  if (choice.leadProviderGiven && !provider) errors.push({ field: "lead-provider", message: "Select a lead provider" });

  const cohorts = provider ? await listStatementCohorts(prisma, provider.id) : [];
  // The cohort (and statement) only count if they were chosen for this provider.
  const cohortApplies = provider !== null && (choice.listedForProvider === null || choice.listedForProvider === provider.id);
  const cohort = cohortApplies ? (cohorts.find((c) => c.startYear === choice.cohortYear) ?? null) : null;
  if (cohortApplies && choice.cohortGiven && !cohort) errors.push({ field: "cohort", message: "Select a cohort" });

  const statements = provider && cohort ? await listCohortStatements(prisma, provider.id, cohort.id) : [];
  const statementApplies = cohort !== null && (choice.listedForCohort === null || choice.listedForCohort === cohort.startYear);
  const statement = statementApplies ? (statements.find((s) => s.id === choice.statementId) ?? null) : null;
  if (statementApplies && choice.statementGiven && !statement) errors.push({ field: "statement", message: "Select a statement" });

  return { choice, providers, provider, cohorts, cohort, statements, statement, errors };
}

function statementOption(statement: StatementListItem): string {
  return `${statement.name} (${statement.outputFee ? "output" : "service fee only"}, ${statement.status})`;
}

export default async function StatementsPage({ searchParams }: Props) {
  const params = await searchParams;
  await requireStaff("finance", returnTo(params));
  const { choice, providers, provider, cohorts, cohort, statements, statement, errors } = await choose(params);
  if (statement) redirect(statementPath(statement.id));

  const errorFor = (field: FieldError["field"]) => errors.find((e) => e.field === field)?.message;
  const offered = defaultStatement(statements);
  const list = provider ? await listProviderStatements(await getPrisma(), provider.id, cohort?.id ?? null, choice.page) : null;
  const listHref = (page: number) => statementChoiceHref({ leadProviderId: provider?.id, cohortYear: cohort?.startYear, page });
  // The page opens on the current statements; once a provider is chosen it is about that provider.
  const current = choice.leadProviderGiven ? null : await listCurrentStatements(await getPrisma(), new Date());

  return (
    <PageShell>
      {errors.length > 0 ? <ErrorSummary errors={errors.map((e) => ({ href: `#${e.field}`, text: e.message }))} /> : null}
      <h1 className="govuk-heading-l">Statements</h1>
      {current ? (
      <Table
        caption="Current statements: each lead provider's earliest statement whose cut-off date has not passed"
        captionClassName="govuk-table__caption--m"
        className="govuk-!-margin-bottom-8"
        firstCellIsHeader
        data-testid="current-statements"
        head={["Lead provider", "Statement", "Cohort", "Status", "Cut-off date", { text: "Total (with VAT)", format: "numeric" }]}
        rows={current.map(({ provider: p, statement: s }) => {
          if (!s) return [p.name, { text: "No statement with a cut-off date still to come", colSpan: 5 }];
          const tag = statementStatusTag(s.status);
          return [
            p.name,
            {
              text: (
                <a className="govuk-link" href={statementPath(s.id)}>
                  {s.name}
                  <span className="govuk-visually-hidden">
                    {" "}
                    statement for {p.name}, {s.cohortYear} cohort
                  </span>
                </a>
              ),
              attributes: { "data-statement-id": s.id },
            },
            String(s.cohortYear),
            { text: <Tag text={tag.text} colour={tag.colour} /> },
            { text: formatDate(s.deadlineDate), className: "app-nowrap" },
            { text: s.totalWithVat === null ? "No contract" : formatMoneyForDisplay(s.totalWithVat), format: "numeric", className: "app-nowrap" },
          ];
        })}
      />
      ) : null}
      <h2 className="govuk-heading-m">Find a statement</h2>
      <p className="govuk-body">Choose a lead provider, then a cohort, then the statement you want to read.</p>
      <form method="get" action="/statements" noValidate className="govuk-!-margin-bottom-8">
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-third">
            <Select
              name="lead-provider"
              label="Lead provider"
              labelClassName="govuk-label--s"
              className="govuk-!-width-full"
              errorMessage={errorFor("lead-provider")}
              defaultValue={provider?.id ?? ""}
              items={[
                provider ? null : { value: "", text: "Select a lead provider" },
                ...providers.map((p) => ({ value: p.id, text: p.name })),
              ]}
            />
          </div>
          {provider ? (
            <div className="govuk-grid-column-one-third">
              <input type="hidden" name="listed-for-provider" value={provider.id} />
              <Select
                name="cohort"
                label="Cohort"
                labelClassName="govuk-label--s"
                className="govuk-!-width-full"
                errorMessage={errorFor("cohort")}
                defaultValue={String(cohort?.startYear ?? cohorts.at(-1)?.startYear ?? "")}
                items={cohorts.map((c) => ({ value: String(c.startYear), text: `${c.startYear} cohort` }))}
              />
            </div>
          ) : null}
          {provider && cohort ? (
            <div className="govuk-grid-column-one-third">
              <input type="hidden" name="listed-for-cohort" value={cohort.startYear} />
              <Select
                name="statement"
                label="Statement"
                labelClassName="govuk-label--s"
                className="govuk-!-width-full"
                errorMessage={errorFor("statement")}
                defaultValue={offered?.id ?? ""}
                items={statements.map((s) => ({ value: s.id, text: statementOption(s) }))}
              />
            </div>
          ) : null}
        </div>
        <Button type="submit">{provider && cohort ? "View statement" : "Continue"}</Button>
      </form>

      {provider && list ? (
        <>
          <h2 className="govuk-heading-m">
            {provider.name} statements{cohort ? `, ${cohort.startYear} cohort` : ""}
          </h2>
          <Table
            caption={`${list.total.toLocaleString("en-GB")} statements, by payment date${list.pages > 1 ? ` (page ${list.page} of ${list.pages})` : ""}`}
            captionClassName="govuk-table__caption--s"
            firstCellIsHeader
            head={["Statement", "Cohort", "Type", "Cut-off date", "Payment date", "Status"]}
            rows={list.items.map((s) => {
              const tag = statementStatusTag(s.status);
              return [
                {
                  text: (
                    <a className="govuk-link" href={statementPath(s.id)}>
                      {s.name}
                      <span className="govuk-visually-hidden">, {s.cohortYear} cohort</span>
                    </a>
                  ),
                },
                String(s.cohortYear),
                statementKindLabel(s.outputFee),
                { text: formatDate(s.deadlineDate), className: "app-nowrap" },
                { text: formatDate(s.paymentDate), className: "app-nowrap" },
                { text: <Tag text={tag.text} colour={tag.colour} /> },
              ];
            })}
          />
          {list.pages > 1 ? (
            <Pagination
              previous={list.page > 1 ? { href: listHref(list.page - 1) } : undefined}
              next={list.page < list.pages ? { href: listHref(list.page + 1) } : undefined}
              items={paginationItems(list.page, list.pages, listHref)}
            />
          ) : null}
        </>
      ) : null}
    </PageShell>
  );
}
