// Recording DfE's funding-eligibility decision for a participant (`npm run participants:eligibility`).
//
// One transaction: the participant's profiles are locked (FOR UPDATE, as a declaration submission
// locks them, so a submission and a decision queue behind each other), their eligibility is
// recorded, and each of their `submitted` declarations follows the lifecycle's pure rule
// (planEligibilityDecision): it becomes `eligible` or `ineligible` and gets its line item on the
// provider's next open output statement of its cohort. Audited per profile and per declaration.
// Idempotent: the same decision again changes nothing. Refused as a whole (nothing changes) when a
// submitted declaration has no open output statement to go on.
import type { PrismaClient } from "@/generated/prisma/client";
import type { Actor } from "@/lib/db/audit";
import { inTransaction } from "@/lib/db/transaction";
import { planEligibilityDecision } from "@/lib/declarations/rules/submission";
import type { IneligibilityReason } from "@/lib/domain/ineligibility-reasons";
import { moneyEvent } from "@/lib/log";
import { resolveParticipantId } from "./identity";

export type EligibilityDecisionInput = { eligible: true } | { eligible: false; reason: IneligibilityReason };

export interface EligibilityRequest {
  participantId: string;
  decision: EligibilityDecisionInput;
  actor: Actor;
  now: Date;
}

export interface DecidedDeclaration {
  declarationId: string;
  state: "eligible" | "ineligible";
  statementId: string;
}

export type EligibilityOutcome =
  | { ok: true; userId: string; profilesChanged: number; declarations: DecidedDeclaration[] }
  | { ok: false; code: "participant_not_found" }
  | { ok: false; code: "no_open_output_statement"; declarationId: string; cohortStartYear: number };

export async function recordEligibility(prisma: PrismaClient, request: EligibilityRequest): Promise<EligibilityOutcome> {
  const userId = await resolveParticipantId(prisma, request.participantId);
  if (!userId) return { ok: false, code: "participant_not_found" };
  const { decision, actor, now } = request;
  const reason = decision.eligible ? null : decision.reason;

  return inTransaction(prisma, async (tx, change): Promise<EligibilityOutcome> => {
    const profiles = await tx.$queryRaw<{ id: string; eligible_for_funding: boolean | null; ineligible_for_funding_reason: string | null }[]>`
      SELECT pp.id::text AS id, pp.eligible_for_funding, pp.ineligible_for_funding_reason
        FROM participant_profiles pp
        JOIN participant_identities pi ON pi.id = pp.participant_identity_id
       WHERE pi.user_id = ${userId}::uuid
       ORDER BY pp.id
         FOR UPDATE OF pp`;
    if (profiles.length === 0) return { ok: false, code: "participant_not_found" };

    const submitted = await tx.participantDeclaration.findMany({
      where: { participantProfileId: { in: profiles.map((p) => p.id) }, state: "submitted" },
      select: { id: true, state: true, leadProviderId: true, cohortId: true, cohort: { select: { startYear: true } } },
      orderBy: [{ declarationDate: "asc" }, { id: "asc" }],
    });
    const plans: { declaration: (typeof submitted)[number]; statementId: string; state: "eligible" | "ineligible" }[] = [];
    for (const declaration of submitted) {
      const statements = await tx.statement.findMany({
        where: { leadProviderId: declaration.leadProviderId, cohortId: declaration.cohortId, outputFee: true, status: "open" },
        select: { id: true, status: true, outputFee: true, deadlineDate: true, paymentDate: true },
      });
      const plan = planEligibilityDecision(
        { state: declaration.state, cohortStartYear: declaration.cohort.startYear, eligibleForFunding: decision.eligible, decidedAt: now },
        statements,
      );
      if (!plan.ok) {
        // Only "no open output statement" can happen here: every declaration read is `submitted`.
        return { ok: false, code: "no_open_output_statement", declarationId: declaration.id, cohortStartYear: declaration.cohort.startYear };
      }
      plans.push({ declaration, statementId: plan.statementId, state: plan.state });
    }

    let profilesChanged = 0;
    for (const profile of profiles) {
      if (profile.eligible_for_funding === decision.eligible && profile.ineligible_for_funding_reason === reason) continue;
      profilesChanged += 1;
      await tx.participantProfile.update({ where: { id: profile.id }, data: { eligibleForFunding: decision.eligible, ineligibleForFundingReason: reason } });
      await change.audit({
        actor,
        action: "participant.eligibility",
        entityType: "participant_profile",
        entityId: profile.id,
        userId,
        reason,
        before: { eligibleForFunding: profile.eligible_for_funding, ineligibleForFundingReason: profile.ineligible_for_funding_reason },
        after: { eligibleForFunding: decision.eligible, ineligibleForFundingReason: reason },
      });
    }

    for (const { declaration, statementId, state } of plans) {
      await tx.participantDeclaration.update({
        where: { id: declaration.id },
        data: { state, ineligibleForFundingReason: reason, updatedAt: now },
      });
      await tx.statementLineItem.create({ data: { statementId, participantDeclarationId: declaration.id, state, createdAt: now } });
      await change.audit({
        actor,
        action: "declaration.eligibility",
        entityType: "declaration",
        entityId: declaration.id,
        userId,
        reason,
        before: { state: "submitted" },
        after: { state, statementId },
      });
      change.afterCommit(() =>
        moneyEvent("declaration.eligibility", actor, { declarationId: declaration.id, participantUserId: userId, statementId, from: "submitted", state }),
      );
    }
    return {
      ok: true,
      userId,
      profilesChanged,
      declarations: plans.map((p) => ({ declarationId: p.declaration.id, state: p.state, statementId: p.statementId })),
    };
  });
}
