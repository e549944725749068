// The GOV.UK back link where the Design System puts it (before <main>), inside a navigation
// landmark: otherwise it is content outside every landmark, which axe reports ("region"; see
// alphagov/govuk-frontend#1604 and #6460).
import { BackLink } from "@/components/govuk";

export function PageBackLink({ href, text }: { href: string; text?: string }) {
  return (
    <nav aria-label="Back link">
      <BackLink href={href} text={text} />
    </nav>
  );
}
