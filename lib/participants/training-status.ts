// The finance "Change training status" journey's data: the training record (participant profile)
// as the drill-down's enrolment card shows it — its current induction record and that record's
// lead provider, whose induction record the change applies to (changeTrainingStatus in actions.ts).
import type { ParticipantType } from "@/lib/domain/participant-types";
import type { TrainingStatusValue } from "@/lib/domain/training-statuses";
import type { Queryable } from "@/lib/db/query";
import { orderInductionRecords, resolveParticipantId } from "./identity";

export type TrainingStatusTarget = {
  participant: { userId: string; fullName: string };
  profileId: string;
  type: ParticipantType;
  leadProvider: { id: string; name: string };
  cohortStartYear: number;
  trainingStatus: TrainingStatusValue;
  trainingStatusReason: string | null;
  trainingStatusDate: Date | null;
};

/**
 * The profile `profileId` of the participant `participantId` names (any participant id), with its
 * current induction record; null when the profile is not that participant's or has no induction record.
 */
export async function loadTrainingStatusTarget(db: Queryable, participantId: string, profileId: string): Promise<TrainingStatusTarget | null> {
  const userId = await resolveParticipantId(db, participantId);
  if (!userId) return null;
  const profile = await db.participantProfile.findFirst({
    where: { id: profileId, participantIdentity: { userId } },
    include: {
      participantIdentity: { select: { user: { select: { id: true, fullName: true } } } },
      inductionRecords: {
        include: { leadProvider: { select: { id: true, name: true } }, schedule: { select: { cohort: { select: { startYear: true } } } } },
      },
    },
  });
  if (!profile) return null;
  const current = orderInductionRecords(profile.inductionRecords)[0];
  if (!current) return null;
  const user = profile.participantIdentity.user;
  return {
    participant: { userId: user.id, fullName: user.fullName },
    profileId: profile.id,
    type: profile.type,
    leadProvider: current.leadProvider,
    cohortStartYear: current.schedule.cohort.startYear,
    trainingStatus: current.trainingStatus,
    trainingStatusReason: current.trainingStatusReason,
    trainingStatusDate: current.trainingStatusDate,
  };
}
