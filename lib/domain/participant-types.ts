/**
 * Participant types: early career teachers (ECTs) and mentors.
 *
 * Source: definitions-and-states.md, "Key concepts" (participant, course_identifier).
 */

import { oneOf } from "./one-of";

export const PARTICIPANT_TYPES = ["ect", "mentor"] as const;

export type ParticipantType = (typeof PARTICIPANT_TYPES)[number];

export const PARTICIPANT_TYPE_LABELS: Readonly<Record<ParticipantType, string>> = {
  ect: "Early career teacher",
  mentor: "Mentor",
};

export const isParticipantType = oneOf(PARTICIPANT_TYPES);
