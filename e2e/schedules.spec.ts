// Issue 14, items 1, 7 and 8: the payment schedules pages (from the home page, the drill-down's
// Schedule row and a statement), DfE's authorise rule on the statement page (it says why a
// statement cannot be authorised), the revised recruitment target, and the committed public/
// (robots.txt, favicon). Every page gets an axe check.
import { test, expect, signIn, screenshot, query, expectAccessible, APPROVER_USER, FINANCE_USER } from "./fixtures";

const UNKNOWN_ID = "6b0e2b52-7a6f-4c4e-9b3c-000000000000";

async function latestCohort(): Promise<number> {
  const [row] = await query<{ year: number }>(`SELECT max(start_year)::int AS year FROM cohorts`);
  return row!.year;
}

test.describe("payment schedules", () => {
  test("the schedules list → one schedule's milestones, from the home page", async ({ page }) => {
    const year = await latestCohort();
    await signIn(page, FINANCE_USER, "/");
    await page.getByRole("link", { name: "Payment schedules" }).click();
    await expect(page).toHaveURL("/schedules");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Payment schedules");
    await expect(page.getByRole("navigation", { name: /menu|navigation/i }).getByRole("link", { name: "Schedules" })).toBeVisible();

    // One table per cohort, newest first, each with DfE's twelve schedules.
    const captions = await page.locator("table caption").allTextContents();
    expect(captions[0]).toBe(`${year} cohort`);
    const years = captions.map((c) => Number.parseInt(c, 10));
    expect(years).toEqual([...years].sort((a, b) => b - a));
    const latest = page.locator("table", { has: page.locator("caption", { hasText: `${year} cohort` }) });
    await expect(latest.locator("tbody tr")).toHaveCount(12);
    await expect(latest.locator("thead th").nth(2)).toHaveClass(/govuk-table__header--numeric/);
    await expectAccessible(page);
    await screenshot(page, "schedules-list");

    // A standard schedule: every milestone has its milestone date.
    await latest.getByRole("link", { name: new RegExp(`^ecf-standard-september ?, ${year} cohort$`) }).click();
    await expect(page).toHaveURL(/\/schedules\/[0-9a-f-]{36}$/);
    await expect(page.locator(".govuk-caption-l")).toHaveText(`${year} cohort`);
    await expect(page).toHaveTitle(new RegExp(`${year} cohort – Payment schedules`));
    const milestones = page.locator("table", { has: page.locator("caption", { hasText: "Milestones" }) });
    await expect(milestones.locator("thead th")).toHaveText(["Milestone", "Declaration type", "Start date", "Milestone date", "Payment date"]);
    await expect(milestones.locator("tbody tr")).toHaveCount(6);
    await expect(milestones.locator("tbody tr").first()).toContainText("Started");
    await expect(milestones.locator("tbody td", { hasText: /^None$/ })).toHaveCount(0);
    await expectAccessible(page);
    await screenshot(page, "schedules-standard");

    // An extended schedule: no milestone dates ("None"), nine declaration types.
    await page.getByRole("link", { name: "All payment schedules" }).click();
    await latest.getByRole("link", { name: new RegExp(`^ecf-extended-september ?, ${year} cohort$`) }).click();
    await expect(milestones.locator("tbody tr")).toHaveCount(9);
    await expect(milestones.locator("tbody tr td:nth-child(4)")).toHaveText(Array(9).fill("None"));
    await expectAccessible(page);
    await screenshot(page, "schedules-extended");
  });

  test("malformed and unknown schedule ids are a 404", async ({ page }) => {
    await signIn(page, FINANCE_USER, "/schedules");
    for (const id of ["not-a-uuid", UNKNOWN_ID]) {
      const response = await page.goto(`/schedules/${id}`);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
    }
  });

  test("the drill-down's Schedule row links to the participant's schedule", async ({ page }) => {
    const [row] = await query<{ user_id: string; name: string; identifier: string; start_year: number }>(
      `SELECT pi.user_id::text, s.name, s.identifier, c.start_year
         FROM induction_records ir
         JOIN participant_profiles pp ON pp.id = ir.participant_profile_id
         JOIN participant_identities pi ON pi.id = pp.participant_identity_id
         JOIN schedules s ON s.id = ir.schedule_id
         JOIN cohorts c ON c.id = s.cohort_id
        WHERE ir.end_date IS NULL AND s.identifier = 'ecf-standard-september'
        ORDER BY pi.user_id LIMIT 1`,
    );
    await signIn(page, FINANCE_USER, `/participants/${row!.user_id}`);
    const scheduleRow = page.locator(".govuk-summary-list__row", { has: page.locator("dt", { hasText: /^Schedule$/ }) }).first();
    await scheduleRow.getByRole("link", { name: `${row!.name} (${row!.identifier})` }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(row!.name);
    await expect(page.locator(".govuk-caption-l")).toHaveText(`${row!.start_year} cohort`);
    await expectAccessible(page);
  });
});

test.describe("DfE's authorise rule on the statement page", () => {
  async function statementWhere(where: string): Promise<{ id: string; year: number }> {
    const [row] = await query<{ id: string; year: number }>(
      `SELECT s.id::text, c.start_year AS year FROM statements s JOIN cohorts c ON c.id = s.cohort_id WHERE ${where} ORDER BY s.payment_date, s.id LIMIT 1`,
    );
    if (!row) throw new Error(`No demo statement where ${where}`);
    return row;
  }

  test("a service-fee-only statement says there is nothing to authorise, and so does its authorise page", async ({ page }) => {
    const { id, year } = await statementWhere(`NOT s.output_fee AND s.status <> 'paid'`);
    // The approver: a finance-only user gets 403 on the authorise page.
    await signIn(page, APPROVER_USER, `/statements/${id}`);
    await expect(page.getByTestId("authorise-refusal")).toHaveText("This statement pays service fees only, so there is nothing to authorise.");
    await expect(page.getByRole("button", { name: "Authorise for payment" })).toHaveCount(0);

    // The statement links its cohort's schedules.
    const details = page.locator(".govuk-summary-list__row", { hasText: "Payment schedules" });
    await expect(details.getByRole("link")).toHaveAttribute("href", `/schedules#cohort-${year}`);

    // The contract panel: the revised recruitment target, 150% of the target rounded down (the demo sets none).
    const contract = page.locator("details", { hasText: "Contract details" });
    await contract.locator("summary").click();
    const target = Number(((await contract.locator(".govuk-summary-list__row", { hasText: /^\s*Recruitment target/ }).locator("dd").textContent()) ?? "").replace(/\D/g, ""));
    await expect(contract.locator(".govuk-summary-list__row", { hasText: "Revised recruitment target" }).locator("dd")).toHaveText(
      Math.floor((target * 3) / 2).toLocaleString("en-GB"),
    );
    await expectAccessible(page);
    await screenshot(page, "schedules-statement-service-fee-only");

    // The page hides the button; the authorise page says why too.
    await page.goto(`/statements/${id}/authorise`);
    await expect(page.locator("main")).toContainText("This statement pays service fees only, so there is nothing to authorise.");
    await expect(page.getByRole("button", { name: "Authorise for payment" })).toHaveCount(0);
    await expectAccessible(page);

    await page.goto(`/statements/${id}`);
    await page.locator(".govuk-summary-list__row", { hasText: "Payment schedules" }).getByRole("link").click();
    await expect(page).toHaveURL(`/schedules#cohort-${year}`);
  });

  test("an open output statement before its cut-off says when it can be authorised", async ({ page }) => {
    const { id } = await statementWhere(`s.output_fee AND s.status = 'open' AND s.deadline_date >= current_date`);
    await signIn(page, FINANCE_USER, `/statements/${id}`);
    await expect(page.getByTestId("authorise-refusal")).toHaveText(/^This statement cannot be authorised until its cut-off date, \d{1,2} \w+ \d{4}, has passed\.$/);
    await expect(page.getByRole("button", { name: "Authorise for payment" })).toHaveCount(0);
    await expectAccessible(page);
    await screenshot(page, "schedules-statement-before-cut-off");
  });
});

test.describe("public/", () => {
  test("robots.txt disallows everything; the favicon is ours and linked from every page", async ({ page, request }) => {
    const robots = await request.get("/robots.txt");
    expect(robots.status()).toBe(200);
    expect(await robots.text()).toMatch(/^User-agent: \*\nDisallow: \/\n$/);

    const svg = await request.get("/favicon.svg");
    expect(svg.status()).toBe(200);
    expect(svg.headers()["content-type"]).toContain("image/svg+xml");
    expect(await svg.text()).toContain("<title>ECF Finance</title>");
    const ico = await request.get("/favicon.ico");
    expect(ico.status()).toBe(200);
    expect((await ico.body()).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0]));

    await page.goto("/sign-in");
    await expect(page.locator('head link[rel="icon"][href="/favicon.svg"]')).toHaveCount(1);
    await expect(page.locator('head link[rel="icon"][href="/favicon.ico"]')).toHaveCount(1);
    // How it looks, large.
    await page.setViewportSize({ width: 256, height: 256 });
    await page.setContent(`<img src="/favicon.svg" width="256" height="256" alt="">`);
    await page.screenshot({ path: "e2e/screenshots/favicon.png" });
  });
});
