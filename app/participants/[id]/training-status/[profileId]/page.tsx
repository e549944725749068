// Change a participant's training status with the lead provider of the enrolment's latest
// induction record: the statuses other than the current one, a reason for deferred and withdrawn,
// then check your answers. A withdrawn participant's status cannot change (the API's rules): the
// page says so and offers no form. Unknown or malformed ids, or a training record that is not this
// participant's, are not found.
import type { Metadata } from "next";
import { cache } from "react";
import { Button, ErrorSummary, PageShell, SummaryList, Tag } from "@/components/govuk";
import { requireResource } from "@/lib/auth/resource";
import { DEFERRAL_REASONS } from "@/lib/domain/training-status-reasons";
import { PARTICIPANT_TYPE_LABELS } from "@/lib/domain/participant-types";
import { TRAINING_STATUSES } from "@/lib/domain/training-statuses";
import { formatUkDate } from "@/lib/format/dates";
import { pageTitle } from "@/lib/format/page-title";
import { trainingStatusTag } from "@/lib/format/tags";
import { trainingStatusReasons, trainingStatusRefusal } from "@/lib/participants/rules/training-status";
import { loadTrainingStatusTarget, type TrainingStatusTarget } from "@/lib/participants/training-status";
import { participantPath, trainingStatusPath } from "../../../paths";
import { chooseTrainingStatus } from "./actions";
import { reasonLabel, STATUS_CHOICE_LABELS, TITLE, trainingStatusRefusalCopy } from "./copy";
import { TrainingStatusForm } from "./training-status-form";

type Props = {
  params: Promise<{ id: string; profileId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const load = cache(async (id: string, profileId: string) => {
  const { data } = await requireResource("finance", trainingStatusPath(id, profileId), [id, profileId], loadTrainingStatusTarget);
  return data;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id, profileId } = await params;
  const target = await load(id, profileId);
  return { title: trainingStatusRefusal(target.trainingStatus, "resume") === "withdrawn" ? `Error: ${TITLE}` : TITLE };
}

function queryValue(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value)?.slice(0, 100) ?? "";
}

export default async function TrainingStatusPage({ params, searchParams }: Props) {
  const { id, profileId } = await params;
  const target = await load(id, profileId);
  const query = await searchParams;
  const back = participantPath(target.participant.userId);
  const withdrawn = trainingStatusRefusal(target.trainingStatus, "resume") === "withdrawn";

  const content = (
    <>
      <span className="govuk-caption-l">{target.participant.fullName}</span>
      <h1 className="govuk-heading-l">{TITLE}</h1>
      <CurrentStatus target={target} />
    </>
  );

  return (
    <PageShell backLink={{ href: back }}>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {withdrawn ? (
            <>
              <ErrorSummary errors={[{ text: trainingStatusRefusalCopy("withdrawn") }]} />
              {content}
              <Button href={back} variant="secondary">
                Back to {target.participant.fullName}
              </Button>
            </>
          ) : (
            <TrainingStatusForm
              action={chooseTrainingStatus.bind(null, target.participant.userId, target.profileId)}
              initialState={{
                submission: 0,
                errors: [],
                values: { status: queryValue(query.status), deferralReason: queryValue(query.deferralReason), withdrawalReason: queryValue(query.withdrawalReason) },
              }}
              statuses={TRAINING_STATUSES.filter((s) => s !== target.trainingStatus).map((value) => ({ value, text: STATUS_CHOICE_LABELS[value] }))}
              deferralReasons={DEFERRAL_REASONS.map((value) => ({ value, text: reasonLabel(value) }))}
              withdrawalReasons={trainingStatusReasons("withdraw", target.type).map((value) => ({ value, text: reasonLabel(value) }))}
              title={pageTitle(TITLE)}
              cancelHref={back}
            >
              {content}
            </TrainingStatusForm>
          )}
        </div>
      </div>
    </PageShell>
  );
}

function CurrentStatus({ target }: { target: TrainingStatusTarget }) {
  const tag = trainingStatusTag(target.trainingStatus);
  return (
    <SummaryList
      rows={[
        { key: "Enrolment", value: `${PARTICIPANT_TYPE_LABELS[target.type]}, ${target.cohortStartYear} cohort` },
        { key: "Lead provider", value: target.leadProvider.name },
        {
          key: "Current training status",
          value: (
            <>
              <Tag text={tag.text} colour={tag.colour} />
              {target.trainingStatus !== "active" && target.trainingStatusReason && (
                <p className="govuk-body govuk-!-margin-top-2 govuk-!-margin-bottom-0">
                  {reasonLabel(target.trainingStatusReason)}
                  {target.trainingStatusDate ? `, from ${formatUkDate(target.trainingStatusDate)}` : ""}
                </p>
              )}
            </>
          ),
        },
      ]}
    />
  );
}
