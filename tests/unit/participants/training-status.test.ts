// The training-status state machine (lib/participants/rules/training-status.ts):
// definitions-and-states.md's training_status, and the API guidance's defer / resume / withdraw.
import { describe, expect, it } from "vitest";
import {
  isTrainingStatusReason,
  planTrainingStatusChange,
  trainingDetailsRefusal,
  trainingStatusReasons,
  trainingStatusRefusal,
  type TrainingStatusChange,
} from "@/lib/participants/rules/training-status";
import type { TrainingStatusValue } from "@/lib/domain/training-statuses";

const NOW = new Date("2026-11-25T12:00:00.000Z");

describe("trainingStatusRefusal", () => {
  // Every status × every change: the whole table, so no transition is left unspecified.
  const table: [TrainingStatusValue, TrainingStatusChange, string | null][] = [
    ["active", "defer", null],
    ["active", "resume", "already_active"],
    ["active", "withdraw", null],
    ["deferred", "defer", "already_deferred"],
    ["deferred", "resume", null],
    ["deferred", "withdraw", null],
    ["withdrawn", "defer", "withdrawn"],
    ["withdrawn", "resume", "withdrawn"],
    ["withdrawn", "withdraw", "already_withdrawn"],
  ];
  it.each(table)("%s, %s → %s", (status, change, expected) => {
    expect(trainingStatusRefusal(status, change)).toBe(expected);
  });
});

describe("trainingDetailsRefusal", () => {
  it("lets an active or deferred participant's schedule change, never a withdrawn one's", () => {
    expect(trainingDetailsRefusal("active")).toBeNull();
    expect(trainingDetailsRefusal("deferred")).toBeNull();
    expect(trainingDetailsRefusal("withdrawn")).toBe("withdrawn");
  });
});

describe("planTrainingStatusChange", () => {
  it("defers with the reason and today's date", () => {
    expect(planTrainingStatusChange("active", "defer", "career-break", NOW)).toEqual({
      ok: true,
      after: { trainingStatus: "deferred", trainingStatusReason: "career-break", trainingStatusDate: NOW },
    });
  });

  it("withdraws an active or a deferred participant with the reason and today's date", () => {
    for (const from of ["active", "deferred"] as const) {
      expect(planTrainingStatusChange(from, "withdraw", "moved-school", NOW)).toEqual({
        ok: true,
        after: { trainingStatus: "withdrawn", trainingStatusReason: "moved-school", trainingStatusDate: NOW },
      });
    }
  });

  it("resumes a deferred participant, clearing the reason and the date", () => {
    expect(planTrainingStatusChange("deferred", "resume", null, NOW)).toEqual({
      ok: true,
      after: { trainingStatus: "active", trainingStatusReason: null, trainingStatusDate: null },
    });
  });

  it("refuses with the attribute at fault and the code", () => {
    expect(planTrainingStatusChange("withdrawn", "defer", "other", NOW)).toEqual({ ok: false, field: "participant_id", code: "withdrawn" });
    expect(planTrainingStatusChange("withdrawn", "withdraw", "other", NOW)).toEqual({ ok: false, field: "participant_id", code: "already_withdrawn" });
    expect(planTrainingStatusChange("deferred", "defer", "other", NOW)).toEqual({ ok: false, field: "participant_id", code: "already_deferred" });
    expect(planTrainingStatusChange("active", "resume", null, NOW)).toEqual({ ok: false, field: "participant_id", code: "already_active" });
  });
});

describe("reasons", () => {
  it("lists the deferral reasons for both participant types, and the mentor-only withdrawal reason for mentors only", () => {
    expect(trainingStatusReasons("defer", "ect")).toEqual(["bereavement", "long-term-sickness", "parental-leave", "career-break", "other"]);
    expect(trainingStatusReasons("defer", "mentor")).toEqual(trainingStatusReasons("defer", "ect"));
    expect(trainingStatusReasons("withdraw", "ect")).toEqual(["left-teaching-profession", "moved-school", "switched-to-school-led", "other"]);
    expect(trainingStatusReasons("withdraw", "mentor")).toEqual([
      "left-teaching-profession",
      "moved-school",
      "mentor-no-longer-being-mentor",
      "switched-to-school-led",
      "other",
    ]);
    expect(trainingStatusReasons("resume", "ect")).toEqual([]);
  });

  it("checks a reason against the change and the participant type", () => {
    expect(isTrainingStatusReason("defer", "parental-leave", "ect")).toBe(true);
    expect(isTrainingStatusReason("defer", "moved-school", "ect")).toBe(false);
    expect(isTrainingStatusReason("withdraw", "moved-school", "ect")).toBe(true);
    expect(isTrainingStatusReason("withdraw", "parental-leave", "mentor")).toBe(false);
    expect(isTrainingStatusReason("withdraw", "mentor-no-longer-being-mentor", "ect")).toBe(false);
    expect(isTrainingStatusReason("withdraw", "mentor-no-longer-being-mentor", "mentor")).toBe(true);
    expect(isTrainingStatusReason("defer", "holiday", "mentor")).toBe(false);
  });
});
