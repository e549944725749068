"use server";
// Voids a declaration from the check-your-answers page: the finance role, the form's zod schema,
// the declaration must be this participant's, then the one transaction (lib/declarations/void.ts).
// A refusal changes nothing and comes back to the page's error summary; the page is refreshed so
// it shows the declaration as it is now.
import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { requireStaff } from "@/lib/auth/guard";
import { staffActor } from "@/lib/db/audit";
import { getPrisma } from "@/lib/db/client";
import { voidDeclaration } from "@/lib/declarations/void";
import { findParticipantDeclaration } from "@/lib/declarations/void-check";
import { setFlash } from "@/lib/flash";
import { formatUkDate } from "@/lib/format/dates";
import { declarationTypeLabel } from "@/lib/format/labels";
import { formError, validateForm, type FormState } from "@/lib/forms/form-state";
import { VOID_DECLARATION_FIELDS, voidDeclarationSchema } from "@/lib/validation/void-declaration";
import { participantPath, voidDeclarationPath } from "../../../../paths";

export async function voidDeclarationAction(
  participantId: string,
  declarationId: string,
  previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const user = await requireStaff("finance", voidDeclarationPath(participantId, declarationId));
  const result = validateForm(voidDeclarationSchema, formData, VOID_DECLARATION_FIELDS, previous);
  if (!result.ok) return result.state;

  const prisma = await getPrisma();
  const found = await findParticipantDeclaration(prisma, participantId, declarationId);
  if (!found) {
    return formError(previous, result.values, "declaration", "This declaration is not one of this participant’s. Go back to the participant and try again");
  }
  const outcome = await voidDeclaration(prisma, {
    declarationId: found.declarationId,
    actor: staffActor(user),
    reason: result.data.reason,
    expectedState: result.data.expectedState,
  });
  if (!outcome.ok) {
    refresh();
    return formError(previous, result.values, "declaration", outcome.message);
  }

  const declaration = `${declarationTypeLabel(found.declarationType).toLowerCase()} declaration of ${formatUkDate(found.declarationDate)}`;
  await setFlash({
    path: participantPath(found.userId),
    ...(outcome.kind === "clawback" && outcome.clawbackStatement
      ? {
          heading: `Declaration marked for clawback on ${outcome.clawbackStatement.name}`,
          body: `The ${declaration} is awaiting clawback. The payment will be taken back on the ${outcome.clawbackStatement.name} statement.`,
        }
      : { heading: "Declaration voided", body: `The ${declaration} is now voided.` }),
  });
  redirect(participantPath(found.userId));
}
