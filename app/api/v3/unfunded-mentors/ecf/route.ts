// GET /api/v3/unfunded-mentors/ecf — mentors of this provider's ECTs who train with another provider.
import { listUnfundedMentors } from "@/lib/participants/unfunded-mentors";
import { parsePage } from "@/lib/api/query";
import { dataResponse } from "@/lib/api/response";
import { leadProviderRoute } from "@/lib/api/route";
import { serializeUnfundedMentor } from "@/lib/api/serializers";

export const dynamic = "force-dynamic";

export const GET = leadProviderRoute(async ({ url, prisma, provider }) => {
  const mentors = await listUnfundedMentors(prisma, provider.id, parsePage(url));
  return dataResponse(mentors.map(serializeUnfundedMentor));
});
