import { Tag } from "@/components/govuk";
import type { StatementStatus } from "@/lib/domain/statement-statuses";
import { statementStatusTag } from "@/lib/format/tags";

/** The heading every statement page shares: provider and cohort as the caption, the page's own title, the status. */
export function StatementHeading({
  providerName,
  cohortYear,
  title,
  status,
}: {
  providerName: string;
  cohortYear: number;
  title: string;
  status?: StatementStatus;
}) {
  const tag = status ? statementStatusTag(status) : null;
  return (
    <>
      <span className="govuk-caption-l">
        {providerName}, {cohortYear} cohort
      </span>
      <h1 className="govuk-heading-l">
        {title}
        {tag ? (
          <>
            {" "}
            <Tag text={tag.text} colour={tag.colour} className="govuk-!-margin-left-1" />
          </>
        ) : null}
      </h1>
    </>
  );
}
