"use server";
import { pathId } from "@/lib/auth/resource";
import { staffActor } from "@/lib/db/audit";
import { getPrisma } from "@/lib/db/client";
import { authoriseStatement } from "@/lib/statements/authorise";
import { formatMoneyForDisplay } from "@/lib/format/money";
import type { FormState } from "@/lib/forms/form-state";
import { staffAction } from "@/lib/forms/staff-action";
import { AUTHORISE_FORM } from "@/lib/validation/authorise";
import { authorisePath, statementPath, withQuery } from "../../_components/paths";

/**
 * Authorise for payment (approvers only): the checkbox and the figures the approver checked, then
 * one transaction in lib/statements/authorise.ts. When the figures changed since the page was
 * shown, back to the page, which shows the new figures under "The statement changed since you
 * checked it".
 */
export async function authoriseForPayment(statementId: string, previous: FormState, formData: FormData): Promise<FormState> {
  return staffAction(AUTHORISE_FORM, { previous, formData }, { role: "approver", returnTo: authorisePath(statementId) }, async ({ user, data }) => {
    const id = pathId(statementId);
    if (!id) return { error: { field: "confirm", message: "There is no statement with this ID" } };
    const outcome = await authoriseStatement(await getPrisma(), {
      statementId: id,
      actor: staffActor(user),
      checked: { fingerprint: data.fingerprint, totalWithVat: data.totalWithVat },
    });
    if (!outcome.ok && outcome.code === "figures_changed") return { redirectTo: withQuery(authorisePath(id), { changed: "1" }) };
    if (!outcome.ok) return { error: { field: "confirm", message: outcome.message } };
    const { view } = outcome;
    return {
      redirectTo: statementPath(id),
      flash: {
        heading: "Statement authorised for payment",
        body: `${view.statement.name} statement for ${view.provider.name}: ${formatMoneyForDisplay(view.result.totalWithVat)} (with VAT).`,
      },
    };
  });
}
