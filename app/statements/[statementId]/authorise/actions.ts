"use server";
import { redirect } from "next/navigation";
import { requireStaff } from "@/lib/auth/guard";
import { staffActor } from "@/lib/db/audit";
import { getPrisma } from "@/lib/db/client";
import { authoriseStatement } from "@/lib/statements/queries";
import { setFlash } from "@/lib/flash";
import { formatMoneyForDisplay } from "@/lib/format/money";
import { formError, validateForm, type FormState } from "@/lib/forms/form-state";
import { AUTHORISE_FIELDS, authoriseSchema } from "@/lib/validation/authorise";
import { parseId } from "@/lib/validation/statement-choice";
import { authorisePath, statementPath } from "../../_components/paths";

/** Authorise for payment: the checkbox, then one transaction in lib/statements/queries.ts. */
export async function authoriseForPayment(statementId: string, previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireStaff("finance", authorisePath(statementId));
  const result = validateForm(authoriseSchema, formData, AUTHORISE_FIELDS, previous);
  if (!result.ok) return result.state;
  const id = parseId(statementId);
  if (!id) return formError(previous, result.values, "confirm", "There is no statement with this ID");
  const outcome = await authoriseStatement(await getPrisma(), { statementId: id, actor: staffActor(user) });
  if (!outcome.ok) return formError(previous, result.values, "confirm", outcome.message);
  await setFlash({
    path: statementPath(id),
    heading: "Statement authorised for payment",
    body: `${outcome.view.statement.name} statement for ${outcome.view.provider.name}: ${formatMoneyForDisplay(outcome.view.result.totalWithVat)} (with VAT).`,
  });
  redirect(statementPath(id));
}
