// GET /api/v3/schools/ecf/{id}?filter[cohort]=2024 — one school, if eligible in that cohort.
import { findSchool } from "@/lib/schools/queries";
import { notFound } from "@/lib/api/errors";
import { parseCohortFilter } from "@/lib/api/query";
import { pathId } from "@/lib/api/request";
import { dataResponse } from "@/lib/api/response";
import { leadProviderRoute } from "@/lib/api/route";
import { serializeSchool } from "@/lib/api/serializers";

export const dynamic = "force-dynamic";

export const GET = leadProviderRoute<{ id: string }>(async ({ url, params, prisma }) => {
  const [cohort] = parseCohortFilter(url, { required: true, single: true });
  const school = await findSchool(prisma, pathId(params.id), cohort as number);
  if (!school) throw notFound();
  return dataResponse(serializeSchool(school));
});
