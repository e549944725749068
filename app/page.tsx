import type { Metadata } from "next";
import Link from "next/link";
import { PageShell } from "@/components/govuk";
import { requireStaff } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "Home" };

export default async function HomePage() {
  const user = await requireStaff("finance", "/");
  return (
    <PageShell>
      <h1 className="govuk-heading-xl">ECF Finance</h1>
      <p className="govuk-body-l">
        Check what DfE pays lead providers for training early career teachers and their mentors.
      </p>
      <p className="govuk-body">You are signed in as {user.name}.</p>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-half">
          <h2 className="govuk-heading-m">
            <Link className="govuk-link" href="/participants">Participants</Link>
          </h2>
          <p className="govuk-body">
            Search for a participant, see their enrolments and declarations, and void a declaration.
          </p>
        </div>
        <div className="govuk-grid-column-one-half">
          <h2 className="govuk-heading-m">
            <Link className="govuk-link" href="/statements">Statements</Link>
          </h2>
          <p className="govuk-body">
            Read a lead provider&apos;s monthly statement and download its declarations.
          </p>
        </div>
      </div>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-half">
          <h2 className="govuk-heading-m">
            <Link className="govuk-link" href="/audit">Audit log</Link>
          </h2>
          <p className="govuk-body">See every change made in the service: by whom, when and to which record.</p>
        </div>
        <div className="govuk-grid-column-one-half">
          <h2 className="govuk-heading-m">
            <Link className="govuk-link" href="/duplicates">Duplicate records</Link>
          </h2>
          <p className="govuk-body">Find participants who look like one person, compare them and merge one record into the other.</p>
        </div>
      </div>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-half">
          <h2 className="govuk-heading-m">
            <Link className="govuk-link" href="/schedules">Payment schedules</Link>
          </h2>
          <p className="govuk-body">
            See each cohort&apos;s schedules and the milestone dates that declarations are checked against.
          </p>
        </div>
      </div>
    </PageShell>
  );
}
