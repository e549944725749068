import type { Metadata } from "next";
import Link from "next/link";
import { PageShell } from "@/components/govuk";
import { requireStaff } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "Home" };

/** The parts of the service, two to a row. */
const SECTIONS = [
  { href: "/participants", title: "Participants", description: "Search for a participant, see their enrolments and declarations, and void a declaration." },
  { href: "/statements", title: "Statements", description: "Read a lead provider's monthly statement and download its declarations." },
  { href: "/audit", title: "Audit log", description: "See every change made in the service: by whom, when and to which record." },
  { href: "/duplicates", title: "Duplicate records", description: "Find participants who look like one person, compare them and merge one record into the other." },
  { href: "/schedules", title: "Payment schedules", description: "See each cohort's schedules and the milestone dates that declarations are checked against." },
] as const;

const ROWS = Array.from({ length: Math.ceil(SECTIONS.length / 2) }, (_, row) => SECTIONS.slice(row * 2, row * 2 + 2));

export default async function HomePage() {
  const user = await requireStaff("finance", "/");
  return (
    <PageShell>
      <h1 className="govuk-heading-xl">ECF Finance</h1>
      <p className="govuk-body-l">
        Check what DfE pays lead providers for training early career teachers and their mentors.
      </p>
      <p className="govuk-body">You are signed in as {user.name}.</p>
      {ROWS.map((row, index) => (
        <div className="govuk-grid-row" key={index}>
          {row.map((section) => (
            <div className="govuk-grid-column-one-half" key={section.href}>
              <h2 className="govuk-heading-m">
                <Link className="govuk-link" href={section.href}>
                  {section.title}
                </Link>
              </h2>
              <p className="govuk-body">{section.description}</p>
            </div>
          ))}
        </div>
      ))}
    </PageShell>
  );
}
