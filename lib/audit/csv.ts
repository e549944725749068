// "Download this list (CSV)": the audit log's filtered entries, newest first, streamed from
// keyset batches with the statement CSV's writer (formula-neutralised, RFC 4180, UTF-8 BOM).
import type { Queryable } from "@/lib/db/query";
import { csvWriter, downloadDeadline, textChunksToStream } from "@/lib/statements/csv";
import { auditEntryBatches, type AuditQuery, type AuditRow } from "./queries";
import { AUDIT_ACTOR_TYPE_LABELS, auditActionLabel } from "./rules/categories";
import { auditTargetPath } from "./rules/links";

type AuditCsvRow = {
  occurred_at: Date;
  actor_type: string;
  actor: string;
  action: string;
  action_label: string;
  entity_type: string;
  entity_id: string;
  participant_id: string;
  reason: string;
  link: string;
  api_token_id: string;
};

export const AUDIT_CSV_COLUMNS: readonly { key: keyof AuditCsvRow; header: string }[] = [
  { key: "occurred_at", header: "Occurred At" },
  { key: "actor_type", header: "Who" },
  { key: "actor", header: "Actor" },
  { key: "action", header: "Action" },
  { key: "action_label", header: "What" },
  { key: "entity_type", header: "Record Type" },
  { key: "entity_id", header: "Record ID" },
  { key: "participant_id", header: "Participant ID" },
  { key: "reason", header: "Reason" },
  { key: "link", header: "Page" },
  { key: "api_token_id", header: "API Token ID" },
];

const WRITER = csvWriter<AuditCsvRow>(AUDIT_CSV_COLUMNS);

export function auditCsvRow(row: AuditRow): AuditCsvRow {
  return {
    occurred_at: row.occurredAt,
    actor_type: AUDIT_ACTOR_TYPE_LABELS[row.actorType],
    actor: row.actorLabel,
    action: row.action,
    action_label: auditActionLabel(row.action),
    entity_type: row.entityType,
    entity_id: row.entityId,
    participant_id: row.userId ?? "",
    reason: row.reason ?? "",
    link: auditTargetPath(row.target) ?? "",
    api_token_id: row.apiTokenId ?? "",
  };
}

async function* chunks(db: Queryable, query: AuditQuery): AsyncGenerator<string, void, undefined> {
  yield WRITER.header();
  for await (const rows of auditEntryBatches(db, query)) yield WRITER.records(rows.map(auditCsvRow));
}

/**
 * Each batch is its own short query on the app's pool (no transaction held between batches), so a
 * stalled download holds no connection; it still ends at its deadline (`deadlineMs`, 0: none).
 */
export function auditCsv(db: Queryable, query: AuditQuery, deadlineMs = 0): ReadableStream<Uint8Array> {
  return textChunksToStream(chunks(db, query), downloadDeadline(deadlineMs));
}

/** `ECF-Audit-<yyyy-mm-dd>.csv` (the day it was downloaded). */
export function auditCsvFilename(now: Date): string {
  return `ECF-Audit-${now.toISOString().slice(0, 10)}.csv`;
}
