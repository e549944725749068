// GET /api/v3/participants/ecf?filter[cohort]=2024&filter[updated_since]=2020-11-13T11:21:55Z
import { listParticipants } from "@/lib/participants/queries";
import { parseCohortFilter, parsePage, parseUpdatedSince } from "@/lib/api/query";
import { dataResponse } from "@/lib/api/response";
import { leadProviderRoute } from "@/lib/api/route";
import { serializeParticipant } from "@/lib/api/serializers";

export const dynamic = "force-dynamic";

export const GET = leadProviderRoute(async ({ url, prisma, provider }) => {
  const filters = { cohorts: parseCohortFilter(url), updatedSince: parseUpdatedSince(url) };
  const participants = await listParticipants(prisma, provider.id, filters, parsePage(url));
  return dataResponse(participants.map(serializeParticipant));
});
