// DfE's calendar from the demo data: the API journeys a lead provider tries first, on the demo's
// participants without declarations, and the statement pages that show the 2025 cohort's rules and
// the service-fee instalments. Every page gets an axe check.
import { test, expect, signIn, screenshot, query, expectAccessible, FINANCE_USER } from "./fixtures";

const TOKENS: Record<string, string> = {
  "Ambition Institute": "demo-token-ambition-institute",
  "Best Practice Network": "demo-token-best-practice-network",
};
const NOT_IN_SCHEDULE = "The property '#/declaration_type' does not exist for this schedule.";
const AFTER_MILESTONE_END = "Enter a '#/declaration_date' that's before the milestone end date.";

/** A provider's active ECTs of `cohort` on `schedule` with no declarations yet (eligible first). */
async function freshEcts(provider: string, cohort: number, schedule: string, count: number): Promise<string[]> {
  const rows = await query<{ user_id: string }>(
    `SELECT pi.user_id::text
       FROM participant_profiles pp
       JOIN participant_identities pi ON pi.id = pp.participant_identity_id
       JOIN induction_records ir ON ir.participant_profile_id = pp.id AND ir.end_date IS NULL AND ir.training_status = 'active'
       JOIN lead_providers lp ON lp.id = ir.lead_provider_id AND lp.name = $4
       JOIN schedules s ON s.id = ir.schedule_id AND s.identifier = $2
       JOIN cohorts c ON c.id = s.cohort_id AND c.start_year = $1
      WHERE pp.type = 'ect'
        AND NOT EXISTS (SELECT 1 FROM participant_declarations d WHERE d.participant_profile_id = pp.id)
      ORDER BY pp.eligible_for_funding IS TRUE DESC, pi.user_id LIMIT $3`,
    [cohort, schedule, count, provider],
  );
  expect(rows, `the demo has ${count} fresh ${schedule} ECTs of ${provider} in ${cohort}`).toHaveLength(count);
  return rows.map((r) => r.user_id);
}

async function currentCohort(): Promise<number> {
  const [row] = await query<{ year: number }>(`SELECT max(start_year)::int AS year FROM cohorts`);
  return row!.year;
}

test.describe("the lead provider API on DfE's calendar", () => {
  const declare = (request: import("@playwright/test").APIRequestContext, participantId: string, type: string, date: string, provider = "Ambition Institute") =>
    request.post("/api/v3/participant-declarations", {
      headers: { Authorization: `Bearer ${TOKENS[provider]}`, "Content-Type": "application/json" },
      data: {
        data: {
          type: "participant-declaration",
          attributes: { participant_id: participantId, declaration_type: type, declaration_date: date, course_identifier: "ecf-induction", evidence_held: type === "started" ? "training-event-attended" : "other" },
        },
      },
    });

  test("a started for a fresh ECT of the current cohort goes on an open output statement", async ({ request }) => {
    const cohort = await currentCohort();
    const [ect] = await freshEcts("Ambition Institute", cohort, "ecf-standard-september", 1);
    const response = await declare(request, ect!, "started", `${cohort}-10-01T10:00:00.000Z`);
    expect(response.status()).toBe(200);
    const { attributes } = (await response.json()).data as { attributes: { state: string; statement_id: string } };
    expect(attributes.state).toBe("eligible");
    const [statement] = await query<{ output_fee: boolean; status: string; start_year: number }>(
      `SELECT s.output_fee, s.status::text, c.start_year FROM statements s JOIN cohorts c ON c.id = s.cohort_id WHERE s.id = $1`,
      [attributes.statement_id],
    );
    expect(statement).toEqual({ output_fee: true, status: "open", start_year: cohort });
  });

  test("a retained-2 of an ecf-standard-september ECT of cohort Y: accepted in April of Y+1, refused in August", async ({ request }) => {
    // The previous cohort, so April and August of Y+1 are both in the past.
    const year = (await currentCohort()) - 1;
    const [april, august] = await freshEcts("Ambition Institute", year, "ecf-standard-september", 2);
    expect((await declare(request, april!, "retained-2", `${year + 1}-04-15T10:00:00.000Z`)).status()).toBe(200);
    const refused = await declare(request, august!, "retained-2", `${year + 1}-08-15T10:00:00.000Z`);
    expect(refused.status()).toBe(422);
    expect(await refused.json()).toEqual({ errors: [{ title: "declaration_date", detail: AFTER_MILESTONE_END }] });
  });

  test("an extended-1 on a standard schedule is refused", async ({ request }) => {
    const year = (await currentCohort()) - 1;
    const [ect] = await freshEcts("Best Practice Network", year, "ecf-standard-september", 1);
    const refused = await declare(request, ect!, "extended-1", `${year + 1}-04-15T10:00:00.000Z`, "Best Practice Network");
    expect(refused.status()).toBe(422);
    expect(await refused.json()).toEqual({ errors: [{ title: "declaration_type", detail: NOT_IN_SCHEDULE }] });
  });
});

test.describe("statements on DfE's calendar", () => {
  test("a 2025 statement has three ECT bands and no uplift; a 2024 statement shows its service-fee instalment", async ({ page }) => {
    const [funded] = await query<{ id: string }>(
      `SELECT s.id::text FROM statements s JOIN cohorts c ON c.id = s.cohort_id JOIN lead_providers lp ON lp.id = s.lead_provider_id
        WHERE c.start_year = 2025 AND lp.name = 'Ambition Institute' AND s.output_fee AND s.status = 'paid'
        ORDER BY s.payment_date DESC LIMIT 1`,
    );
    await signIn(page, FINANCE_USER, `/statements/${funded!.id}`);
    await page.goto(`/statements/${funded!.id}`);
    const head = page.getByRole("table", { name: "ECT output payments" }).getByRole("columnheader");
    await expect(head).toHaveText(["Declaration type", "Band A", "Band B", "Band C", "Payments"]);
    // No uplift rows in the statement's figures: neither in the summary nor an uplift table (the contract panel says "No uplift").
    await expect(page.getByRole("table", { name: "Uplift fees" })).toHaveCount(0);
    await expect(page.locator(".govuk-summary-list__key").filter({ hasText: /^Uplift (fees|clawbacks)$/ })).toHaveCount(0);
    await expect(page.locator(".govuk-summary-list__key").filter({ hasText: /^Service fee$/ }).first()).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, "calendar-2025-statement");

    const [pooled] = await query<{ id: string; instalment: number }>(
      `SELECT s.id::text, s.service_fee_instalment AS instalment FROM statements s JOIN cohorts c ON c.id = s.cohort_id JOIN lead_providers lp ON lp.id = s.lead_provider_id
        WHERE c.start_year = 2024 AND lp.name = 'Ambition Institute' AND s.output_fee AND s.service_fee_instalment IS NOT NULL AND s.status = 'payable'
        LIMIT 1`,
    );
    await page.goto(`/statements/${pooled!.id}`);
    await expect(page.getByTestId("service-fee-instalment")).toHaveText(`Service fee: instalment ${pooled!.instalment} of 29`);
    await expectAccessible(page);
    await screenshot(page, "calendar-2024-statement");
  });
});
