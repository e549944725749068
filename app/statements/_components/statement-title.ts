// The statement named in a page's URL, for the page's title. Not a loader: an unknown or malformed
// id gives a "not found" title here, and the page itself answers 404 (requireResource).
import { requireStaff } from "@/lib/auth/guard";
import { pathId } from "@/lib/auth/resource";
import { getPrisma } from "@/lib/db/client";
import { findStatementHeader, type StatementHeader } from "@/lib/statements/queries";

export async function statementForTitle(rawStatementId: string, returnTo: string): Promise<StatementHeader | null> {
  await requireStaff("finance", returnTo);
  const id = pathId(rawStatementId);
  return id ? findStatementHeader(await getPrisma(), id) : null;
}
