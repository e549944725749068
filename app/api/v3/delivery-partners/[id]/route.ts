// GET /api/v3/delivery-partners/{id} — one delivery partner working with this provider.
import { findDeliveryPartner } from "@/lib/delivery-partners/queries";
import { notFound } from "@/lib/api/errors";
import { pathId } from "@/lib/api/request";
import { dataResponse } from "@/lib/api/response";
import { leadProviderRoute } from "@/lib/api/route";
import { serializeDeliveryPartner } from "@/lib/api/serializers";

export const dynamic = "force-dynamic";

export const GET = leadProviderRoute<{ id: string }>(async ({ params, prisma, provider }) => {
  const partner = await findDeliveryPartner(prisma, provider.id, pathId(params.id));
  if (!partner) throw notFound();
  return dataResponse(serializeDeliveryPartner(partner));
});
