// The schedule pages' addresses, in one place.
type Path = `/${string}`;

export const SCHEDULES_PATH: Path = "/schedules";
export const schedulePath = (scheduleId: string): Path => `/schedules/${scheduleId}`;
/** The schedules page at one cohort's table. */
export const cohortSchedulesPath = (cohortYear: number): Path => `/schedules#cohort-${cohortYear}`;
