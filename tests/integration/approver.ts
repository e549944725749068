// Authorising in the integration tests as the demo's approver, with the figures an approver would
// have checked on the authorise page (its fingerprint and total with VAT, worked out now).
import type { PrismaClient } from "@/generated/prisma/client";
import { staffActor, type Actor } from "@/lib/db/audit";
import { authoriseStatement, figuresOf, type CheckedFigures } from "@/lib/statements/authorise";
import { loadStatementView } from "@/lib/statements/view";

type Db = { prisma: PrismaClient };

export async function demoStaffActor(db: Db, email: "approver@example.com" | "finance@example.com"): Promise<Actor> {
  return staffActor(await db.prisma.staffUser.findUniqueOrThrow({ where: { email } }));
}

/** What the authorise page shows of this statement now, as its form carries it. */
export async function checkedFigures(db: Db, statementId: string): Promise<CheckedFigures> {
  const loaded = await loadStatementView(db.prisma, statementId);
  if (!loaded || loaded.kind !== "view") return { fingerprint: "0".repeat(64), totalWithVat: "0" };
  const { fingerprint, totalWithVat } = figuresOf(loaded.view);
  return { fingerprint, totalWithVat };
}

/** Authorise as the approver (or `actor`), having checked the figures as they are now. */
export async function authoriseAsApprover(db: Db, request: { statementId: string; actor?: Actor; now?: Date }) {
  const actor = request.actor ?? (await demoStaffActor(db, "approver@example.com"));
  return authoriseStatement(db.prisma, { ...request, actor, checked: await checkedFigures(db, request.statementId) });
}
