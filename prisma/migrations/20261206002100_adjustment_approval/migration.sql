-- Two pairs of eyes on large adjustments: one above the approval limit (ADJUSTMENT_APPROVAL_LIMIT)
-- is saved awaiting approval and counts in the statement's figures only once an approver other than
-- whoever added or changed it has confirmed it. Existing adjustments count as they always did.
-- (All pending migrations run in one transaction with the one adding the 'approver' role: nothing
-- here uses that value.)
ALTER TABLE "additional_adjustments"
  ADD COLUMN "awaiting_approval" BOOLEAN NOT NULL DEFAULT false,
  ADD COLUMN "approved_at" TIMESTAMP(3),
  ADD COLUMN "approved_by" TEXT;
