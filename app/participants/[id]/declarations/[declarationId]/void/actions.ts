"use server";
// Voids a declaration from the check-your-answers page: the finance role, the form's zod schema,
// the declaration must be this participant's, then the one transaction (lib/declarations/void.ts).
// A refusal changes nothing and comes back to the page's error summary; the page is refreshed so
// it shows the declaration as it is now.
import { refresh } from "next/cache";
import { staffActor } from "@/lib/db/audit";
import { getPrisma } from "@/lib/db/client";
import { voidDeclaration } from "@/lib/declarations/void";
import { findParticipantDeclaration } from "@/lib/declarations/void-check";
import { formatUkDate } from "@/lib/format/dates";
import { declarationTypeLabel } from "@/lib/format/labels";
import type { FormState } from "@/lib/forms/form-state";
import { staffAction } from "@/lib/forms/staff-action";
import { VOID_DECLARATION_FORM } from "@/lib/validation/void-declaration";
import { participantPath, voidDeclarationPath } from "../../../../paths";
import { voidRefusalCopy } from "./copy";

export async function voidDeclarationAction(
  participantId: string,
  declarationId: string,
  previous: FormState,
  formData: FormData,
): Promise<FormState> {
  return staffAction(VOID_DECLARATION_FORM, { previous, formData }, { role: "finance", returnTo: voidDeclarationPath(participantId, declarationId) }, async ({ user, data }) => {
    const prisma = await getPrisma();
    const found = await findParticipantDeclaration(prisma, participantId, declarationId);
    if (!found) {
      return { error: { field: "declaration", message: "This declaration is not one of this participant’s. Go back to the participant and try again" } };
    }
    const outcome = await voidDeclaration(prisma, {
      declarationId: found.declarationId,
      actor: staffActor(user),
      reason: data.reason,
      expectedState: data.expectedState,
    });
    if (!outcome.ok) {
      refresh();
      return { error: { field: "declaration", message: voidRefusalCopy(outcome) } };
    }

    const declaration = `${declarationTypeLabel(found.declarationType).toLowerCase()} declaration of ${formatUkDate(found.declarationDate)}`;
    return {
      redirectTo: participantPath(found.userId),
      flash:
        outcome.kind === "clawback" && outcome.clawbackStatement
          ? {
              heading: `Declaration marked for clawback on ${outcome.clawbackStatement.name}`,
              body: `The ${declaration} is awaiting clawback. The payment will be taken back on the ${outcome.clawbackStatement.name} statement.`,
            }
          : { heading: "Declaration voided", body: `The ${declaration} is now voided.` },
    };
  });
}
