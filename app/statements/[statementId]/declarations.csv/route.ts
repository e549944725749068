// "Download declarations (CSV)": streamed from a database cursor, one line item per row.
import { notFound } from "next/navigation";
import { requireStaff } from "@/lib/auth/guard";
import { getDb } from "@/lib/db/client";
import { findStatementHeader } from "@/lib/statements/queries";
import { statementCsvFilename, statementDeclarationsCsv } from "@/lib/statements/csv";
import { parseId } from "@/lib/validation/statement-choice";

type Context = { params: Promise<{ statementId: string }> };

export async function GET(_request: Request, { params }: Context): Promise<Response> {
  const { statementId } = await params;
  await requireStaff("finance", `/statements/${statementId}/declarations.csv`);
  const id = parseId(statementId);
  if (!id) notFound();
  const db = await getDb();
  const header = await findStatementHeader(db.prisma, id);
  if (!header) notFound();
  const filename = statementCsvFilename({
    providerName: header.leadProvider.name,
    cohortYear: header.cohort.startYear,
    statementName: header.name,
  });
  return new Response(statementDeclarationsCsv(db, id), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
    },
  });
}
