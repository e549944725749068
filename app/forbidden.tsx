import type { Metadata } from "next";
import { PageShell } from "@/components/govuk";

export const metadata: Metadata = { title: "You do not have access to this page" };

export default function Forbidden() {
  return (
    <PageShell>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">You do not have access to this page</h1>
          <p className="govuk-body">ECF Finance is for DfE finance users and contract managers.</p>
          <p className="govuk-body">
            If you need access, ask your line manager to request the finance role for your account.
          </p>
        </div>
      </div>
    </PageShell>
  );
}
