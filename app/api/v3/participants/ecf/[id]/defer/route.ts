// PUT /api/v3/participants/ecf/{id}/defer (rules: lib/participants/rules/training-status.ts).
import { participantActionRoute } from "@/lib/api/participant-action-route";

export const dynamic = "force-dynamic";

export const PUT = participantActionRoute("defer");
