// The audit log (filter it, follow a row to its record, the GOV.UK errors, download the filtered
// list) and statements at a glance (the current statements table, each total the statement page's;
// the payments picture, whose table has the same figures as the statement pages it plots). Axe on
// every page and state, screenshots to look at.
import type { Page } from "@playwright/test";
import { test, expect, expectAccessible, signIn, screenshot, query, FINANCE_USER } from "./fixtures";
import { statementId } from "./support/db";

function parseCsvLines(text: string): string[] {
  return text.replace(/^\uFEFF/, "").trimEnd().split("\r\n");
}

async function countOf(sql: string): Promise<number> {
  const [row] = await query<{ n: number }>(sql);
  return row?.n ?? 0;
}

async function totalOnStatementPage(page: Page, href: string): Promise<string> {
  await page.goto(href);
  return (await page.getByTestId("total-with-vat").innerText()).trim();
}

test.describe("audit log", () => {
  test.describe.configure({ timeout: 180_000 });
  test("filter by who, what and date, follow a row, see the errors, download the list", async ({ page }) => {
    await signIn(page, FINANCE_USER, "/audit");
    await expect(page).toHaveTitle("Audit log – ECF Finance – Department for Education");
    await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
    const caption = page.locator("caption", { hasText: /changes?, newest first/ });
    await expect(caption).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, "audit-log");

    // Lead providers' voids.
    await page.getByLabel("Who").selectOption({ label: "Any lead provider" });
    await page.getByLabel("Void", { exact: true }).check();
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/who=api/);
    await expect(page).toHaveURL(/what=void/);
    const n = await countOf(
      "SELECT count(*)::int AS n FROM audit_logs WHERE actor_type = 'api' AND action IN ('declaration.void', 'declaration.void_paid')",
    );
    expect(n).toBeGreaterThan(0);
    await expect(caption).toContainText(`${n.toLocaleString("en-GB")} change`);
    const rows = page.locator("tbody tr");
    const count = await rows.count();
    expect(count).toBe(Math.min(n, 50));
    for (let i = 0; i < Math.min(count, 10); i++) {
      await expect(rows.nth(i).locator("td").nth(1)).toContainText("Lead provider");
      await expect(rows.nth(i).locator("td").nth(2)).toContainText(/voided/);
    }
    await expectAccessible(page);
    await screenshot(page, "audit-log-filtered");

    // The CSV of this filtered list: the header and one line per entry.
    const downloading = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download this list (CSV)" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^ECF-Audit-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString("utf8"));
    const lines = parseCsvLines(text);
    expect(lines[0]).toBe("Occurred At,Who,Actor,Action,What,Record Type,Record ID,Participant ID,Reason,Page,API Token ID");
    expect(lines.length - 1).toBe(n);
    expect(lines.slice(1).every((line) => line.includes(",Lead provider,"))).toBe(true);

    // A row links to the declaration on its participant's page.
    const link = rows.first().getByRole("link", { name: /^Declaration/ });
    const href = await link.getAttribute("href");
    expect(href).toMatch(/^\/participants\/[0-9a-f-]{36}#declaration-[0-9a-f-]{36}$/);
    await link.click();
    await expect(page.locator(`[id="${href!.split("#")[1]}"]`)).toBeVisible();

    // The errors.
    await page.goto("/audit?from=30%2F2%2F2026&to=1%2F1%2F2026");
    await expect(page).toHaveTitle(/^Error: Audit log/);
    await expect(page.locator(".govuk-error-summary")).toContainText("Enter a real date");
    await expect(page.locator("#from-error")).toContainText("Enter a real date");
    await expectAccessible(page);
    await screenshot(page, "audit-log-errors");
    await page.goto("/audit?from=2%2F7%2F2026&to=1%2F7%2F2026");
    await expect(page.locator("#to-error")).toContainText("The end date must be the same as or after the start date");
    await page.goto("/audit?what=nonsense&who=robot");
    await expect(page.locator(".govuk-error-summary")).toContainText("Select the types of change from the list");
    await expect(page.locator(".govuk-error-summary")).toContainText("Select who made the change from the list");
    await expectAccessible(page);
    // The CSV of a bad filter goes back to the page's errors.
    await page.goto("/audit/audit.csv?from=nope");
    await expect(page).toHaveURL(/\/audit\?from=nope/);
    await expect(page.locator("#from-error")).toContainText("Enter a real date");
  });

  test("without JavaScript: the filters are a GET form", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, FINANCE_USER, "/audit");
    await page.getByLabel("Who").selectOption({ label: "System" });
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/who=system/);
    const n = await countOf("SELECT count(*)::int AS n FROM audit_logs WHERE actor_type = 'system'");
    if (n === 0) await expect(page.getByText("No changes match these filters.")).toBeVisible();
    else await expect(page.locator("caption")).toContainText(`${n.toLocaleString("en-GB")} change`);
    await context.close();
  });
});

test.describe("statements at a glance", () => {
  test.describe.configure({ timeout: 240_000 });
  test("every lead provider's current statement, its total as the statement page shows it", async ({ page }) => {
    await signIn(page, FINANCE_USER, "/statements");
    const overview = page.getByTestId("current-statements");
    await expect(overview).toBeVisible();
    const n = await countOf("SELECT count(*)::int AS n FROM lead_providers");
    await expect(overview.locator("tbody tr")).toHaveCount(n);
    await expectAccessible(page);
    await screenshot(page, "statements-overview");

    const rows = await overview.locator("tbody tr").evaluateAll((trs) =>
      trs.map((tr) => ({
        provider: tr.querySelector("th")?.textContent?.trim() ?? "",
        href: tr.querySelector("a")?.getAttribute("href") ?? null,
        total: tr.querySelector("td:last-child")?.textContent?.trim() ?? "",
      })),
    );
    const linked = rows.filter((row) => row.href);
    expect(linked.length).toBeGreaterThan(0);
    for (const row of linked) {
      expect(await totalOnStatementPage(page, row.href!), row.provider).toBe(row.total);
      await expect(page.locator(".govuk-caption-l, .govuk-caption-xl").first()).toContainText(row.provider);
    }
  });

  test("the payments picture: an accessible SVG, and its table has each statement page's figures", async ({ page }) => {
    const id = await statementId("Ambition Institute", 2025, "October 2026");
    await signIn(page, FINANCE_USER, `/statements/${id}`);
    const svg = page.getByTestId("payments-picture");
    await expect(svg).toBeVisible();
    await expect(svg).toHaveAttribute("role", "img");
    await expect(svg.locator("title")).toHaveText("Ambition Institute, 2025 cohort: payments by statement");
    await expect(svg.locator("desc")).toContainText("statements from");
    await page.getByText("The figures in this picture").click();
    const table = page.getByTestId("payments-picture-table");
    await expect(table).toBeVisible();
    const n = await countOf(
      `SELECT count(*)::int AS n FROM statements s JOIN lead_providers p ON p.id = s.lead_provider_id JOIN cohorts c ON c.id = s.cohort_id
        WHERE p.name = 'Ambition Institute' AND c.start_year = 2025`,
    );
    await expect(table.locator("tbody tr")).toHaveCount(n);
    await expect(svg.locator("g[data-statement-id]")).toHaveCount(n);
    await expectAccessible(page);
    await screenshot(page, "statement-payments-picture");
    await page.locator('section[aria-labelledby="payments-picture-heading"]').screenshot({ path: "e2e/screenshots/statement-payments-picture-chart.png" });

    const rows = await table.locator("tbody tr").evaluateAll((trs) =>
      trs.map((tr) => ({
        id: tr.querySelector("th")?.getAttribute("data-statement-id") ?? "",
        name: tr.querySelector("th a, th strong")?.textContent?.trim() ?? "",
        total: tr.querySelectorAll("td")[5]?.textContent?.trim() ?? "",
        withVat: tr.querySelectorAll("td")[6]?.textContent?.trim() ?? "",
      })),
    );
    // Every statement that pays something, and the first few that do not, against its own page.
    const toCheck = [...rows.filter((r) => r.total !== "£0.00"), ...rows.filter((r) => r.total === "£0.00").slice(0, 2)];
    expect(toCheck.length).toBeGreaterThan(2);
    for (const row of toCheck) {
      expect(await totalOnStatementPage(page, `/statements/${row.id}`), row.name).toBe(row.withVat);
      const excluding = page.locator(".govuk-summary-list__row", { has: page.locator("dt", { hasText: /^Total \(excluding VAT\)$/ }) }).last();
      await expect(excluding.locator("dd")).toHaveText(row.total);
    }
  });
});
