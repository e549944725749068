// The demo's participants without declarations (examples.freshParticipants): with them a lead provider
// can try every declaration call on a clean demo, on DfE's term-aligned schedules — a started for an
// ECT of the current cohort lands on its open output statement, a retained-2 is accepted in the
// summer term and refused after it, extended declarations only on an extended schedule, mentors of a
// mentor-funded cohort only start and complete.
import { describe, expect, it } from "vitest";
import { POST as postDeclaration } from "@/app/api/v3/participant-declarations/route";
import { availableKinds } from "../db";
import { AMBITION, TEACH_FIRST, apiRequest, call, declarationBody, useSeededApi } from "./helpers";

const MESSAGES = {
  afterEnd: "Enter a '#/declaration_date' that's before the milestone end date.",
  typeNotInSchedule: "The property '#/declaration_type' does not exist for this schedule.",
  mentorStartedOrCompletedOnly:
    "You cannot send retained or extended declarations for participants who began their mentor training after June 2025. Resubmit this declaration with either a started or completed declaration.",
};

describe.each(availableKinds())("declarations for the demo's fresh participants on %s", (kind) => {
  const ctx = useSeededApi(kind);
  const fresh = (key: string) => {
    const userId = ctx.seed.examples.freshParticipants[key];
    if (!userId) throw new Error(`No fresh participant "${key}"`);
    return userId;
  };
  const post = (as: string, attributes: Record<string, unknown>) =>
    call(postDeclaration, apiRequest("POST", "/api/v3/participant-declarations", { as, body: declarationBody(attributes) }));

  it("a started for an ECT of the current cohort: 200, eligible, on the provider's open output statement", async () => {
    for (const provider of [AMBITION, TEACH_FIRST]) {
      const result = await post(provider, {
        participant_id: fresh(`${provider} 2026 ect eligible`),
        declaration_type: "started",
        declaration_date: "2026-09-15T10:00:00.000Z",
        course_identifier: "ecf-induction",
      });
      expect(result.status, provider).toBe(200);
      expect(result.body.data.attributes).toMatchObject({ state: "eligible", statement_id: ctx.seed.examples.openOutputStatements[`${provider} 2026`] });
    }
    const unknown = await post(AMBITION, {
      participant_id: fresh(`${AMBITION} 2026 ect unknown`),
      declaration_type: "started",
      declaration_date: "2026-09-15T10:00:00.000Z",
      course_identifier: "ecf-induction",
    });
    expect(unknown.status).toBe(200);
    expect(unknown.body.data.attributes).toMatchObject({ state: "submitted", statement_id: null });
  });

  it("a retained-2 of an ecf-standard-september ECT of cohort 2025: accepted dated in April 2026, refused in August", async () => {
    const retained2 = (participant: string, date: string) => ({
      participant_id: fresh(participant),
      declaration_type: "retained-2",
      declaration_date: date,
      course_identifier: "ecf-induction",
      evidence_held: "training-event-attended",
    });
    const august = await post(AMBITION, retained2(`${AMBITION} 2025 ect unknown`, "2026-08-15T10:00:00.000Z"));
    expect(august.status).toBe(422);
    expect(august.body).toEqual({ errors: [{ title: "declaration_date", detail: MESSAGES.afterEnd }] });
    const april = await post(AMBITION, retained2(`${AMBITION} 2025 ect eligible`, "2026-04-15T10:00:00.000Z"));
    expect(april.status).toBe(200);
    expect(april.body.data.attributes).toMatchObject({ declaration_type: "retained-2", state: "eligible" });
  });

  it("extended-1: refused on a standard schedule, accepted on an extended one (no end date)", async () => {
    const extended1 = (participant: string) => ({
      participant_id: fresh(participant),
      declaration_type: "extended-1",
      declaration_date: "2026-10-01T10:00:00.000Z",
      course_identifier: "ecf-induction",
      evidence_held: "other",
    });
    const standard = await post(TEACH_FIRST, extended1(`${TEACH_FIRST} 2025 ect eligible`));
    expect(standard.status).toBe(422);
    expect(standard.body).toEqual({ errors: [{ title: "declaration_type", detail: MESSAGES.typeNotInSchedule }] });
    const extended = await post(TEACH_FIRST, extended1(`${TEACH_FIRST} 2025 ect eligible extended`));
    expect(extended.status).toBe(200);
    expect(extended.body.data.attributes).toMatchObject({ declaration_type: "extended-1", state: "eligible" });
  });

  it("a mentor of a mentor-funded cohort: started accepted, retained-1 refused", async () => {
    const mentor = fresh(`${TEACH_FIRST} 2025 mentor eligible`);
    const started = await post(TEACH_FIRST, {
      participant_id: mentor,
      declaration_type: "started",
      declaration_date: "2025-10-01T10:00:00.000Z",
      course_identifier: "ecf-mentor",
    });
    expect(started.status).toBe(200);
    expect(started.body.data.attributes).toMatchObject({ course_identifier: "ecf-mentor", state: "eligible" });
    const retained = await post(TEACH_FIRST, {
      participant_id: mentor,
      declaration_type: "retained-1",
      declaration_date: "2026-02-02T10:00:00.000Z",
      course_identifier: "ecf-mentor",
      evidence_held: "other",
    });
    expect(retained.status).toBe(422);
    expect(retained.body).toEqual({ errors: [{ title: "declaration_type", detail: MESSAGES.mentorStartedOrCompletedOnly }] });
  });
});
