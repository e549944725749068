// GET /api/v3/unfunded-mentors/ecf/{id} — one unfunded mentor (the id is the mentor's user id).
import { findUnfundedMentor } from "@/lib/participants/unfunded-mentors";
import { notFound } from "@/lib/api/errors";
import { pathId } from "@/lib/api/request";
import { dataResponse } from "@/lib/api/response";
import { leadProviderRoute } from "@/lib/api/route";
import { serializeUnfundedMentor } from "@/lib/api/serializers";

export const dynamic = "force-dynamic";

export const GET = leadProviderRoute<{ id: string }>(async ({ params, prisma, provider }) => {
  const mentor = await findUnfundedMentor(prisma, provider.id, pathId(params.id));
  if (!mentor) throw notFound();
  return dataResponse(serializeUnfundedMentor(mentor));
});
