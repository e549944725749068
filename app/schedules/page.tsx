// Payment schedules: for each cohort, newest first, its schedules with the number of milestones,
// each linking to its milestones.
import type { Metadata } from "next";
import Link from "next/link";
import { PageShell, Table } from "@/components/govuk";
import { requireStaff } from "@/lib/auth/guard";
import { getPrisma } from "@/lib/db/client";
import { listSchedulesByCohort } from "@/lib/schedules/queries";
import { SCHEDULES_PATH, schedulePath } from "./paths";

export const metadata: Metadata = { title: "Payment schedules" };

export default async function SchedulesPage() {
  await requireStaff("finance", SCHEDULES_PATH);
  const cohorts = await listSchedulesByCohort(await getPrisma());
  return (
    <PageShell>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-xl">Payment schedules</h1>
          <p className="govuk-body">
            A schedule sets the dates a lead provider&apos;s declarations are checked against: each milestone has a start date, a
            milestone date (the last day a declaration of its type may be dated) and the date it is normally paid.
          </p>
        </div>
      </div>
      {cohorts.length === 0 ? <p className="govuk-body">There are no cohorts yet.</p> : null}
      {cohorts.map((cohort) => (
        <div key={cohort.cohortYear} id={`cohort-${cohort.cohortYear}`}>
          <Table
            caption={`${cohort.cohortYear} cohort`}
            captionClassName="govuk-table__caption--m"
            head={["Identifier", "Name", { text: "Milestones", format: "numeric" }]}
            rows={
              cohort.schedules.length === 0
                ? [[{ text: "This cohort has no schedules.", colSpan: 3 }]]
                : cohort.schedules.map((schedule) => [
                    {
                      text: (
                        <Link className="govuk-link" href={schedulePath(schedule.id)}>
                          {schedule.identifier}
                          <span className="govuk-visually-hidden">, {cohort.cohortYear} cohort</span>
                        </Link>
                      ),
                    },
                    schedule.name,
                    { text: String(schedule.milestoneCount), format: "numeric" },
                  ])
            }
          />
        </div>
      ))}
    </PageShell>
  );
}
