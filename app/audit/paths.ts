// The audit log's addresses.
import { auditFilterQuery, type AuditFilterValues } from "@/lib/validation/audit-filters";

export function auditPath(values?: AuditFilterValues, page = 1): string {
  const query = values ? auditFilterQuery(values, page) : "";
  return query ? `/audit?${query}` : "/audit";
}

export function auditCsvPath(values: AuditFilterValues): string {
  const query = auditFilterQuery(values);
  return query ? `/audit/audit.csv?${query}` : "/audit/audit.csv";
}
