/**
 * Participant types: early career teachers (ECTs) and mentors.
 *
 * Source: definitions-and-states.md, "Key concepts" (participant, course_identifier).
 */

export const PARTICIPANT_TYPES = ["ect", "mentor"] as const;

export type ParticipantType = (typeof PARTICIPANT_TYPES)[number];

export const PARTICIPANT_TYPE_LABELS: Readonly<Record<ParticipantType, string>> = {
  ect: "Early career teacher",
  mentor: "Mentor",
};

export function isParticipantType(value: unknown): value is ParticipantType {
  return typeof value === "string" && (PARTICIPANT_TYPES as readonly string[]).includes(value);
}
