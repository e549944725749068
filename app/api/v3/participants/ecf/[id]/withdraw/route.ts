// PUT /api/v3/participants/ecf/{id}/withdraw (see lib/participants/actions.ts for the rules).
import { participantActionRoute } from "@/lib/api/participant-action-route";

export const dynamic = "force-dynamic";

export const PUT = participantActionRoute("withdraw");
