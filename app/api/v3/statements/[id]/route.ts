// GET /api/v3/statements/{id} — one of this provider's output statements.
import { findStatement } from "@/lib/statements/provider-queries";
import { notFound } from "@/lib/api/errors";
import { pathId } from "@/lib/api/request";
import { dataResponse } from "@/lib/api/response";
import { leadProviderRoute } from "@/lib/api/route";
import { serializeStatement } from "@/lib/api/serializers";

export const dynamic = "force-dynamic";

export const GET = leadProviderRoute<{ id: string }>(async ({ params, prisma, provider }) => {
  const statement = await findStatement(prisma, provider.id, pathId(params.id));
  if (!statement) throw notFound();
  return dataResponse(serializeStatement(statement));
});
