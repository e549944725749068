// GET /api/v3/participants/ecf/{id} — one participant (the id is the user id; a registration's
// external or retired id is accepted too, and the answer carries the user id).
import { findParticipant } from "@/lib/participants/queries";
import { notFound } from "@/lib/api/errors";
import { pathId } from "@/lib/api/request";
import { dataResponse } from "@/lib/api/response";
import { leadProviderRoute } from "@/lib/api/route";
import { serializeParticipant } from "@/lib/api/serializers";

export const dynamic = "force-dynamic";

export const GET = leadProviderRoute<{ id: string }>(async ({ params, prisma, provider }) => {
  const participant = await findParticipant(prisma, provider.id, pathId(params.id));
  if (!participant) throw notFound();
  return dataResponse(serializeParticipant(participant));
});
