// A participant's training status with a lead provider (definitions-and-states.md).

export const TRAINING_STATUSES = ["active", "deferred", "withdrawn"] as const;
export type TrainingStatusValue = (typeof TRAINING_STATUSES)[number];

export const TRAINING_STATUS_LABELS: Readonly<Record<TrainingStatusValue, string>> = {
  active: "Active",
  deferred: "Deferred",
  withdrawn: "Withdrawn",
};
