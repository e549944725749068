// GET /api/v3/participants/ecf/transfers — participants who moved to or from this provider's schools.
import { listTransfers } from "@/lib/participants/transfers";
import { parsePage } from "@/lib/api/query";
import { dataResponse } from "@/lib/api/response";
import { leadProviderRoute } from "@/lib/api/route";
import { serializeTransfers } from "@/lib/api/serializers";

export const dynamic = "force-dynamic";

export const GET = leadProviderRoute(async ({ url, prisma, provider, now }) => {
  const transfers = await listTransfers(prisma, provider.id, now, parsePage(url));
  return dataResponse(transfers.map(serializeTransfers));
});
