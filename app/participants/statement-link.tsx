// A declaration's statement as a link to its page, or "None" when it is on no statement: the cell the
// participant, void and duplicate records pages show for each declaration.
import { statementPath } from "./paths";

export function StatementLink({ statement }: { statement: { id: string; name: string } | null }) {
  if (!statement) return <>None</>;
  return (
    <a className="govuk-link" href={statementPath(statement.id)}>
      {statement.name}
    </a>
  );
}
