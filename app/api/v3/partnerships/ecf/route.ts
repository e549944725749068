// GET /api/v3/partnerships/ecf?filter[cohort]=2024 — this provider's partnerships.
// POST /api/v3/partnerships/ecf — confirm a partnership with a school and delivery partner.
import { createPartnership } from "@/lib/partnerships/actions";
import { findPartnership, listPartnerships } from "@/lib/partnerships/queries";
import { notFound, unprocessable } from "@/lib/api/errors";
import { parseCohortFilter, parsePage } from "@/lib/api/query";
import { readAttributes } from "@/lib/api/request";
import { dataResponse } from "@/lib/api/response";
import { leadProviderRoute } from "@/lib/api/route";
import { serializePartnership } from "@/lib/api/serializers";
import { PARTNERSHIP_CREATE_TYPE, partnershipErrors, validatePartnershipCreate } from "@/lib/api/validation/partnerships";

export const dynamic = "force-dynamic";

export const GET = leadProviderRoute(async ({ url, prisma, provider }) => {
  const partnerships = await listPartnerships(prisma, provider.id, parseCohortFilter(url), parsePage(url));
  return dataResponse(partnerships.map(serializePartnership));
});

export const POST = leadProviderRoute(async ({ request, prisma, provider, now }) => {
  const { values, issues } = validatePartnershipCreate(await readAttributes(request, PARTNERSHIP_CREATE_TYPE));
  const outcome = await createPartnership(prisma, { leadProvider: provider, input: values, now });
  if (!outcome.ok) throw unprocessable(partnershipErrors(issues, outcome.refusals));
  const partnership = await findPartnership(prisma, provider.id, outcome.partnershipId);
  if (!partnership) throw notFound();
  return dataResponse(serializePartnership(partnership));
});
