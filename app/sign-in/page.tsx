import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { NotificationBanner, PageShell } from "@/components/govuk";
import { currentStaff, safeReturnPath } from "@/lib/auth/guard";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignInPage({ searchParams }: Props) {
  const params = await searchParams;
  const callbackUrl = safeReturnPath(typeof params.callbackUrl === "string" ? params.callbackUrl : "/");
  // Already signed in: go where they were going.
  if (await currentStaff()) redirect(callbackUrl);
  return (
    <PageShell>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {params.signedOut === "1" && (
            <NotificationBanner type="success" heading="You have signed out" />
          )}
          <SignInForm callbackUrl={callbackUrl} />
        </div>
      </div>
    </PageShell>
  );
}
