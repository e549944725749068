// GET /api/v3/partnerships/ecf/{id} — one of this provider's partnerships.
// PUT /api/v3/partnerships/ecf/{id} — change its delivery partner (active partnerships only).
import { updatePartnership } from "@/lib/partnerships/actions";
import { findPartnership } from "@/lib/partnerships/queries";
import { notFound, unprocessable } from "@/lib/api/errors";
import { pathId, readAttributes } from "@/lib/api/request";
import { dataResponse } from "@/lib/api/response";
import { leadProviderRoute } from "@/lib/api/route";
import { serializePartnership } from "@/lib/api/serializers";
import { PARTNERSHIP_UPDATE_TYPE, partnershipErrors, validatePartnershipUpdate } from "@/lib/api/validation/partnerships";

export const dynamic = "force-dynamic";

export const GET = leadProviderRoute<{ id: string }>(async ({ params, prisma, provider }) => {
  const partnership = await findPartnership(prisma, provider.id, pathId(params.id));
  if (!partnership) throw notFound();
  return dataResponse(serializePartnership(partnership));
});

export const PUT = leadProviderRoute<{ id: string }>(async ({ request, params, prisma, provider }) => {
  const id = pathId(params.id);
  if (!(await findPartnership(prisma, provider.id, id))) throw notFound();
  const { values, issues } = validatePartnershipUpdate(await readAttributes(request, PARTNERSHIP_UPDATE_TYPE));
  const outcome = await updatePartnership(prisma, { leadProvider: provider, partnershipId: id, deliveryPartnerId: values.deliveryPartnerId });
  if (!outcome.ok) throw outcome.notFound ? notFound() : unprocessable(partnershipErrors(issues, outcome.refusals));
  const partnership = await findPartnership(prisma, provider.id, id);
  if (!partnership) throw notFound();
  return dataResponse(serializePartnership(partnership));
});
