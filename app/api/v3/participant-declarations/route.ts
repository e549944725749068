// GET /api/v3/participant-declarations?filter[participant_id]=…&filter[cohort]=…&filter[updated_since]=…
// POST /api/v3/participant-declarations — submit a declaration (payment-engine.md's validations).
import { submitDeclaration } from "@/lib/declarations/submit";
import { listDeclarations } from "@/lib/declarations/queries";
import { apiDeps } from "@/lib/api/context";
import { submissionErrors } from "@/lib/api/declarations";
import { unprocessable } from "@/lib/api/errors";
import { parseCohortFilter, parsePage, parseParticipantIdFilter, parseUpdatedSince } from "@/lib/api/query";
import { readAttributes, serverDate } from "@/lib/api/request";
import { dataResponse } from "@/lib/api/response";
import { leadProviderRoute } from "@/lib/api/route";
import { serializeDeclaration } from "@/lib/api/serializers";
import { DECLARATION_TYPE, validateDeclarationAttributes } from "@/lib/api/validation/declarations";

export const dynamic = "force-dynamic";

export const GET = leadProviderRoute(async ({ url, prisma, provider }) => {
  const filters = {
    participantIds: parseParticipantIdFilter(url),
    cohorts: parseCohortFilter(url),
    updatedSince: parseUpdatedSince(url),
  };
  const declarations = await listDeclarations(prisma, provider.id, filters, parsePage(url));
  return dataResponse(declarations.map(serializeDeclaration));
});

export const POST = leadProviderRoute(async ({ request, sql, provider, now }) => {
  const at = serverDate(request, now, apiDeps().allowServerDate());
  const attributes = await readAttributes(request, DECLARATION_TYPE);
  const { values, issues, stop } = validateDeclarationAttributes(attributes, at);
  if (stop) throw unprocessable(issues);
  const outcome = await submitDeclaration({ sql }, { leadProvider: provider, values, attributesValid: issues.length === 0, now: at });
  if (!outcome.ok) throw unprocessable(submissionErrors(issues, outcome.refusals));
  return dataResponse(serializeDeclaration(outcome.declaration));
});
