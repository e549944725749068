// One payment schedule: its milestones (name, declaration type, start date, milestone date, payment date).
import type { Metadata } from "next";
import { cache } from "react";
import { PageShell, SummaryList, Table } from "@/components/govuk";
import { requireStaff } from "@/lib/auth/guard";
import { pathId, requireResource } from "@/lib/auth/resource";
import { getPrisma } from "@/lib/db/client";
import type { Queryable } from "@/lib/db/query";
import { findSchedule } from "@/lib/schedules/queries";
import { formatDate } from "@/lib/format/dates";
import { declarationTypeLabel } from "@/lib/format/labels";
import { cohortSchedulesPath, schedulePath } from "../paths";

type Props = { params: Promise<{ scheduleId: string }> };

/** The schedule for a parsed path id, loaded once per request. */
const load = cache((prisma: Queryable, id: string) => findSchedule(prisma, id));

// Not requireResource: a 404 thrown from generateMetadata would not be answered with a 404 status.
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { scheduleId: id } = await params;
  await requireStaff("finance", schedulePath(id));
  const scheduleId = pathId(id);
  const schedule = scheduleId ? await load(await getPrisma(), scheduleId) : null;
  return { title: schedule ? `${schedule.name} – ${schedule.cohortYear} cohort – Payment schedules` : "Page not found" };
}

export default async function SchedulePage({ params }: Props) {
  const { scheduleId: id } = await params;
  const { data: schedule } = await requireResource("finance", schedulePath(id), [id], load);
  return (
    <PageShell backLink={{ href: cohortSchedulesPath(schedule.cohortYear), text: "All payment schedules" }}>
      <span className="govuk-caption-l">{schedule.cohortYear} cohort</span>
      <h1 className="govuk-heading-l">{schedule.name}</h1>
      <SummaryList
        rows={[
          { key: "Identifier", value: schedule.identifier },
          { key: "Cohort", value: String(schedule.cohortYear) },
        ]}
      />
      <Table
        caption="Milestones"
        captionClassName="govuk-table__caption--m"
        head={["Milestone", "Declaration type", "Start date", "Milestone date", "Payment date"]}
        firstCellIsHeader
        rows={
          schedule.milestones.length === 0
            ? [[{ text: "This schedule has no milestones.", colSpan: 5 }]]
            : schedule.milestones.map((milestone) => [
                milestone.name,
                declarationTypeLabel(milestone.declarationType),
                formatDate(milestone.startDate),
                milestone.milestoneDate ? formatDate(milestone.milestoneDate) : "None",
                milestone.paymentDate ? formatDate(milestone.paymentDate) : "Not recorded",
              ])
        }
      />
    </PageShell>
  );
}
