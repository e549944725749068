// Who the audit trail says did an API change: the lead provider. The label is its name (as the
// demo seed's API entries have it, and as the finance pages show it); voided_by is still
// "api:<provider id>" (void.ts derives it from the id).
import type { Actor } from "@/lib/db/audit";

export function apiActor(leadProvider: { id: string; name: string }): Actor {
  return { type: "api", id: leadProvider.id, label: leadProvider.name };
}
