// Check your answers before changing a training status: the enrolment, the lead provider, the
// status now, the new status and the reason (each with a Change link back to the form), and the
// button. The choice comes in the address (the form's fields); an address that does not parse with
// the form's schema goes back to the form.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { cache } from "react";
import { PageShell, SummaryList, Tag } from "@/components/govuk";
import { requireResource } from "@/lib/auth/resource";
import { PARTICIPANT_TYPE_LABELS } from "@/lib/domain/participant-types";
import { pageTitle } from "@/lib/format/page-title";
import { trainingStatusTag } from "@/lib/format/tags";
import { loadTrainingStatusTarget } from "@/lib/participants/training-status";
import { chosenTrainingStatus, TRAINING_STATUS_FIELDS, trainingStatusFields, trainingStatusSchema } from "@/lib/validation/training-status";
import { ConfirmForm } from "../../../../../statements/_components/confirm-form";
import { participantPath, trainingStatusCheckPath, trainingStatusPath } from "../../../../paths";
import { confirmTrainingStatus } from "../actions";
import { CHECK_TITLE, reasonLabel } from "../copy";

type Props = {
  params: Promise<{ id: string; profileId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export const metadata: Metadata = { title: CHECK_TITLE };

const load = cache(async (id: string, profileId: string, returnTo: string) => {
  const { data } = await requireResource("finance", returnTo, [id, profileId], loadTrainingStatusTarget);
  return data;
});

export default async function CheckTrainingStatusPage({ params, searchParams }: Props) {
  const { id, profileId } = await params;
  const query = await searchParams;
  const typed = Object.fromEntries(TRAINING_STATUS_FIELDS.map((f) => [f, (Array.isArray(query[f]) ? query[f][0] : query[f])?.slice(0, 100) ?? ""]));
  const target = await load(id, profileId, trainingStatusCheckPath(id, profileId, typed));
  const formHref = trainingStatusPath(target.participant.userId, target.profileId);
  const parsed = trainingStatusSchema.safeParse(typed);
  if (!parsed.success) redirect(formHref);
  const { status, reason } = chosenTrainingStatus(parsed.data);
  const fields = trainingStatusFields(status, reason);
  const changeHref = `${formHref}?${new URLSearchParams(Object.entries(fields).filter(([, v]) => v)).toString()}`;
  const now = trainingStatusTag(target.trainingStatus);
  const next = trainingStatusTag(status);
  const back = participantPath(target.participant.userId);

  return (
    <PageShell backLink={{ href: changeHref }}>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ConfirmForm
            action={confirmTrainingStatus.bind(null, target.participant.userId, target.profileId)}
            hidden={fields}
            submitLabel="Change training status"
            cancelHref={back}
            title={pageTitle(CHECK_TITLE)}
          >
            <span className="govuk-caption-l">{target.participant.fullName}</span>
            <h1 className="govuk-heading-l">{CHECK_TITLE}</h1>
            <SummaryList
              rows={[
                { key: "Enrolment", value: `${PARTICIPANT_TYPE_LABELS[target.type]}, ${target.cohortStartYear} cohort` },
                { key: "Lead provider", value: target.leadProvider.name },
                { key: "Current training status", value: <Tag text={now.text} colour={now.colour} /> },
                {
                  key: "New training status",
                  value: <Tag text={next.text} colour={next.colour} />,
                  actions: [{ href: changeHref, text: "Change", visuallyHiddenText: "new training status" }],
                },
                reason !== null && {
                  key: "Reason",
                  value: reasonLabel(reason),
                  actions: [{ href: changeHref, text: "Change", visuallyHiddenText: "reason" }],
                },
              ]}
            />
            <p className="govuk-body">
              The change is made to the participant’s record with {target.leadProvider.name}, as if the lead provider had made it over the
              API, and recorded in the participant’s history.
            </p>
          </ConfirmForm>
        </div>
      </div>
    </PageShell>
  );
}
