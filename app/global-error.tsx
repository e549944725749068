"use client";
// Last resort when the root layout itself fails: a plain GOV.UK-styled page.
import "./styles/application.scss";

export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="en" className="govuk-template">
      <body className="govuk-template__body">
        <div className="govuk-width-container">
          <main className="govuk-main-wrapper" id="main-content">
            <title>Sorry, there is a problem with the service – ECF Finance</title>
            <h1 className="govuk-heading-l">Sorry, there is a problem with the service</h1>
            <p className="govuk-body">Try again later. Nothing was changed.</p>
            {error.digest && <p className="govuk-body">Reference: {error.digest}</p>}
          </main>
        </div>
      </body>
    </html>
  );
}
