"use server";
// The "Change training status" journey's two actions: Continue (check the form, then on to check
// your answers) and Change training status (the one transaction the API's defer/resume/withdraw
// use too: lib/participants/actions.ts changeTrainingStatus). Each is a staffAction (the finance
// role, the same zod schema as the browser). A refusal changes nothing and comes back to the page.
import { pathId } from "@/lib/auth/resource";
import { staffActor } from "@/lib/db/audit";
import { getPrisma } from "@/lib/db/client";
import type { FormState } from "@/lib/forms/form-state";
import { staffAction, type ActionOutcome } from "@/lib/forms/staff-action";
import { changeTrainingStatus } from "@/lib/participants/actions";
import { isTrainingStatusReason, trainingStatusRefusal, type TrainingStatusChange } from "@/lib/participants/rules/training-status";
import { loadTrainingStatusTarget, type TrainingStatusTarget } from "@/lib/participants/training-status";
import type { TrainingStatusValue } from "@/lib/domain/training-statuses";
import { chosenTrainingStatus, TRAINING_STATUS_FORM, TRAINING_STATUS_MESSAGES, trainingStatusFields, type TrainingStatusInput } from "@/lib/validation/training-status";
import { participantPath, trainingStatusCheckPath, trainingStatusPath } from "../../../paths";
import { NOT_FOUND, trainingStatusRefusalCopy } from "./copy";

const CHANGE_TO: Readonly<Record<TrainingStatusValue, TrainingStatusChange>> = { active: "resume", deferred: "defer", withdrawn: "withdraw" };

type Checked = { ok: true; target: TrainingStatusTarget; change: TrainingStatusChange; reason: string | null } | { ok: false; outcome: ActionOutcome };

/** The record must be this participant's, the reason one for its type, and the change allowed now. */
async function check(participantId: string, profileId: string, data: TrainingStatusInput): Promise<Checked> {
  const userId = pathId(participantId);
  const profile = pathId(profileId);
  const target = userId && profile ? await loadTrainingStatusTarget(await getPrisma(), userId, profile) : null;
  if (!target) return { ok: false, outcome: { error: { field: "status", message: NOT_FOUND } } };
  const { status, reason } = chosenTrainingStatus(data);
  const change = CHANGE_TO[status];
  if (change !== "resume" && !isTrainingStatusReason(change, reason ?? "", target.type)) {
    return { ok: false, outcome: { error: { field: change === "defer" ? "deferralReason" : "withdrawalReason", message: TRAINING_STATUS_MESSAGES.reason } } };
  }
  const refused = trainingStatusRefusal(target.trainingStatus, change);
  if (refused) return { ok: false, outcome: { error: { field: "status", message: trainingStatusRefusalCopy(refused) } } };
  return { ok: true, target, change, reason };
}

/** Step 1: check the choice, then on to check your answers. */
export async function chooseTrainingStatus(participantId: string, profileId: string, previous: FormState, formData: FormData): Promise<FormState> {
  return staffAction(TRAINING_STATUS_FORM, { previous, formData }, { role: "finance", returnTo: trainingStatusPath(participantId, profileId) }, async ({ data }) => {
    const checked = await check(participantId, profileId, data);
    if (!checked.ok) return checked.outcome;
    const { status, reason } = chosenTrainingStatus(data);
    return { redirectTo: trainingStatusCheckPath(checked.target.participant.userId, checked.target.profileId, trainingStatusFields(status, reason)) };
  });
}

/** Step 2: change it (once: the rules refuse a second identical change), then back to the participant. */
export async function confirmTrainingStatus(participantId: string, profileId: string, previous: FormState, formData: FormData): Promise<FormState> {
  return staffAction(TRAINING_STATUS_FORM, { previous, formData }, { role: "finance", returnTo: trainingStatusPath(participantId, profileId) }, async ({ user, data }) => {
    const checked = await check(participantId, profileId, data);
    if (!checked.ok) return checked.outcome;
    const { target, change, reason } = checked;
    const outcome = await changeTrainingStatus(await getPrisma(), {
      profileId: target.profileId,
      leadProviderId: target.leadProvider.id,
      change,
      reason,
      actor: staffActor(user),
      now: new Date(),
    });
    if (!outcome.ok) return { error: { field: "status", message: outcome.notFound ? NOT_FOUND : trainingStatusRefusalCopy(outcome.refusal.code) } };
    const { status } = chosenTrainingStatus(data);
    return {
      redirectTo: participantPath(outcome.userId),
      flash: {
        heading: "Training status updated",
        body: `${target.participant.fullName}’s training status with ${target.leadProvider.name} is now ${status}${reason ? ` (${reason.replace(/-/g, " ")})` : ""}.`,
      },
    };
  });
}
