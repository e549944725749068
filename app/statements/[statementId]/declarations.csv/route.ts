// "Download declarations (CSV)": streamed from a database cursor, one line item per row.
import { requireResource } from "@/lib/auth/resource";
import { getDb } from "@/lib/db/client";
import { findStatementHeader } from "@/lib/statements/queries";
import { statementCsvFilename, statementDeclarationsCsv } from "@/lib/statements/csv";
import { csvPath } from "../../_components/paths";

type Context = { params: Promise<{ statementId: string }> };

export async function GET(_request: Request, { params }: Context): Promise<Response> {
  const { statementId } = await params;
  const { data: header } = await requireResource("finance", csvPath(statementId), [statementId], findStatementHeader);
  const filename = statementCsvFilename({
    providerName: header.leadProvider.name,
    cohortYear: header.cohort.startYear,
    statementName: header.name,
  });
  return new Response(statementDeclarationsCsv(await getDb(), header.id), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
    },
  });
}
