// What an audit entry is about: the audit page's "What" filter groups the action names the code
// writes (`change.audit({ action: "…" })`) into the categories a finance user asks about. This is
// the one mapping; tests/unit/audit/categories.test.ts checks every action written under lib/ is in
// exactly one category.

export const AUDIT_CATEGORIES = [
  "void",
  "adjustment",
  "authorise",
  "mark-payable",
  "training-status",
  "schedule",
  "merge",
  "eligibility",
  "submission",
  "partnership",
] as const;

export type AuditCategory = (typeof AUDIT_CATEGORIES)[number];

export const AUDIT_CATEGORY_ACTIONS: Readonly<Record<AuditCategory, readonly string[]>> = {
  void: ["declaration.void", "declaration.void_paid"],
  adjustment: ["adjustment.create", "adjustment.change", "adjustment.remove", "adjustment.approve"],
  authorise: ["statement.authorise"],
  "mark-payable": ["statement.mark_payable"],
  "training-status": ["participant.defer", "participant.resume", "participant.withdraw", "participant.training_status"],
  schedule: ["participant.change_schedule"],
  merge: ["participant.merge"],
  eligibility: ["participant.eligibility", "declaration.eligibility"],
  submission: ["declaration.submit"],
  partnership: ["partnership.create", "partnership.update"],
};

export const AUDIT_CATEGORY_LABELS: Readonly<Record<AuditCategory, string>> = {
  void: "Void",
  adjustment: "Adjustment",
  authorise: "Authorise for payment",
  "mark-payable": "Mark as payable",
  "training-status": "Training status",
  schedule: "Schedule change",
  merge: "Duplicate merge",
  eligibility: "Eligibility",
  submission: "Declaration submitted",
  partnership: "Partnership",
};

export function isAuditCategory(value: string): value is AuditCategory {
  return (AUDIT_CATEGORIES as readonly string[]).includes(value);
}

/** Every action name any category holds. */
export const AUDIT_ACTIONS: readonly string[] = AUDIT_CATEGORIES.flatMap((category) => AUDIT_CATEGORY_ACTIONS[category]);

/** The category an action belongs to, or null for one nobody has filed yet. */
export function auditCategoryOf(action: string): AuditCategory | null {
  return AUDIT_CATEGORIES.find((category) => AUDIT_CATEGORY_ACTIONS[category].includes(action)) ?? null;
}

/** The actions of the chosen categories (empty choice: no restriction, `null`). */
export function actionsOf(categories: readonly AuditCategory[]): string[] | null {
  return categories.length === 0 ? null : categories.flatMap((category) => AUDIT_CATEGORY_ACTIONS[category]);
}

const ACTION_LABELS: Readonly<Record<string, string>> = {
  "declaration.void": "Declaration voided",
  "declaration.void_paid": "Paid declaration voided (clawback)",
  "adjustment.create": "Adjustment added",
  "adjustment.change": "Adjustment changed",
  "adjustment.remove": "Adjustment removed",
  "adjustment.approve": "Adjustment confirmed by an approver",
  "statement.authorise": "Statement authorised for payment",
  "statement.mark_payable": "Statement marked as payable",
  "participant.defer": "Training deferred",
  "participant.resume": "Training resumed",
  "participant.withdraw": "Training withdrawn",
  "participant.training_status": "Training status changed",
  "participant.change_schedule": "Schedule changed",
  "participant.merge": "Duplicate records merged",
  "participant.eligibility": "Participant eligibility changed",
  "declaration.eligibility": "Declaration eligibility changed",
  "declaration.submit": "Declaration submitted",
  "partnership.create": "Partnership created",
  "partnership.update": "Partnership changed",
};

/** The action in words ("Declaration voided"); an unknown action is shown as written. */
export function auditActionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action;
}

export const AUDIT_ACTOR_TYPES = ["staff", "api", "system"] as const;
export type AuditActorType = (typeof AUDIT_ACTOR_TYPES)[number];

export const AUDIT_ACTOR_TYPE_LABELS: Readonly<Record<AuditActorType, string>> = {
  staff: "Finance user",
  api: "Lead provider",
  system: "System",
};
