// Is a declaration dated within its milestone? (payment-engine.md: "on or after the milestone
// start date" and "before the milestone end date"). Both ends are inclusive calendar days in UTC.
// A milestone with no milestone date (extended, reduced and replacement schedules) has no end.
import { utcDay } from "./calendar-date";

export type MilestoneWindow = { startDate: Date; milestoneDate: Date | null };

export type MilestoneWindowRefusal = "before_milestone_start" | "after_milestone_end";

/** Why `declarationDate` is outside the window, or null when it is inside. */
export function milestoneWindowRefusal(declarationDate: Date, milestone: MilestoneWindow): MilestoneWindowRefusal | null {
  const day = utcDay(declarationDate);
  if (day < utcDay(milestone.startDate)) return "before_milestone_start";
  if (milestone.milestoneDate !== null && day > utcDay(milestone.milestoneDate)) return "after_milestone_end";
  return null;
}
