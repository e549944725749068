// POST and PUT /api/v3/partnerships/ecf: attribute checks that need no database. Whether the
// school, cohort and delivery partner exist and fit together is checked in
// lib/partnerships/actions.ts.
import { z } from "zod";
import { isUuid, normaliseUuid } from "@/lib/validation/ids";
import { PARTNERSHIP_MESSAGES as M } from "@/lib/api/messages";
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

export interface PartnershipCreateValues {
  cohort?: number;
  schoolId?: string;
  deliveryPartnerId?: string;
}

export function validatePartnershipCreate(attributes: Record<string, unknown>): { values: PartnershipCreateValues; issues: FieldIssue[] } {
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
