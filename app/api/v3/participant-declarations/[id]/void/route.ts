// PUT /api/v3/participant-declarations/{id}/void — void (or, once paid, claw back) a declaration.
// The shared void transaction (lib/declarations/void.ts) locks the row, applies the lifecycle,
// writes the clawback line item and the audit entry.
import { voidDeclaration } from "@/lib/declarations/void";
import { findDeclaration } from "@/lib/declarations/queries";
import { apiActor } from "@/lib/db/audit";
import { voidRefusalMessage } from "@/lib/api/declarations";
import { notFound, unprocessable } from "@/lib/api/errors";
import { VOID_TITLE } from "@/lib/api/messages";
import { pathId } from "@/lib/api/request";
import { dataResponse } from "@/lib/api/response";
import { leadProviderRoute } from "@/lib/api/route";
import { serializeDeclaration } from "@/lib/api/serializers";

export const dynamic = "force-dynamic";

export const PUT = leadProviderRoute<{ id: string }>(async ({ params, prisma, provider, now }) => {
  const declarationId = pathId(params.id);
  const outcome = await voidDeclaration(prisma, {
    declarationId,
    actor: apiActor(provider),
    reason: null,
    leadProviderId: provider.id,
    now,
  });
  if (!outcome.ok) throw outcome.code === "not_found" ? notFound() : unprocessable([{ title: VOID_TITLE, detail: voidRefusalMessage(outcome) }]);
  const declaration = await findDeclaration(prisma, provider.id, declarationId);
  if (!declaration) throw notFound();
  return dataResponse(serializeDeclaration(declaration));
});
