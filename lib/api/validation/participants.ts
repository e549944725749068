// PUT /api/v3/participants/ecf/{id}/defer|resume|withdraw|change-schedule: attribute checks that
// need no database. The participant's own state is checked in lib/participants/actions.ts; the
// reasons a participant can be deferred or withdrawn for are lib/participants/rules/training-status.ts's.
import { z } from "zod";
import { isCourseIdentifier, participantTypeOfCourse } from "@/lib/domain/courses";
import type { CourseIdentifier } from "@/lib/domain/evidence";
import { PARTICIPANT_MESSAGES as M } from "@/lib/api/messages";
import { isTrainingStatusReason } from "@/lib/participants/rules/training-status";
import { check, requiredText, type FieldIssue } from "./fields";

export const PARTICIPANT_ACTION_TYPES = {
  defer: "participant-defer",
  resume: "participant-resume",
  withdraw: "participant-withdraw",
  changeSchedule: "participant-change-schedule",
} as const;

const courseIdentifier = requiredText(M.courseIdentifierMissing, M.courseNotRecognised).transform((value, ctx): CourseIdentifier => {
  if (!isCourseIdentifier(value)) {
    ctx.addIssue({ code: "custom", message: M.courseNotRecognised });
    return z.NEVER;
  }
  return value;
});

const reason = requiredText(M.reasonMissing, M.reasonNotRecognised);

const scheduleIdentifier = requiredText(M.scheduleMissing, M.scheduleNotRecognised);

/** `cohort` is optional; "2024" and 2024 are both accepted. */
const cohort = z.unknown().transform((value, ctx): number | null => {
  if (value === undefined || value === null || value === "") return null;
  const text = typeof value === "number" ? String(value) : typeof value === "string" ? value.trim() : "";
  if (!/^\d{4}$/.test(text)) {
    ctx.addIssue({ code: "custom", message: M.cohortNotRecognised });
    return z.NEVER;
  }
  return Number(text);
});

export interface StatusChangeValues {
  courseIdentifier?: CourseIdentifier;
  reason?: string;
}

/** defer and withdraw: a course and a reason from the right list; resume: a course only. */
export function validateStatusChange(
  kind: "defer" | "resume" | "withdraw",
  attributes: Record<string, unknown>,
): { values: StatusChangeValues; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const course = check(courseIdentifier, attributes.course_identifier, "course_identifier", issues);
  if (kind === "resume") return { values: { courseIdentifier: course }, issues };
  let value = check(reason, attributes.reason, "reason", issues);
  if (value !== undefined) {
    // Without a valid course, a withdrawal reason is checked against the mentors' list (the longest).
    if (!isTrainingStatusReason(kind, value, course ? participantTypeOfCourse(course) : "mentor")) {
      issues.push({ title: "reason", detail: M.reasonNotRecognised });
      value = undefined;
    }
  }
  return { values: { courseIdentifier: course, reason: value }, issues };
}

export interface ChangeScheduleValues {
  courseIdentifier?: CourseIdentifier;
  scheduleIdentifier?: string;
  /** null: stay in the participant's cohort. */
  cohort?: number | null;
}

export function validateChangeSchedule(attributes: Record<string, unknown>): { values: ChangeScheduleValues; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const values: ChangeScheduleValues = {
    scheduleIdentifier: check(scheduleIdentifier, attributes.schedule_identifier, "schedule_identifier", issues),
    courseIdentifier: check(courseIdentifier, attributes.course_identifier, "course_identifier", issues),
    cohort: check(cohort, attributes.cohort, "cohort", issues),
  };
  return { values, issues };
}

