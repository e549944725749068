// Page titles: "<page> – ECF Finance – Department for Education" (GOV.UK: page, service, organisation).
// The layout's metadata template and the forms that set document.title themselves (to add "Error: "
// after a failed submit) all take the suffix from here.
export const SERVICE_TITLE = "ECF Finance – Department for Education";

/** The whole title of a page called `title`. */
export function pageTitle(title: string): string {
  return `${title} – ${SERVICE_TITLE}`;
}
