// GET /api/v3/participant-declarations/{id} — one of this provider's declarations.
import { findDeclaration } from "@/lib/declarations/queries";
import { notFound } from "@/lib/api/errors";
import { pathId } from "@/lib/api/request";
import { dataResponse } from "@/lib/api/response";
import { leadProviderRoute } from "@/lib/api/route";
import { serializeDeclaration } from "@/lib/api/serializers";

export const dynamic = "force-dynamic";

export const GET = leadProviderRoute<{ id: string }>(async ({ params, prisma, provider }) => {
  const declaration = await findDeclaration(prisma, provider.id, pathId(params.id));
  if (!declaration) throw notFound();
  return dataResponse(serializeDeclaration(declaration));
});
