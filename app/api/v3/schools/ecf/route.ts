// GET /api/v3/schools/ecf?filter[cohort]=2024&filter[urn]=123456 — schools eligible for funded
// training in the cohort (filter[cohort] is required).
import { listSchools } from "@/lib/schools/queries";
import { parseCohortFilter, parsePage, parseUrnFilter } from "@/lib/api/query";
import { dataResponse } from "@/lib/api/response";
import { leadProviderRoute } from "@/lib/api/route";
import { serializeSchool } from "@/lib/api/serializers";

export const dynamic = "force-dynamic";

export const GET = leadProviderRoute(async ({ url, prisma }) => {
  const [cohort] = parseCohortFilter(url, { required: true, single: true });
  const schools = await listSchools(prisma, { cohort: cohort as number, urn: parseUrnFilter(url) }, parsePage(url));
  return dataResponse(schools.map(serializeSchool));
});
