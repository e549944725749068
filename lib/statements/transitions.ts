// What the two statement transitions — open → payable (mark-payable.ts) and payable → paid
// (authorise.ts) — share: the statement row locked for the transaction, and the lifecycle's line
// item rule applied set-based (one UPDATE per state that moves, not one per row).
import type { Prisma } from "@/generated/prisma/client";
import { DECLARATION_STATES, type DeclarationState } from "@/lib/domain/declaration-states";

type StateMove = { from: DeclarationState; to: DeclarationState };

/** The lifecycle's rule, as the set of line item states that move: e.g. payable → paid. */
export function stateMoves(rule: (state: DeclarationState) => DeclarationState): StateMove[] {
  return DECLARATION_STATES.map((from) => ({ from, to: rule(from) })).filter((move) => move.from !== move.to);
}

/**
 * Applies the moves to every line item of the statement in that state, and to their
 * declarations (whose state follows the line item), set-based: one UPDATE per move, not per row.
 * Returns the number of line items moved per `from` state.
 */
export async function moveLineItems(
  tx: Prisma.TransactionClient,
  statementId: string,
  moves: readonly StateMove[],
  now: Date,
): Promise<Partial<Record<DeclarationState, number>>> {
  const moved: Partial<Record<DeclarationState, number>> = {};
  for (const { from, to } of moves) {
    await tx.$executeRaw`
      UPDATE participant_declarations d
         SET state = ${to}::"DeclarationState", updated_at = ${now}
        FROM statement_line_items li
       WHERE li.participant_declaration_id = d.id
         AND li.statement_id = ${statementId}::uuid
         AND li.state = ${from}::"DeclarationState"
         AND d.state = ${from}::"DeclarationState"`;
    moved[from] = await tx.$executeRaw`
      UPDATE statement_line_items
         SET state = ${to}::"DeclarationState", updated_at = ${now}
       WHERE statement_id = ${statementId}::uuid AND state = ${from}::"DeclarationState"`;
  }
  return moved;
}

/** Locks the statement row for the rest of the transaction; null when there is no such statement. */
export async function lockStatement(tx: Prisma.TransactionClient, statementId: string) {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id::text FROM statements WHERE id = ${statementId}::uuid FOR UPDATE`;
  if (locked.length === 0) return null;
  return tx.statement.findUniqueOrThrow({
    where: { id: statementId },
    select: {
      id: true,
      name: true,
      status: true,
      deadlineDate: true,
      outputFee: true,
      _count: { select: { lineItems: true } },
      leadProvider: { select: { name: true } },
      cohort: { select: { startYear: true } },
    },
  });
}
