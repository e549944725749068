// The four PUT /api/v3/participants/ecf/{id}/<action> endpoints share one handler: find the
// participant (404 when this provider cannot see them), check the body, apply the change, and
// answer with the participant as GET …/{id} shows it.
import { applyParticipantAction, type ParticipantAction } from "@/lib/participants/actions";
import { findParticipant, isParticipantVisible } from "@/lib/participants/queries";
import { PARTICIPANT_ACTION_TYPES, validateChangeSchedule, validateStatusChange } from "@/lib/api/validation/participants";
import { notFound, unprocessable, type ApiErrorItem } from "./errors";
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

function parseAction(kind: Kind, attributes: Record<string, unknown>): { action: ParticipantAction; issues: ApiErrorItem[] } {
  if (kind === "change-schedule") {
    const { values, issues } = validateChangeSchedule(attributes);
    return { action: { kind, ...values }, issues };
  }
  const { values, issues } = validateStatusChange(kind, attributes);
  return { action: { kind, ...values }, issues };
}

export function participantActionRoute(kind: Kind) {
  return leadProviderRoute<{ id: string }>(async ({ request, params, prisma, provider, now }) => {
    const participantId = pathId(params.id);
    if (!(await isParticipantVisible(prisma, provider.id, participantId))) throw notFound();
    const { action, issues } = parseAction(kind, await readAttributes(request, BODY_TYPE[kind]));
    const outcome = await applyParticipantAction(prisma, { leadProvider: provider, participantId, action, issues, now });
    if (!outcome.ok) throw outcome.notFound ? notFound() : unprocessable(outcome.errors);
    const participant = await findParticipant(prisma, provider.id, outcome.userId);
    if (!participant) throw notFound();
    return dataResponse(serializeParticipant(participant));
  });
}
