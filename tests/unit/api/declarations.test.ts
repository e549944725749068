// The declaration rules' refusal codes in the API's words (the seeds', word for word), and the
// 422 a refused submission gets: attribute problems first, one error per attribute, in the
// attributes' order.
import { describe, expect, it } from "vitest";
import { submissionErrors, submissionRefusalMessage, voidRefusalMessage } from "@/lib/api/declarations";
import type { SubmissionRefusal } from "@/lib/declarations/rules/submission-checks";
import type { VoidRefusal } from "@/lib/declarations/rules/voiding";

const FROZEN_2021 =
  "You cannot submit or void declarations for the 2021 cohort. The funding contract for this cohort has ended. Get in touch if you need to discuss this with us";

describe("submissionRefusalMessage: payment-engine.md's messages", () => {
  it.each<[SubmissionRefusal, string]>([
    [
      { field: "participant_id", code: "participant_not_recognised" },
      "Your update cannot be made as the '#/participant_id' is not recognised. Check participant details and try again.",
    ],
    [{ field: "participant_id", code: "duplicate" }, "A declaration has already been submitted that will be, or has been, paid for this event"],
    [
      { field: "course_identifier", code: "course_not_recognised" },
      "The entered '#/course_identifier' is not recognised for the given participant. Check details and try again.",
    ],
    [{ field: "declaration_type", code: "not_in_schedule" }, "The property '#/declaration_type' does not exist for this schedule."],
    [
      { field: "declaration_type", code: "mentor_started_or_completed_only" },
      "You cannot send retained or extended declarations for participants who began their mentor training after June 2025. Resubmit this declaration with either a started or completed declaration.",
    ],
    [
      { field: "declaration_date", code: "withdrawn", withdrawnAt: new Date("2025-11-15T12:00:00Z") },
      "This participant withdrew from this course on 2025-11-15T12:00:00.000Z. Enter a '#/declaration_date' that's on or before the withdrawal date.",
    ],
    [{ field: "declaration_date", code: "before_milestone_start" }, "Enter a '#/declaration_date' that's on or after the milestone start."],
    [{ field: "declaration_date", code: "after_milestone_end" }, "Enter a '#/declaration_date' that's before the milestone end date."],
    [{ field: "cohort", code: "cohort_frozen", cohortStartYear: 2021 }, FROZEN_2021],
    [
      { field: "cohort", code: "no_open_output_statement", cohortStartYear: 2025 },
      "There is no open output statement for the 2025 cohort to attach this declaration to.",
    ],
  ])("%j", (refusal, message) => {
    expect(submissionRefusalMessage(refusal)).toBe(message);
  });
});

describe("submissionErrors", () => {
  const dateInvalid = { title: "declaration_date", detail: "Enter a valid RCF3339 '#/declaration_date'." };
  const evidenceMissing = { title: "evidence_held", detail: "Enter a '#/evidence_held' value for this participant." };

  it("orders the errors by attribute (participant, type, date, course, evidence, cohort), whatever order they were found in", () => {
    expect(
      submissionErrors(
        [dateInvalid, evidenceMissing],
        [
          { field: "cohort", code: "cohort_frozen", cohortStartYear: 2021 },
          { field: "participant_id", code: "duplicate" },
        ],
      ),
    ).toEqual([
      { title: "participant_id", detail: "A declaration has already been submitted that will be, or has been, paid for this event" },
      dateInvalid,
      evidenceMissing,
      { title: "cohort", detail: FROZEN_2021 },
    ]);
  });

  it("keeps one error per attribute: the attribute's own problem before the feature's refusal, and the first refusal", () => {
    const future = { title: "declaration_date", detail: "The '#/declaration_date' value cannot be a future date. Check the date and try again." };
    const withdrawn = { field: "declaration_date", code: "withdrawn", withdrawnAt: new Date("2025-11-15T12:00:00Z") } as const;
    const late = { field: "declaration_date", code: "after_milestone_end" } as const;
    expect(submissionErrors([future], [withdrawn, late])).toEqual([future]);
    expect(submissionErrors([], [withdrawn, late])).toEqual([
      {
        title: "declaration_date",
        detail: "This participant withdrew from this course on 2025-11-15T12:00:00.000Z. Enter a '#/declaration_date' that's on or before the withdrawal date.",
      },
    ]);
  });

  it("is the attribute problems alone when the feature refused nothing", () => {
    expect(submissionErrors([evidenceMissing, dateInvalid], [])).toEqual([dateInvalid, evidenceMissing]);
  });
});

describe("voidRefusalMessage: voiding-declarations.md's messages", () => {
  it.each<[VoidRefusal, string]>([
    [{ ok: false, code: "cohort_frozen", cohortStartYear: 2021 }, FROZEN_2021],
    [{ ok: false, code: "already_voided" }, "This declaration has already been voided."],
    [{ ok: false, code: "awaiting_clawback" }, "This declaration has already been voided."],
    [{ ok: false, code: "clawed_back" }, "This declaration has been clawed-back, so you can only view it."],
    [{ ok: false, code: "state_changed" }, "This declaration has changed since you opened this page. Check its details and try again."],
    [
      { ok: false, code: "no_clawback_statement", cohortStartYear: 2024 },
      "There is no open output statement for the 2024 cohort to claw this payment back on, so this declaration cannot be voided.",
    ],
  ])("%j", (refusal, message) => {
    expect(voidRefusalMessage(refusal)).toBe(message);
  });
});
