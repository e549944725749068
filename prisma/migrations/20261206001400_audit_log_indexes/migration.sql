-- The audit log page (/audit) lists entries newest first, a page at a time, and its CSV walks them by
-- keyset on (occurred_at, id); "who" narrows by actor type. Both orderings are read from an index.
DROP INDEX "audit_logs_occurred_at_idx";
CREATE INDEX "audit_logs_occurred_at_id_idx" ON "audit_logs"("occurred_at", "id");
CREATE INDEX "audit_logs_actor_type_occurred_at_id_idx" ON "audit_logs"("actor_type", "occurred_at", "id");
