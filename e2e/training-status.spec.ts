// Issue 14, items 2 and 5: change a training status from the drill-down (defer with a reason →
// check your answers → updated, with the banner; the two errors; without JavaScript), and the
// fuller drill-down (a declaration's details and state history, and the participant as the lead
// provider sees it over the API). Each test picks its own participant from the demo seed.
import { request as playwrightRequest } from "@playwright/test";
import { test, expect, expectAccessible, signIn, screenshot, query, e2eState, FINANCE_USER } from "./fixtures";
import { API_TOKENS } from "./support/identities";

type Enrolment = { user_id: string; profile_id: string; full_name: string; lead_provider: string };

/** An active participant with one enrolment and one induction record, away from the ids other specs use (highest ids first). */
async function pickActive(offset: number): Promise<Enrolment> {
  const [row] = await query<Enrolment>(
    `SELECT pi.user_id::text, p.id::text AS profile_id, u.full_name, lp.name AS lead_provider
       FROM participant_profiles p
       JOIN participant_identities pi ON pi.id = p.participant_identity_id
       JOIN users u ON u.id = pi.user_id
       JOIN induction_records ir ON ir.participant_profile_id = p.id
       JOIN lead_providers lp ON lp.id = ir.lead_provider_id
      WHERE ir.training_status = 'active' AND p.type = 'ect'
        AND (SELECT count(*) FROM participant_profiles p2 JOIN participant_identities i2 ON i2.id = p2.participant_identity_id WHERE i2.user_id = pi.user_id) = 1
        AND (SELECT count(*) FROM induction_records r2 WHERE r2.participant_profile_id = p.id) = 1
      ORDER BY p.id DESC OFFSET $1 LIMIT 1`,
    [offset],
  );
  if (!row) throw new Error("The demo data has no active participant with one enrolment");
  return row;
}

async function trainingStatus(profileId: string) {
  const [row] = await query<{ training_status: string; training_status_reason: string | null }>(
    "SELECT training_status::text, training_status_reason FROM induction_records WHERE participant_profile_id = $1",
    [profileId],
  );
  return row;
}

async function staffAuditCount(profileId: string): Promise<number> {
  const [row] = await query<{ n: string }>("SELECT count(*)::text AS n FROM audit_logs WHERE entity_id = $1 AND actor_type = 'staff'", [profileId]);
  return Number(row?.n ?? 0);
}

test.describe("changing a training status", () => {
  test("defer with a reason → check your answers → updated, with the banner and one audit entry", async ({ page }) => {
    const p = await pickActive(0);
    await signIn(page, FINANCE_USER, `/participants/${p.user_id}`);
    await page.getByRole("link", { name: "Change training status (Enrolment)" }).click();
    await expect(page).toHaveURL(new RegExp(`/participants/${p.user_id}/training-status/${p.profile_id}$`));
    await expect(page.getByRole("heading", { level: 1, name: "Change training status" })).toBeVisible();
    await expect(page).toHaveTitle(/^Change training status – /);
    // The statuses other than the current one.
    await expect(page.getByRole("radio", { name: /^Active/ })).toHaveCount(0);
    await page.getByRole("radio", { name: "Deferred (pause training)" }).check();
    await expect(page.getByRole("group", { name: "Reason for deferral" })).toBeVisible();
    await expect(page.getByRole("group", { name: "Reason for withdrawal" })).toBeHidden();
    await page.getByRole("radio", { name: "Career break" }).check();
    await expectAccessible(page);
    await screenshot(page, "training-status-form");
    await page.getByRole("button", { name: "Continue" }).click();

    await expect(page.getByRole("heading", { level: 1, name: "Check the training status before changing it" })).toBeVisible();
    const answers = page.locator(".govuk-summary-list");
    await expect(answers).toContainText("Deferred");
    await expect(answers).toContainText("Career break");
    await expect(answers).toContainText(p.lead_provider);
    await expect(page.getByRole("link", { name: "Change reason" })).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, "training-status-check");
    expect(await trainingStatus(p.profile_id)).toEqual({ training_status: "active", training_status_reason: null });
    await page.getByRole("button", { name: "Change training status" }).click();

    await expect(page).toHaveURL(new RegExp(`/participants/${p.user_id}$`));
    const banner = page.locator(".govuk-notification-banner--success");
    await expect(banner).toContainText("Training status updated");
    await expect(page.locator(".govuk-summary-card")).toContainText(/Deferred\s*Career break, from/);
    expect(await trainingStatus(p.profile_id)).toEqual({ training_status: "deferred", training_status_reason: "career-break" });
    expect(await staffAuditCount(p.profile_id)).toBe(1);
    await expectAccessible(page);
    await screenshot(page, "training-status-updated");

    // Back and press the button again: the rules refuse it, nothing changes.
    await page.goBack();
    await page.getByRole("button", { name: "Change training status" }).click();
    await expect(page.locator(".govuk-error-summary")).toContainText("This participant is already deferred");
    expect(await staffAuditCount(p.profile_id)).toBe(1);
  });

  test("the two errors: no status, and no reason for a withdrawal; nothing changes", async ({ page }) => {
    const p = await pickActive(1);
    await signIn(page, FINANCE_USER, `/participants/${p.user_id}/training-status/${p.profile_id}`);
    await page.getByRole("button", { name: "Continue" }).click();
    const summary = page.locator(".govuk-error-summary");
    await expect(summary.getByRole("link", { name: "Choose a valid training status" })).toHaveAttribute("href", "#status");
    await expect(page.locator("#status-error")).toContainText("Choose a valid training status");
    await expect(page).toHaveTitle(/^Error: Change training status/);
    await expectAccessible(page);
    await screenshot(page, "training-status-error-status");

    await page.getByRole("radio", { name: "Withdrawn (stop training for good)" }).check();
    // A mentor's reason is not offered to an ECT.
    await expect(page.getByRole("radio", { name: "Mentor no longer being mentor" })).toHaveCount(0);
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(summary.getByRole("link", { name: "Choose a valid reason for training status" })).toHaveAttribute("href", "#withdrawalReason");
    await expect(page.locator("#withdrawalReason-error")).toContainText("Choose a valid reason for training status");
    await expectAccessible(page);
    await screenshot(page, "training-status-error-reason");
    expect(await trainingStatus(p.profile_id)).toEqual({ training_status: "active", training_status_reason: null });
    expect(await staffAuditCount(p.profile_id)).toBe(0);
  });

  test("works without JavaScript: both reason groups shown, the server checks the form, withdraw → check → updated", async ({ browser }) => {
    const p = await pickActive(2);
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, FINANCE_USER, `/participants/${p.user_id}/training-status/${p.profile_id}`);
    await expect(page.getByRole("group", { name: "Reason for deferral" })).toBeVisible();
    await expect(page.getByRole("group", { name: "Reason for withdrawal" })).toBeVisible();
    await page.getByRole("radio", { name: "Withdrawn (stop training for good)" }).check();
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.locator(".govuk-error-summary")).toContainText("Choose a valid reason for training status");
    await page.getByRole("radio", { name: "Withdrawn (stop training for good)" }).check();
    await page.getByRole("radio", { name: "Moved school" }).check();
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Check the training status before changing it" })).toBeVisible();
    await page.getByRole("button", { name: "Change training status" }).click();
    await expect(page.locator(".govuk-notification-banner--success")).toContainText("Training status updated");
    expect(await trainingStatus(p.profile_id)).toEqual({ training_status: "withdrawn", training_status_reason: "moved-school" });
    // Withdrawn is final: no Change link any more.
    await expect(page.getByRole("link", { name: "Change training status (Enrolment)" })).toHaveCount(0);
    await context.close();
  });
});

test.describe("the fuller drill-down", () => {
  test("a paid declaration's details and state history, and the participant as Ambition Institute sees it over the API", async ({ page }) => {
    const [d] = await query<{ id: string; user_id: string; declaration_type: string }>(
      `SELECT d.id::text, d.user_id::text, d.declaration_type
         FROM participant_declarations d
         JOIN lead_providers lp ON lp.id = d.lead_provider_id
        WHERE d.state = 'paid' AND lp.name = 'Ambition Institute'
          AND NOT EXISTS (SELECT 1 FROM induction_records ir JOIN lead_providers l2 ON l2.id = ir.lead_provider_id
                           WHERE ir.participant_profile_id = d.participant_profile_id AND l2.name <> 'Ambition Institute')
        ORDER BY d.id DESC LIMIT 1`,
    );
    if (!d) throw new Error("The demo data has no paid Ambition Institute declaration");
    await signIn(page, FINANCE_USER, `/participants/${d.user_id}`);
    const details = page.locator(`#history-${d.id}`);
    await details.locator("summary").click();
    await expect(details.locator(".govuk-summary-list")).toContainText("Ambition Institute");
    await expect(details.locator(".govuk-summary-list")).toContainText("Not voided");
    const history = details.getByRole("table");
    const states = await history.locator("tbody tr td:first-child").allInnerTexts();
    expect(states.map((s) => s.trim())).toEqual(expect.arrayContaining(["Payable", "Paid"]));
    expect(states.at(-1)?.trim()).toBe("Paid");
    await expect(history.locator("tbody tr").last()).toContainText(/statement\)/);

    const apiView = page.locator("details", { hasText: "See this participant as the lead provider sees it over the API" }).first();
    await apiView.locator("summary").click();
    const shown = JSON.parse(await apiView.locator("pre code").innerText());
    const api = await playwrightRequest.newContext({ baseURL: e2eState().baseURL });
    const response = await api.get(`/api/v3/participants/ecf/${d.user_id}`, { headers: { Authorization: `Bearer ${API_TOKENS.ambition}` } });
    expect(response.status()).toBe(200);
    expect(shown).toEqual(await response.json());
    await api.dispose();
    await expectAccessible(page);
    await screenshot(page, "drill-down-history-and-api-view");
  });
});
