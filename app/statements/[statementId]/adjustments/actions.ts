"use server";
// Server actions for additional adjustments. Each checks the user first, re-validates with the
// same zod schema the browser used, and leaves every rule to lib/statements/adjustments.ts. The form steps
// send the user on to a check-your-answers page; the confirm steps write and go back to the statement.
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireStaff } from "@/lib/auth/guard";
import { staffActor } from "@/lib/db/audit";
import { getPrisma } from "@/lib/db/client";
import { adjustmentRefusal, changeAdjustment, createAdjustment, removeAdjustment } from "@/lib/statements/adjustments";
import { findStatementHeader } from "@/lib/statements/queries";
import { setFlash } from "@/lib/flash";
import { formatMoneyForDisplay } from "@/lib/format/money";
import { formError, validateForm, type FormState } from "@/lib/forms/form-state";
import {
  ADJUSTMENT_CHANGE_CONFIRM_FIELDS,
  ADJUSTMENT_CREATE_CONFIRM_FIELDS,
  ADJUSTMENT_FIELDS,
  adjustmentChangeConfirmSchema,
  adjustmentCreateConfirmSchema,
  adjustmentSchema,
} from "@/lib/validation/adjustment";
import { parseId } from "@/lib/validation/statement-choice";
import {
  changeAdjustmentCheckPath,
  changeAdjustmentPath,
  newAdjustmentCheckPath,
  newAdjustmentPath,
  removeAdjustmentPath,
  statementPath,
  withQuery,
} from "../../_components/paths";

const NO_STATEMENT = "There is no statement with this ID. Go back to the statements and choose one";
const OUT_OF_DATE = "This page is out of date. Go back to the statement and try again";

function describe(adjustment: { name: string; amount: string }): string {
  return `${adjustment.name}: ${formatMoneyForDisplay(adjustment.amount)}`;
}

/** Step 1 of adding: check the form, then on to check your answers. */
export async function checkNewAdjustment(statementId: string, previous: FormState, formData: FormData): Promise<FormState> {
  await requireStaff("finance", newAdjustmentPath(statementId));
  const result = validateForm(adjustmentSchema, formData, ADJUSTMENT_FIELDS, previous);
  if (!result.ok) return result.state;
  const id = parseId(statementId);
  const header = id ? await findStatementHeader(await getPrisma(), id) : null;
  if (!id || !header) return formError(previous, result.values, "name", NO_STATEMENT);
  const refusal = adjustmentRefusal(header, "add");
  if (refusal) return formError(previous, result.values, "name", refusal.message);
  redirect(withQuery(newAdjustmentCheckPath(id), { name: result.data.name, amount: result.data.amount }));
}

/** Step 2 of adding: write it (once, however often the button is pressed). */
export async function confirmNewAdjustment(statementId: string, previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireStaff("finance", newAdjustmentPath(statementId));
  const id = parseId(statementId);
  if (!id) return formError(previous, {}, "form", NO_STATEMENT);
  const result = validateForm(adjustmentCreateConfirmSchema, formData, ADJUSTMENT_CREATE_CONFIRM_FIELDS, previous);
  if (!result.ok) return result.state;
  const outcome = await createAdjustment(await getPrisma(), {
    id: result.data.token,
    statementId: id,
    name: result.data.name,
    amount: result.data.amount,
    actor: staffActor(user),
  });
  if (!outcome.ok) return formError(previous, result.values, "form", outcome.message);
  await setFlash({ path: statementPath(id), heading: "Adjustment added", body: describe(outcome.adjustment) });
  redirect(statementPath(id));
}

const versionField = z.iso.datetime({ error: OUT_OF_DATE });

/** Step 1 of changing: check the form, then on to check your answers (with the version first seen). */
export async function checkChangedAdjustment(
  statementId: string,
  adjustmentId: string,
  previous: FormState,
  formData: FormData,
): Promise<FormState> {
  await requireStaff("finance", changeAdjustmentPath(statementId, adjustmentId));
  const result = validateForm(adjustmentSchema, formData, ADJUSTMENT_FIELDS, previous);
  if (!result.ok) return result.state;
  const id = parseId(statementId);
  const adjustment = parseId(adjustmentId);
  const version = versionField.safeParse(formData.get("version"));
  if (!id || !adjustment || !version.success) return formError(previous, result.values, "name", OUT_OF_DATE);
  const header = await findStatementHeader(await getPrisma(), id);
  if (!header) return formError(previous, result.values, "name", NO_STATEMENT);
  const refusal = adjustmentRefusal(header, "change");
  if (refusal) return formError(previous, result.values, "name", refusal.message);
  redirect(withQuery(changeAdjustmentCheckPath(id, adjustment), { name: result.data.name, amount: result.data.amount, version: version.data }));
}

/** Step 2 of changing: write it, unless someone else changed the adjustment since. */
export async function confirmChangedAdjustment(
  statementId: string,
  adjustmentId: string,
  previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const user = await requireStaff("finance", changeAdjustmentPath(statementId, adjustmentId));
  const id = parseId(statementId);
  const adjustment = parseId(adjustmentId);
  if (!id || !adjustment) return formError(previous, {}, "form", OUT_OF_DATE);
  const result = validateForm(adjustmentChangeConfirmSchema, formData, ADJUSTMENT_CHANGE_CONFIRM_FIELDS, previous);
  if (!result.ok) return result.state;
  const outcome = await changeAdjustment(await getPrisma(), {
    statementId: id,
    adjustmentId: adjustment,
    name: result.data.name,
    amount: result.data.amount,
    version: new Date(result.data.version),
    actor: staffActor(user),
  });
  if (!outcome.ok) return formError(previous, result.values, "form", outcome.message);
  await setFlash({ path: statementPath(id), heading: "Adjustment changed", body: describe(outcome.adjustment) });
  redirect(statementPath(id));
}

/** Removing (the remove page is its own confirmation). */
export async function confirmRemovedAdjustment(statementId: string, adjustmentId: string, previous: FormState): Promise<FormState> {
  const user = await requireStaff("finance", removeAdjustmentPath(statementId, adjustmentId));
  const id = parseId(statementId);
  const adjustment = parseId(adjustmentId);
  if (!id || !adjustment) return formError(previous, {}, "form", OUT_OF_DATE);
  const outcome = await removeAdjustment(await getPrisma(), { statementId: id, adjustmentId: adjustment, actor: staffActor(user) });
  if (!outcome.ok) return formError(previous, {}, "form", outcome.message);
  await setFlash({ path: statementPath(id), heading: "Adjustment removed", body: describe(outcome.adjustment) });
  redirect(statementPath(id));
}
