// What the statement pages read from their URLs: the chooser's GET form (lead provider → cohort →
// statement, narrowing step by step) and the declaration lists' filter and page. Anything malformed
// is dropped rather than trusted: the page then asks for that step again.
import { PARTICIPANT_TYPES, isParticipantType, type ParticipantType } from "@/lib/domain/participant-types";
import { isUuid } from "@/lib/validation/ids";
import { parsePage } from "@/lib/validation/participant-search";


type Param = string | string[] | undefined;
export type SearchParams = Record<string, Param>;

function first(value: Param): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** A UUID from the URL, lower-cased, or null. */
export function parseId(value: Param): string | null {
  const text = first(value)?.trim();
  return text && isUuid(text) ? text.toLowerCase() : null;
}

export type StatementChoice = {
  /** The lead provider chosen (null: none, or not a valid id). */
  leadProviderId: string | null;
  leadProviderGiven: boolean;
  cohortYear: number | null;
  cohortGiven: boolean;
  statementId: string | null;
  statementGiven: boolean;
  /** The provider the cohort select was listing (hidden field): a different provider now means start again. */
  listedForProvider: string | null;
  /** The cohort the statement select was listing (hidden field). */
  listedForCohort: number | null;
  /** Null when the URL has no page: the list then opens where the unpaid statements start. */
  page: number | null;
};

function parseYear(value: Param): number | null {
  const year = first(value)?.trim() ?? "";
  return /^\d{4}$/.test(year) ? Number(year) : null;
}

function given(value: Param): boolean {
  return first(value) !== undefined;
}

/** `/statements?lead-provider=…&cohort=2025&statement=…` (plus the hidden `listed-for-…` fields, and `page`). */
export function parseStatementChoice(params: SearchParams): StatementChoice {
  return {
    leadProviderId: parseId(params["lead-provider"]),
    leadProviderGiven: given(params["lead-provider"]),
    cohortYear: parseYear(params.cohort),
    cohortGiven: given(params.cohort),
    statementId: parseId(params.statement),
    statementGiven: given(params.statement),
    listedForProvider: parseId(params["listed-for-provider"]),
    listedForCohort: parseYear(params["listed-for-cohort"]),
    page: given(params.page) ? parsePage(params.page) : null,
  };
}

/** The chooser's URL for a provider (and cohort), e.g. to come back from a statement. */
export function statementChoiceHref(choice: { leadProviderId?: string | null; cohortYear?: number | null; page?: number }): string {
  const query = new URLSearchParams();
  if (choice.leadProviderId) query.set("lead-provider", choice.leadProviderId);
  if (choice.cohortYear) query.set("cohort", String(choice.cohortYear));
  if (choice.page && choice.page > 1) query.set("page", String(choice.page));
  const text = query.toString();
  return text ? `/statements?${text}` : "/statements";
}

export type DeclarationListQuery = { type: ParticipantType | null; page: number };

/** `?type=ect|mentor&page=N` on the voided and clawbacks lists; anything else means all, page 1. */
export function parseDeclarationListQuery(params: SearchParams): DeclarationListQuery {
  const type = first(params.type)?.trim();
  return { type: isParticipantType(type) ? type : null, page: parsePage(params.page) };
}

export function declarationListHref(base: string, query: DeclarationListQuery): string {
  const search = new URLSearchParams();
  if (query.type) search.set("type", query.type);
  if (query.page > 1) search.set("page", String(query.page));
  const text = search.toString();
  return text ? `${base}?${text}` : base;
}

export { PARTICIPANT_TYPES };
