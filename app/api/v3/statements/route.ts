// GET /api/v3/statements?filter[cohort]=2024&filter[updated_since]=… — this provider's output statements.
import { listStatements } from "@/lib/statements/provider-queries";
import { parseCohortFilter, parsePage, parseUpdatedSince } from "@/lib/api/query";
import { dataResponse } from "@/lib/api/response";
import { leadProviderRoute } from "@/lib/api/route";
import { serializeStatement } from "@/lib/api/serializers";

export const dynamic = "force-dynamic";

export const GET = leadProviderRoute(async ({ url, prisma, provider }) => {
  const filters = { cohorts: parseCohortFilter(url), updatedSince: parseUpdatedSince(url) };
  const statements = await listStatements(prisma, provider.id, filters, parsePage(url));
  return dataResponse(statements.map(serializeStatement));
});
