// POST /api/v3/participant-declarations: the checks that need no database, with the seed's
// messages (payment-engine.md). They produce the feature's input (`DeclarationSubmission`); the
// database checks follow in lib/declarations/submit.ts, and lib/api/declarations.ts merges both.
import { z } from "zod";
import type { DeclarationSubmission } from "@/lib/declarations/rules/submission-checks";
import { isDeclarationType, type DeclarationType } from "@/lib/domain/declaration-types";
import { isCourseIdentifier, isNpqCourse } from "@/lib/domain/courses";
import { parseRfc3339 } from "@/lib/api/dates";
import { evidenceAllowed, evidenceRequired, type CourseIdentifier } from "@/lib/domain/evidence";
import { isUuid, normaliseUuid } from "@/lib/validation/ids";
import { DECLARATION_MESSAGES as M } from "@/lib/api/messages";
import { check, optionalText, requiredText, type FieldIssue } from "./fields";

export const DECLARATION_TYPE = "participant-declaration";

// Missing, empty or not an id: the seed has one message for all of them.
const participantId = requiredText(M.participantNotRecognised, M.participantNotRecognised).transform((value, ctx) => {
  if (!isUuid(value)) {
    ctx.addIssue({ code: "custom", message: M.participantNotRecognised });
    return z.NEVER;
  }
  return normaliseUuid(value);
});

const declarationType = requiredText(M.declarationTypeMissing, M.declarationTypeNotInSchedule).transform((value, ctx): DeclarationType => {
  if (!isDeclarationType(value)) {
    ctx.addIssue({ code: "custom", message: M.declarationTypeNotInSchedule });
    return z.NEVER;
  }
  return value;
});

const declarationDate = requiredText(M.declarationDateMissing, M.declarationDateInvalid).transform((value, ctx) => {
  const date = parseRfc3339(value);
  if (!date) {
    ctx.addIssue({ code: "custom", message: M.declarationDateInvalid });
    return z.NEVER;
  }
  return date;
});

const courseIdentifier = requiredText(M.courseIdentifierMissing, M.courseNotRecognised).transform((value, ctx): CourseIdentifier => {
  if (!isCourseIdentifier(value)) {
    ctx.addIssue({ code: "custom", message: M.courseNotRecognised });
    return z.NEVER;
  }
  return value;
});

const evidenceHeld = optionalText(M.evidenceInvalid);

export interface DeclarationValidation {
  values: DeclarationSubmission;
  /** Field errors so far, first per field, in check order. */
  issues: FieldIssue[];
  /** An NPQ course: refused before any other check (the seed's "automatic checks before validation"). */
  stop: boolean;
}

export function validateDeclarationAttributes(attributes: Record<string, unknown>, now: Date): DeclarationValidation {
  if (isNpqCourse(attributes.course_identifier)) {
    return { values: { evidenceHeld: null }, issues: [{ title: "course_identifier", detail: M.npq }], stop: true };
  }
  const issues: FieldIssue[] = [];
  const values: DeclarationSubmission = {
    participantId: check(participantId, attributes.participant_id, "participant_id", issues),
    declarationType: check(declarationType, attributes.declaration_type, "declaration_type", issues),
    declarationDate: check(declarationDate, attributes.declaration_date, "declaration_date", issues),
    courseIdentifier: check(courseIdentifier, attributes.course_identifier, "course_identifier", issues),
    evidenceHeld: check(evidenceHeld, attributes.evidence_held, "evidence_held", issues) ?? null,
  };
  if (values.declarationDate && values.declarationDate.getTime() > now.getTime()) {
    issues.push({ title: "declaration_date", detail: M.future });
  }
  const type = values.declarationType;
  if (type && !issues.some((i) => i.title === "evidence_held")) {
    if (values.evidenceHeld === null) {
      if (evidenceRequired(type)) issues.push({ title: "evidence_held", detail: M.evidenceMissing });
    } else if (values.courseIdentifier && !evidenceAllowed(values.courseIdentifier, type, values.evidenceHeld)) {
      issues.push({ title: "evidence_held", detail: M.evidenceInvalid });
    }
  }
  return { values, issues, stop: false };
}
