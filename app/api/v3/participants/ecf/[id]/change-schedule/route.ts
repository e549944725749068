// PUT /api/v3/participants/ecf/{id}/change-schedule (rules: lib/participants/rules/change-schedule.ts).
import { participantActionRoute } from "@/lib/api/participant-action-route";

export const dynamic = "force-dynamic";

export const PUT = participantActionRoute("change-schedule");
