"use server";
import { pathId } from "@/lib/auth/resource";
import { staffActor } from "@/lib/db/audit";
import { getPrisma } from "@/lib/db/client";
import type { FormState } from "@/lib/forms/form-state";
import { staffAction } from "@/lib/forms/staff-action";
import { pluralise } from "@/lib/format/labels";
import { mergeParticipants } from "@/lib/participants/duplicates";
import { MERGE_FORM } from "@/lib/validation/merge-participants";
import { participantPath } from "../../../../participants/paths";
import { mergeRefusalCopy } from "../../../copy";
import { mergePath } from "../../../paths";

/** Keep `keptId`, merge `retiredId` into it: one transaction in lib/participants/duplicates.ts. */
export async function mergeDuplicate(keptId: string, retiredId: string, previous: FormState, formData: FormData): Promise<FormState> {
  return staffAction(MERGE_FORM, { previous, formData }, { role: "finance", returnTo: mergePath(keptId, retiredId) }, async ({ user }) => {
    const kept = pathId(keptId);
    const retired = pathId(retiredId);
    if (!kept || !retired) return { error: { field: "confirm", message: mergeRefusalCopy({ ok: false, code: "not_found" }) } };
    const outcome = await mergeParticipants(await getPrisma(), { keptUserId: kept, retiredUserId: retired, actor: staffActor(user) });
    if (!outcome.ok) return { error: { field: "confirm", message: mergeRefusalCopy(outcome) } };
    const voided = outcome.voided.length;
    return {
      redirectTo: participantPath(kept),
      flash: {
        heading: "Records merged",
        body: `Participant ID ${retired} now leads to this record.${voided > 0 ? ` ${pluralise(voided, "duplicate declaration")} voided.` : ""}`,
      },
    };
  });
}
