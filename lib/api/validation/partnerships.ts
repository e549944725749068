// POST and PUT /api/v3/partnerships/ecf: attribute checks that need no database, and the 422 error
// list. Whether the school, cohort and delivery partner exist and fit together is checked in
// lib/partnerships/actions.ts, which answers with typed refusals; partnershipErrors words them.
import { z } from "zod";
import { isUuid, normaliseUuid } from "@/lib/validation/ids";
import { FieldErrors, type ApiErrorItem } from "@/lib/api/errors";
import { PARTNERSHIP_MESSAGES as M } from "@/lib/api/messages";
import type { PartnershipCreateInput, PartnershipRefusal } from "@/lib/partnerships/actions";
import { check, requiredText, type FieldIssue } from "./fields";

export const PARTNERSHIP_CREATE_TYPE = "ecf-partnership";
export const PARTNERSHIP_UPDATE_TYPE = "ecf-partnership-update";

function uuidField(missing: string, invalid: string) {
  return requiredText(missing, invalid).transform((value, ctx) => {
    if (!isUuid(value)) {
      ctx.addIssue({ code: "custom", message: invalid });
      return z.NEVER;
    }
    return normaliseUuid(value);
  });
}

/** "2024" (as in the guidance's example) or 2024. */
const cohort = z.unknown().transform((value, ctx): number => {
  if (value === undefined || value === null || value === "") {
    ctx.addIssue({ code: "custom", message: M.cohortMissing });
    return z.NEVER;
  }
  const text = typeof value === "number" ? String(value) : typeof value === "string" ? value.trim() : "";
  if (!/^\d{4}$/.test(text)) {
    ctx.addIssue({ code: "custom", message: M.cohortNotRecognised });
    return z.NEVER;
  }
  return Number(text);
});

const schoolId = uuidField(M.schoolMissing, M.schoolNotRecognised);
const deliveryPartnerId = uuidField(M.deliveryPartnerMissing, M.deliveryPartnerNotRecognised);

/** An attribute that fails here is left undefined in `values` (and is reported in `issues`). */
export function validatePartnershipCreate(attributes: Record<string, unknown>): { values: PartnershipCreateInput; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const values = {
    cohort: check(cohort, attributes.cohort, "cohort", issues),
    schoolId: check(schoolId, attributes.school_id, "school_id", issues),
    deliveryPartnerId: check(deliveryPartnerId, attributes.delivery_partner_id, "delivery_partner_id", issues),
  };
  return { values, issues };
}

export function validatePartnershipUpdate(attributes: Record<string, unknown>): { values: { deliveryPartnerId?: string }; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  return { values: { deliveryPartnerId: check(deliveryPartnerId, attributes.delivery_partner_id, "delivery_partner_id", issues) }, issues };
}

type Code<F extends PartnershipRefusal["field"]> = Extract<PartnershipRefusal, { field: F }>["code"];

const SCHOOL_DETAILS: Record<Code<"school_id">, string> = {
  not_recognised: M.schoolNotRecognised,
  not_eligible: M.schoolNotEligible,
  duplicate: M.duplicate,
  other_provider: M.otherProvider,
};

const DELIVERY_PARTNER_DETAILS: Record<Code<"delivery_partner_id">, string> = {
  not_recognised: M.deliveryPartnerNotRecognised,
  not_working_with_provider: M.deliveryPartnerNotYours,
};

/** The API's wording of a refusal from lib/partnerships/actions.ts. */
export function partnershipRefusalDetail(refusal: PartnershipRefusal): string {
  switch (refusal.field) {
    case "cohort":
      return refusal.code === "frozen" ? M.cohortFrozen(refusal.cohort) : M.cohortNotRecognised;
    case "school_id":
      return SCHOOL_DETAILS[refusal.code];
    case "delivery_partner_id":
      return DELIVERY_PARTNER_DETAILS[refusal.code];
    case "partnership_id":
      return M.challenged;
  }
}

/**
 * The 422 errors of a partnership request: the attribute checks' issues first, then the refusals in
 * the order their checks ran, one error per attribute (the first).
 */
export function partnershipErrors(issues: readonly FieldIssue[], refusals: readonly PartnershipRefusal[]): ApiErrorItem[] {
  const errors = new FieldErrors();
  for (const issue of issues) errors.add(issue.title, issue.detail);
  for (const refusal of refusals) errors.add(refusal.field, partnershipRefusalDetail(refusal));
  return errors.list();
}
