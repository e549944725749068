// Open → payable: the daily script (scripts/statements-mark-payable.ts). Every open statement whose
// cut-off date has passed becomes payable, with its eligible line items (and their declarations):
// one transaction per statement, with the row locked, set-based updates and an audit entry.
import type { PrismaClient } from "@/generated/prisma/client";
import type { Actor } from "@/lib/db/audit";
import type { Db } from "@/lib/db/client";
import { withJobLock, type JobRun } from "@/lib/db/job-lock";
import { inTransaction, LONG_TRANSACTION_SETTINGS } from "@/lib/db/transaction";
import { isProduction } from "@/lib/environment";
import { moneyEvent } from "@/lib/log";
import { lineItemStateWhenStatementPayable, markStatementPayable } from "@/lib/declarations/rules/lifecycle";
import { lockStatement, moveLineItems, stateMoves } from "./transitions";

/**
 * Why the daily job may not run as if it were `today`: never in production (NODE_ENV=production; the
 * job marks every statement past its cut-off, so catching up after an outage needs no date), and
 * never a day after the current UTC day (that would make statements payable before their cut-off).
 * Null: allowed.
 */
export function markPayableDateRefusal(today: Date, now: Date, env: Partial<NodeJS.ProcessEnv> = process.env): string | null {
  if (isProduction(env as NodeJS.ProcessEnv)) {
    return "--today is not available in production (NODE_ENV=production). Run the job without it: it marks every statement past its cut-off date, however many days were missed.";
  }
  const day = (date: Date) => Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  if (day(today) > day(now)) {
    return `--today cannot be in the future (today is ${new Date(day(now)).toISOString().slice(0, 10)}, UTC).`;
  }
  return null;
}

export const MARK_PAYABLE_ACTOR: Actor = { type: "system", id: "statements:mark-payable", label: "statements:mark-payable" };

export type MarkedPayable = {
  statementId: string;
  name: string;
  leadProviderName: string;
  cohortYear: number;
  lineItemsMadePayable: number;
};

/**
 * Every open statement whose cut-off date has passed becomes payable, with its eligible line items
 * (and their declarations). One transaction per statement. Idempotent: a second run finds nothing.
 */
export async function markStatementsPayable(
  prisma: PrismaClient,
  options: { today: Date; actor?: Actor },
): Promise<MarkedPayable[]> {
  const actor = options.actor ?? MARK_PAYABLE_ACTOR;
  const today = options.today;
  const startOfToday = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()));
  const candidates = await prisma.statement.findMany({
    where: { status: "open", deadlineDate: { lt: startOfToday } },
    orderBy: [{ deadlineDate: "asc" }, { id: "asc" }],
    select: { id: true },
  });
  const moves = stateMoves(lineItemStateWhenStatementPayable);
  const marked: MarkedPayable[] = [];
  for (const { id } of candidates) {
    const outcome = await inTransaction(
      prisma,
      async (tx, change): Promise<MarkedPayable | null> => {
        const statement = await lockStatement(tx, id);
        if (!statement) return null;
        const plan = markStatementPayable({ id, status: statement.status, deadlineDate: statement.deadlineDate }, today);
        // Someone else got there first (or the date moved): nothing to do.
        if (!plan.ok) return null;
        const moved = await moveLineItems(tx, id, moves, new Date());
        await tx.statement.update({ where: { id }, data: { status: plan.to } });
        const lineItemsMadePayable = Object.values(moved).reduce((n, count) => n + (count ?? 0), 0);
        await change.audit({
          actor,
          action: "statement.mark_payable",
          entityType: "statement",
          entityId: id,
          before: { status: plan.from },
          after: { status: plan.to, lineItemsMadePayable },
        });
        change.afterCommit(() => moneyEvent("statement.mark_payable", actor, { statementId: id, state: "payable", lineItems: lineItemsMadePayable }));
        return {
          statementId: id,
          name: statement.name,
          leadProviderName: statement.leadProvider.name,
          cohortYear: statement.cohort.startYear,
          lineItemsMadePayable,
        };
      },
      LONG_TRANSACTION_SETTINGS,
    );
    if (outcome) marked.push(outcome);
  }
  return marked;
}

/**
 * The daily job: markStatementsPayable under the job's advisory lock, so when it is started on
 * several instances at once one run does the work and the others report that it is running.
 */
export function runMarkPayableJob(db: Pick<Db, "prisma" | "sql" | "config">, options: { today: Date; actor?: Actor }): Promise<JobRun<MarkedPayable[]>> {
  return withJobLock(db, "statements:mark-payable", () => markStatementsPayable(db.prisma, options));
}
