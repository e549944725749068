// What the void check-your-answers page shows: the declaration, and what voiding it now would do.
// It asks the same questions as the transaction (lib/declarations/void.ts) in the same order —
// `planVoid` with the same clawback statement (`findClawbackStatement`) — and prices a clawback with
// the statement engine (`previewClawback`), so the page says what the transaction will do.
// Nothing here writes; the transaction re-checks everything under a row lock.
import { findClawbackStatement } from "@/lib/declarations/void";
import { MissingContractError, previewClawback } from "@/lib/statements/calculation";
import { canApply, planVoid, type VoidRefusal } from "@/lib/declarations/rules/lifecycle";
import { MENTOR_COURSE_IDENTIFIER } from "@/lib/domain/courses";
import { isRefundable, type DeclarationState } from "@/lib/domain/declaration-states";
import { isDeclarationType } from "@/lib/domain/declaration-types";
import type { ParticipantType } from "@/lib/domain/participant-types";
import { calculateVat, toDecimal, type Decimal } from "@/lib/engine";
import { isUuid } from "@/lib/validation/ids";
import type { StatementRef } from "@/lib/participants/detail";
import { resolveParticipantId } from "@/lib/participants/identity";
import type { Queryable } from "@/lib/db/query";

export type ClawbackAmount =
  | { ok: true; amount: Decimal; vat: Decimal; amountWithVat: Decimal; vatChargeable: boolean }
  | { ok: false; message: string };

export type VoidOutcomePreview =
  | { ok: true; kind: "void"; statement: (StatementRef & { status: string }) | null; state: DeclarationState }
  | { ok: true; kind: "clawback"; statement: StatementRef; clawback: ClawbackAmount }
  | VoidRefusal;

export type VoidCheck = {
  participant: { userId: string; fullName: string };
  declaration: {
    id: string;
    declarationType: string;
    declarationDate: Date;
    courseIdentifier: string;
    participantType: ParticipantType;
    state: DeclarationState;
    leadProvider: { id: string; name: string };
    cohort: { startYear: number; frozen: boolean };
    statement: (StatementRef & { status: string }) | null;
    clawbackStatement: StatementRef | null;
  };
  outcome: VoidOutcomePreview;
};

/**
 * The declaration, if it is this participant's (`participantId`: user id or external identifier).
 * The server action checks this before voiding: a declaration reached through another participant's
 * address is not found.
 */
export async function findParticipantDeclaration(
  db: Queryable,
  participantId: string,
  declarationId: string,
): Promise<{ userId: string; declarationId: string; declarationType: string; declarationDate: Date } | null> {
  if (!isUuid(declarationId)) return null;
  const userId = await resolveParticipantId(db, participantId);
  if (!userId) return null;
  const declaration = await db.participantDeclaration.findUnique({
    where: { id: declarationId },
    select: {
      id: true,
      declarationType: true,
      declarationDate: true,
      participantProfile: { select: { participantIdentity: { select: { userId: true } } } },
    },
  });
  if (!declaration || declaration.participantProfile.participantIdentity.userId !== userId) return null;
  return { userId, declarationId: declaration.id, declarationType: declaration.declarationType, declarationDate: declaration.declarationDate };
}

/**
 * The check for voiding `declarationId` of the participant `participantId` (a user id or external
 * identifier). Null when either id is malformed or unknown, or the declaration is someone else's.
 */
export async function loadVoidCheck(db: Queryable, participantId: string, declarationId: string, now = new Date()): Promise<VoidCheck | null> {
  if (!isUuid(declarationId)) return null;
  const userId = await resolveParticipantId(db, participantId);
  if (!userId) return null;
  const d = await db.participantDeclaration.findUnique({
    where: { id: declarationId },
    include: {
      participantProfile: { select: { type: true, participantIdentity: { select: { user: { select: { id: true, fullName: true } } } } } },
      leadProvider: { select: { id: true, name: true } },
      cohort: { select: { id: true, startYear: true, paymentsFrozenAt: true } },
      lineItems: { orderBy: { createdAt: "asc" }, select: { state: true, statement: { select: { id: true, name: true, status: true } } } },
    },
  });
  const owner = d?.participantProfile.participantIdentity.user;
  if (!d || !owner || owner.id !== userId) return null;

  const original = d.lineItems.find((li) => !isRefundable(li.state))?.statement ?? null;
  const clawback = d.lineItems.find((li) => isRefundable(li.state))?.statement ?? null;
  const frozen = d.cohort.paymentsFrozenAt !== null;
  const participantType: ParticipantType = d.courseIdentifier === MENTOR_COURSE_IDENTIFIER ? "mentor" : d.participantProfile.type;

  const clawbackStatement =
    canApply("void_paid", d.state)
      ? await findClawbackStatement(db, { leadProviderId: d.leadProviderId, cohortId: d.cohortId, cohortStartYear: d.cohort.startYear }, now)
      : null;
  const plan = planVoid({ state: d.state, cohortStartYear: d.cohort.startYear, cohortPaymentsFrozen: frozen }, clawbackStatement);

  let outcome: VoidOutcomePreview;
  if (!plan.ok) {
    outcome = plan;
  } else if (plan.kind === "clawback" && clawbackStatement) {
    outcome = {
      ok: true,
      kind: "clawback",
      statement: { id: clawbackStatement.id, name: clawbackStatement.name },
      clawback: await priceClawback(db, clawbackStatement.id, {
        declarationType: d.declarationType,
        participantType,
        uplift: d.sparsityUplift || d.pupilPremiumUplift,
      }),
    };
  } else {
    outcome = { ok: true, kind: "void", statement: original, state: d.state };
  }

  return {
    participant: { userId: owner.id, fullName: owner.fullName },
    declaration: {
      id: d.id,
      declarationType: d.declarationType,
      declarationDate: d.declarationDate,
      courseIdentifier: d.courseIdentifier,
      participantType,
      state: d.state,
      leadProvider: d.leadProvider,
      cohort: { startYear: d.cohort.startYear, frozen },
      statement: original,
      clawbackStatement: clawback,
    },
    outcome,
  };
}

/** The engine's figure for one more clawback of this kind on the statement, with VAT when it applies. */
async function priceClawback(
  db: Queryable,
  statementId: string,
  line: { declarationType: string; participantType: ParticipantType; uplift: boolean },
): Promise<ClawbackAmount> {
  if (!isDeclarationType(line.declarationType)) {
    return { ok: false, message: `The amount cannot be worked out: “${line.declarationType}” is not a declaration type the payment engine knows.` };
  }
  try {
    const preview = await previewClawback(db, statementId, { ...line, declarationType: line.declarationType });
    const amount = toDecimal(preview.amount.toString());
    const vat = calculateVat(amount, preview.vatChargeable);
    return { ok: true, amount, vat, amountWithVat: amount.plus(vat), vatChargeable: preview.vatChargeable };
  } catch (error) {
    if (error instanceof MissingContractError) return { ok: false, message: `The amount cannot be worked out: ${error.message}` };
    throw error;
  }
}
