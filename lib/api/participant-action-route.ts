// The four PUT /api/v3/participants/ecf/{id}/<action> endpoints share one handler: find the
// participant (404 when this provider cannot see them), check the body, apply the change, and
// answer with the participant as GET …/{id} shows it. lib/participants/actions.ts refuses with
// codes; this file words them (PARTICIPANT_MESSAGES).
import type { CourseIdentifier } from "@/lib/domain/evidence";
import {
  applyParticipantAction,
  findActionTarget,
  type ParticipantAction,
  type ParticipantActionRefusal,
} from "@/lib/participants/actions";
import { findParticipant, isParticipantVisible } from "@/lib/participants/queries";
import { PARTICIPANT_ACTION_TYPES, validateChangeSchedule, validateStatusChange } from "@/lib/api/validation/participants";
import { FieldErrors, notFound, unprocessable, type ApiErrorItem } from "./errors";
import { PARTICIPANT_MESSAGES as M } from "./messages";
import { pathId, readAttributes } from "./request";
import { dataResponse } from "./response";
import { leadProviderRoute } from "./route";
import { serializeParticipant } from "./serializers";

type Kind = ParticipantAction["kind"];

const BODY_TYPE: Record<Kind, string> = {
  defer: PARTICIPANT_ACTION_TYPES.defer,
  resume: PARTICIPANT_ACTION_TYPES.resume,
  withdraw: PARTICIPANT_ACTION_TYPES.withdraw,
  "change-schedule": PARTICIPANT_ACTION_TYPES.changeSchedule,
};

interface ParsedAction {
  course?: CourseIdentifier;
  /** Undefined when an attribute the change needs is missing or invalid (then `issues` says which). */
  action?: ParticipantAction;
  issues: ApiErrorItem[];
}

function parseAction(kind: Kind, attributes: Record<string, unknown>): ParsedAction {
  if (kind === "change-schedule") {
    const { values, issues } = validateChangeSchedule(attributes);
    const { scheduleIdentifier } = values;
    const action = scheduleIdentifier === undefined ? undefined : { kind, scheduleIdentifier, cohort: values.cohort ?? null };
    return { course: values.courseIdentifier, action, issues };
  }
  const { values, issues } = validateStatusChange(kind, attributes);
  if (kind === "resume") return { course: values.courseIdentifier, action: { kind }, issues };
  const { reason } = values;
  return { course: values.courseIdentifier, action: reason === undefined ? undefined : { kind, reason }, issues };
}

/** A refusal as the API words it: the attribute at fault and the seed's message. */
function refusalError(refusal: ParticipantActionRefusal): ApiErrorItem {
  return { title: refusal.field, detail: refusalMessage(refusal) };
}

type WordedAsIs = Exclude<ParticipantActionRefusal["code"], "cohort_frozen" | "declarations_outside_schedule">;

const REFUSAL_MESSAGES: Readonly<Record<WordedAsIs, string>> = {
  course_not_recognised: M.courseNotRecognised,
  withdrawn: M.withdrawn,
  already_withdrawn: M.alreadyWithdrawn,
  already_deferred: M.alreadyDeferred,
  already_active: M.alreadyActive,
  cohort_not_recognised: M.cohortNotRecognised,
  schedule_not_recognised: M.scheduleNotRecognised,
  replacement_schedule_for_mentors_only: M.replacementScheduleForMentorsOnly,
  same_schedule: M.sameSchedule,
  cohort_change_with_declarations: M.cohortChangeWithDeclarations,
};

function refusalMessage(refusal: ParticipantActionRefusal): string {
  if (refusal.code === "cohort_frozen") return M.cohortFrozen(refusal.cohort);
  if (refusal.code === "declarations_outside_schedule") return M.declarationsOutsideSchedule(refusal.declarationTypes);
  return REFUSAL_MESSAGES[refusal.code];
}

export function participantActionRoute(kind: Kind) {
  return leadProviderRoute<{ id: string }>(async ({ request, params, prisma, provider, now }) => {
    const participantId = pathId(params.id);
    if (!(await isParticipantVisible(prisma, provider.id, participantId))) throw notFound();
    const { course, action, issues } = parseAction(kind, await readAttributes(request, BODY_TYPE[kind]));
    const target = await findActionTarget(prisma, provider.id, participantId, course);
    if (!target) throw notFound();
    // Every failing attribute once, in check order; the course last when it is not the participant's.
    const errors = new FieldErrors();
    for (const issue of issues) errors.add(issue.title, issue.detail);
    if (target.refusal) errors.add(target.refusal.field, refusalMessage(target.refusal));
    if (errors.size > 0 || !action || !target.profileId) throw unprocessable(errors.list());
    const outcome = await applyParticipantAction(prisma, { leadProvider: provider, userId: target.userId, profileId: target.profileId, action, now });
    if (!outcome.ok) throw outcome.notFound ? notFound() : unprocessable([refusalError(outcome.refusal)]);
    const participant = await findParticipant(prisma, provider.id, outcome.userId);
    if (!participant) throw notFound();
    return dataResponse(serializeParticipant(participant));
  });
}
