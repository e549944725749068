import "./styles/application.scss";
import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { headers } from "next/headers";
import { GenericHeader, PhaseBanner, ServiceNavigation, SkipLink } from "@/components/govuk";
import { GovukFrontendInit } from "@/components/app/govuk-frontend-init";
import { currentStaff, hasRole } from "@/lib/auth/guard";
import { SERVICE_TITLE, pageTitle } from "@/lib/format/page-title";
import { signOut } from "./sign-out-action";

export const metadata: Metadata = {
  title: { template: pageTitle("%s"), default: SERVICE_TITLE },
  // Our own icon (public/, committed): the letters ECF, not GOV.UK's crown — this is a DfE staff
  // tool, not a service on the GOV.UK website (docs/architecture.md, "Branding").
  icons: {
    icon: [
      { url: "/favicon.ico", sizes: "32x32" },
      { url: "/favicon.svg", type: "image/svg+xml", sizes: "any" },
    ],
  },
};

export const viewport: Viewport = { themeColor: "#1d70b8" };

// Every page reads the session: nothing is rendered at build time.
export const dynamic = "force-dynamic";

const FINANCE_NAVIGATION = [
  { href: "/participants", text: "Participants" },
  { href: "/statements", text: "Statements" },
  { href: "/schedules", text: "Schedules" },
];

export default async function RootLayout({ children }: { children: ReactNode }) {
  const user = await currentStaff();
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <html lang="en" className="govuk-template">
      <body className="govuk-template__body" suppressHydrationWarning>
        <script
          nonce={nonce}
          // The official GOV.UK Frontend snippet: marks the body before hydration so components know JS runs.
          dangerouslySetInnerHTML={{
            __html:
              "document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');",
          }}
        />
        <SkipLink />
        <header className="govuk-template__header">
          <GenericHeader logoText="Department for Education" url="/" />
          <ServiceNavigation
            serviceName="ECF Finance"
            serviceUrl="/"
            navigation={user && hasRole(user, "finance") ? FINANCE_NAVIGATION : []}
            end={
              user ? (
                <form action={signOut} className="govuk-!-display-inline">
                  <span className="app-service-navigation__user govuk-!-margin-right-2">{user.email}</span>
                  <button type="submit" className="app-link-button govuk-service-navigation__link">
                    Sign out
                  </button>
                </form>
              ) : undefined
            }
          />
          <PhaseBanner tag="Beta">This is a new service for DfE finance users and contract managers.</PhaseBanner>
        </header>
        {children}
        <footer className="govuk-template__footer app-footer">
          <div className="govuk-width-container">
            <p className="govuk-body-s govuk-!-margin-bottom-0">
              ECF Finance is a Department for Education service for paying Early Career Framework lead providers.
            </p>
          </div>
        </footer>
        <GovukFrontendInit />
      </body>
    </html>
  );
}
