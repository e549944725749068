// GET /api/v3/participants/ecf/{id}/transfers — one participant's transfers.
import { findTransfers } from "@/lib/participants/transfers";
import { notFound } from "@/lib/api/errors";
import { pathId } from "@/lib/api/request";
import { dataResponse } from "@/lib/api/response";
import { leadProviderRoute } from "@/lib/api/route";
import { serializeTransfers } from "@/lib/api/serializers";

export const dynamic = "force-dynamic";

export const GET = leadProviderRoute<{ id: string }>(async ({ params, prisma, provider, now }) => {
  const transfers = await findTransfers(prisma, provider.id, now, pathId(params.id));
  if (!transfers) throw notFound();
  return dataResponse(serializeTransfers(transfers));
});
