import type { Metadata } from "next";
import Link from "next/link";
import { PageShell } from "@/components/govuk";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <PageShell>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">Page not found</h1>
          <p className="govuk-body">If you typed the web address, check it is correct.</p>
          <p className="govuk-body">If you pasted the web address, check you copied the entire address.</p>
          <p className="govuk-body">
            You can <Link className="govuk-link" href="/participants">search for a participant</Link> or{" "}
            <Link className="govuk-link" href="/statements">find a statement</Link>.
          </p>
        </div>
      </div>
    </PageShell>
  );
}
