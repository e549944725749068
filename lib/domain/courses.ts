// Course identifiers: `ecf-induction` is an ECT's training, `ecf-mentor` a mentor's.
import type { ParticipantType } from "@/lib/domain/participant-types";
import type { CourseIdentifier } from "./evidence";

export const COURSE_IDENTIFIERS = ["ecf-induction", "ecf-mentor"] as const satisfies readonly CourseIdentifier[];

/** A mentor's training: a declaration with this course is a mentor's, any other an ECT's. */
export const MENTOR_COURSE_IDENTIFIER = "ecf-mentor" satisfies CourseIdentifier;

export function isCourseIdentifier(value: unknown): value is CourseIdentifier {
  return typeof value === "string" && (COURSE_IDENTIFIERS as readonly string[]).includes(value);
}

export function participantTypeOfCourse(course: CourseIdentifier): ParticipantType {
  return course === "ecf-induction" ? "ect" : "mentor";
}

export function courseOfParticipantType(type: ParticipantType): CourseIdentifier {
  return type === "ect" ? "ecf-induction" : "ecf-mentor";
}

export function isNpqCourse(value: unknown): boolean {
  return typeof value === "string" && value.trim().toLowerCase().startsWith("npq-");
}
