"use client";
// GOV.UK "Sorry, there is a problem with the service" page for errors while rendering a page.
import { useEffect } from "react";
import { PageShell } from "@/components/govuk";
import { pageTitle } from "@/lib/format/page-title";

export default function ErrorPage({ error }: { error: Error & { digest?: string } }) {
  useEffect(() => {
    document.title = pageTitle("Sorry, there is a problem with the service");
    console.error(error);
  }, [error]);
  return (
    <PageShell>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">Sorry, there is a problem with the service</h1>
          <p className="govuk-body">Try again later.</p>
          <p className="govuk-body">Nothing was changed. Any change you were making was not saved.</p>
          {error.digest && <p className="govuk-body">Reference: {error.digest}</p>}
        </div>
      </div>
    </PageShell>
  );
}
