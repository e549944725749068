// Reasons a lead provider gives when it defers or withdraws a participant (PUT …/defer,
// …/withdraw), from the API guidance's examples and DfE's published lists. Documented in docs/api.md.
import type { ParticipantType } from "@/lib/domain/participant-types";

export const DEFERRAL_REASONS = ["bereavement", "long-term-sickness", "parental-leave", "career-break", "other"] as const;

export const WITHDRAWAL_REASONS = [
  "left-teaching-profession",
  "moved-school",
  "mentor-no-longer-being-mentor",
  "switched-to-school-led",
  "other",
] as const;

export function isDeferralReason(value: string): boolean {
  return (DEFERRAL_REASONS as readonly string[]).includes(value);
}

/** `mentor-no-longer-being-mentor` is a mentor's reason only. */
export function isWithdrawalReason(value: string, participantType: ParticipantType): boolean {
  if (value === "mentor-no-longer-being-mentor") return participantType === "mentor";
  return (WITHDRAWAL_REASONS as readonly string[]).includes(value);
}
