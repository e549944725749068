// "Download this list (CSV)": the audit log's filtered entries, streamed newest first. Filters the
// page would refuse send the user back to the page, which shows the errors.
import { redirect } from "next/navigation";
import { auditCsv, auditCsvFilename } from "@/lib/audit/csv";
import { requireStaff } from "@/lib/auth/guard";
import { getDb } from "@/lib/db/client";
import { parseAuditFilters } from "@/lib/validation/audit-filters";
import { auditCsvPath } from "../paths";

export async function GET(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const params: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const all = url.searchParams.getAll(key);
    params[key] = all.length === 1 ? all[0]! : all;
  }
  const parsed = parseAuditFilters(params);
  await requireStaff("finance", auditCsvPath(parsed.values));
  if (!parsed.ok) redirect(`/audit${url.search}`);
  const db = await getDb();
  return new Response(auditCsv(db.prisma, parsed.filters, db.timeouts.exportDeadlineMs), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${auditCsvFilename(new Date())}"`,
      "Cache-Control": "no-store",
    },
  });
}
