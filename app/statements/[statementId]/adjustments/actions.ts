"use server";
// Server actions for additional adjustments, each a `staffAction` (the finance check, the form
// re-validated with the same zod schema the browser used, then the work). Every rule is in
// lib/statements (rules/adjustment-refusal.ts, adjustments.ts); the refusal codes are put in words
// here (adjustment-copy.ts). The form steps send the user on to a check-your-answers page; the
// confirm steps write and go back to the statement.
import { z } from "zod";
import { pathId } from "@/lib/auth/resource";
import { staffActor } from "@/lib/db/audit";
import { getPrisma } from "@/lib/db/client";
import { changeAdjustment, confirmAdjustment, createAdjustment, removeAdjustment, type AdjustmentOutcome } from "@/lib/statements/adjustments";
import { findStatementHeader } from "@/lib/statements/queries";
import { adjustmentRefusal } from "@/lib/statements/rules/adjustment-refusal";
import { formatMoneyForDisplay } from "@/lib/format/money";
import type { FormState } from "@/lib/forms/form-state";
import { NO_FIELDS_FORM, staffAction, type ActionOutcome } from "@/lib/forms/staff-action";
import { ADJUSTMENT_APPROVAL_FORM, ADJUSTMENT_CHANGE_CONFIRM_FORM, ADJUSTMENT_CREATE_CONFIRM_FORM, ADJUSTMENT_FORM } from "@/lib/validation/adjustment";
import { adjustmentRefusalMessage, type AdjustmentAction } from "../../_components/adjustment-copy";
import {
  changeAdjustmentCheckPath,
  changeAdjustmentPath,
  confirmAdjustmentPath,
  newAdjustmentCheckPath,
  newAdjustmentPath,
  removeAdjustmentPath,
  statementPath,
  withQuery,
} from "../../_components/paths";

const NO_STATEMENT = "There is no statement with this ID. Go back to the statements and choose one";
const OUT_OF_DATE = "This page is out of date. Go back to the statement and try again";

/** The check steps: the statement must exist and still take adjustments, else an error on the name. */
async function adjustableStatementError(statementId: string, action: AdjustmentAction): Promise<ActionOutcome | null> {
  const header = await findStatementHeader(await getPrisma(), statementId);
  if (!header) return { error: { field: "name", message: NO_STATEMENT } };
  const refusal = adjustmentRefusal(header);
  return refusal ? { error: { field: "name", message: adjustmentRefusalMessage(refusal, action) } } : null;
}

/** The confirm steps: the written adjustment as a banner on the statement, or the refusal in words on the form. */
function written(statementId: string, outcome: AdjustmentOutcome, action: AdjustmentAction, heading: string): ActionOutcome {
  if (!outcome.ok) return { error: { field: "form", message: adjustmentRefusalMessage(outcome.code, action) } };
  const { name, amount } = outcome.adjustment;
  return { redirectTo: statementPath(statementId), flash: { heading, body: `${name}: ${formatMoneyForDisplay(amount)}` } };
}

/** Step 1 of adding: check the form, then on to check your answers. */
export async function checkNewAdjustment(statementId: string, previous: FormState, formData: FormData): Promise<FormState> {
  return staffAction(ADJUSTMENT_FORM, { previous, formData }, { role: "finance", returnTo: newAdjustmentPath(statementId) }, async ({ data }) => {
    const id = pathId(statementId);
    if (!id) return { error: { field: "name", message: NO_STATEMENT } };
    return (
      (await adjustableStatementError(id, "add")) ?? { redirectTo: withQuery(newAdjustmentCheckPath(id), { name: data.name, amount: data.amount }) }
    );
  });
}

/** Step 2 of adding: write it (once, however often the button is pressed). */
export async function confirmNewAdjustment(statementId: string, previous: FormState, formData: FormData): Promise<FormState> {
  return staffAction(ADJUSTMENT_CREATE_CONFIRM_FORM, { previous, formData }, { role: "finance", returnTo: newAdjustmentPath(statementId) }, async ({ user, data }) => {
    const id = pathId(statementId);
    if (!id) return { error: { field: "form", message: NO_STATEMENT } };
    const outcome = await createAdjustment(await getPrisma(), {
      id: data.token,
      statementId: id,
      name: data.name,
      amount: data.amount,
      actor: staffActor(user),
    });
    return written(id, outcome, "add", "Adjustment added");
  });
}

const versionField = z.iso.datetime({ error: OUT_OF_DATE });

/** Step 1 of changing: check the form, then on to check your answers (with the version first seen). */
export async function checkChangedAdjustment(
  statementId: string,
  adjustmentId: string,
  previous: FormState,
  formData: FormData,
): Promise<FormState> {
  return staffAction(ADJUSTMENT_FORM, { previous, formData }, { role: "finance", returnTo: changeAdjustmentPath(statementId, adjustmentId) }, async ({ data }) => {
    const id = pathId(statementId);
    const adjustment = pathId(adjustmentId);
    const version = versionField.safeParse(formData.get("version"));
    if (!id || !adjustment || !version.success) return { error: { field: "name", message: OUT_OF_DATE } };
    return (
      (await adjustableStatementError(id, "change")) ?? {
        redirectTo: withQuery(changeAdjustmentCheckPath(id, adjustment), { name: data.name, amount: data.amount, version: version.data }),
      }
    );
  });
}

/** Step 2 of changing: write it, unless someone else changed the adjustment since. */
export async function confirmChangedAdjustment(
  statementId: string,
  adjustmentId: string,
  previous: FormState,
  formData: FormData,
): Promise<FormState> {
  return staffAction(ADJUSTMENT_CHANGE_CONFIRM_FORM, { previous, formData }, { role: "finance", returnTo: changeAdjustmentPath(statementId, adjustmentId) }, async ({ user, data }) => {
    const id = pathId(statementId);
    const adjustment = pathId(adjustmentId);
    if (!id || !adjustment) return { error: { field: "form", message: OUT_OF_DATE } };
    const outcome = await changeAdjustment(await getPrisma(), {
      statementId: id,
      adjustmentId: adjustment,
      name: data.name,
      amount: data.amount,
      version: new Date(data.version),
      actor: staffActor(user),
    });
    return written(id, outcome, "change", "Adjustment changed");
  });
}

/** Removing (the remove page is its own confirmation: its form has no fields, so form data is optional). */
export async function confirmRemovedAdjustment(statementId: string, adjustmentId: string, previous: FormState, formData?: FormData): Promise<FormState> {
  return staffAction(NO_FIELDS_FORM, { previous, formData: formData ?? new FormData() }, { role: "finance", returnTo: removeAdjustmentPath(statementId, adjustmentId) }, async ({ user }) => {
    const id = pathId(statementId);
    const adjustment = pathId(adjustmentId);
    if (!id || !adjustment) return { error: { field: "form", message: OUT_OF_DATE } };
    const outcome = await removeAdjustment(await getPrisma(), { statementId: id, adjustmentId: adjustment, actor: staffActor(user) });
    return written(id, outcome, "remove", "Adjustment removed");
  });
}

/** An approver confirms an adjustment above the approval limit (one they did not add or change), as they saw it. */
export async function confirmAdjustmentApproval(statementId: string, adjustmentId: string, previous: FormState, formData: FormData): Promise<FormState> {
  return staffAction(ADJUSTMENT_APPROVAL_FORM, { previous, formData }, { role: "approver", returnTo: confirmAdjustmentPath(statementId, adjustmentId) }, async ({ user, data }) => {
    const id = pathId(statementId);
    const adjustment = pathId(adjustmentId);
    if (!id || !adjustment) return { error: { field: "form", message: OUT_OF_DATE } };
    const outcome = await confirmAdjustment(await getPrisma(), { statementId: id, adjustmentId: adjustment, version: new Date(data.version), actor: staffActor(user) });
    return written(id, outcome, "confirm", "Adjustment confirmed");
  });
}
