// GET /api/v3/delivery-partners?filter[cohort]=2024 — delivery partners working with this provider.
import { listDeliveryPartners } from "@/lib/delivery-partners/queries";
import { parseCohortFilter, parsePage } from "@/lib/api/query";
import { dataResponse } from "@/lib/api/response";
import { leadProviderRoute } from "@/lib/api/route";
import { serializeDeliveryPartner } from "@/lib/api/serializers";

export const dynamic = "force-dynamic";

export const GET = leadProviderRoute(async ({ url, prisma, provider }) => {
  const partners = await listDeliveryPartners(prisma, provider.id, parseCohortFilter(url), parsePage(url));
  return dataResponse(partners.map(serializeDeliveryPartner));
});
