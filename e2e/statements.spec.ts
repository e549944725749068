// Finance statements: choose one (with and without JavaScript), read it, the voided and clawed-back
// lists, add / change / remove an adjustment, authorise for payment (as the approver), two pairs of
// eyes (a finance-only user cannot authorise; a large adjustment waits for another approver; figures
// that changed since the approver checked them are not authorised), download the CSV, and 403 for
// anyone without the finance role on every URL. Axe on every page and state (in the JavaScript
// journeys: axe itself needs JavaScript, so the no-JavaScript journeys check behaviour only).
import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { test, expect, expectAccessible, outsideDoubleClickWindow, signIn, screenshot, query, APPROVER_USER, FINANCE_USER, VIEWER_USER, DEMO_PASSWORD } from "./fixtures";
import { statementId } from "./support/db";

/** Records of an RFC 4180 file (CRLF, quoted fields with doubled quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i += 1;
    } else field += c;
  }
  return rows;
}

/** The table whose caption is `caption`. */
function table(page: Page, caption: string | RegExp) {
  return page.locator("table").filter({ has: page.locator("caption", { hasText: caption }) });
}

test.describe("finance statements", () => {
  test("choose a statement, read it, follow the voided count to its list and come back", async ({ page }) => {
    // Seven axe runs, one on a statement page that now carries its cohort's payments picture.
    test.setTimeout(60_000);
    await signIn(page, FINANCE_USER, "/statements");
    await expect(page).toHaveTitle("Statements – ECF Finance – Department for Education");
    await expect(page.getByRole("heading", { level: 1, name: "Statements" })).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, "statements-chooser");
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.locator(".govuk-error-summary")).toContainText("Select a lead provider");
    await expect(page.locator("#lead-provider-error")).toContainText("Select a lead provider");
    await expectAccessible(page);

    await page.getByLabel("Lead provider").selectOption({ label: "Ambition Institute" });
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByLabel("Cohort")).toBeVisible();
    // The chosen provider's statements, with status tags and payment dates, opened where the unpaid ones start.
    const list = page.locator("table").filter({ hasText: "Payment date" });
    const listRow = (name: string) => list.locator("tbody tr").filter({ has: page.locator("th", { hasText: new RegExp(`^${name},`) }) }).first();
    await expect(listRow("October 2026")).toContainText("Payable");
    await expect(listRow("October 2026")).toContainText("25 October 2026");
    await expect(listRow("January 2027")).toContainText("Open");
    await expectAccessible(page);
    await page.getByRole("link", { name: "Previous page" }).click();
    await expect(listRow("May 2026")).toContainText("Paid");
    await expectAccessible(page);

    await page.getByLabel("Cohort").selectOption({ label: "2025 cohort" });
    await page.getByRole("button", { name: "Continue" }).click();
    const statementSelect = page.getByLabel("Statement", { exact: true });
    await expect(statementSelect).toBeVisible();
    // The cohort's own statements only, the payable one offered first.
    await expect(statementSelect.locator("option:checked")).toHaveText("October 2026 (output, payable)");
    await expect(statementSelect.locator("option")).not.toContainText(["October 2024 (output, paid)"]);
    await expectAccessible(page);
    await screenshot(page, "statements-chooser-statement");

    await page.getByRole("button", { name: "View statement" }).click();
    const id = await statementId("Ambition Institute", 2025, "October 2026");
    await expect(page).toHaveURL(`/statements/${id}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("October 2026 statement Payable");
    await expect(page).toHaveTitle("October 2026 statement – Ambition Institute – 2025 cohort – ECF Finance – Department for Education");
    await expect(page.getByTestId("total-with-vat")).toHaveText(/^−?£[\d,]+\.\d\d$/);
    await expect(table(page, "ECT output payments")).toBeVisible();
    await expect(table(page, "Mentor output payments").getByRole("row", { name: /Started/ })).toContainText("£500.00");
    await expect(page.getByRole("heading", { name: "Early career teachers" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Mentors" })).toBeVisible();
    // Numeric columns are right-aligned; row headers have a scope.
    await expect(table(page, "ECT output payments").locator("th", { hasText: "Band A" })).toHaveClass(/govuk-table__header--numeric/);
    await expect(table(page, "ECT output payments").locator("tbody th[scope=row]").first()).toHaveText("Started");
    await expectAccessible(page);
    await screenshot(page, "statements-mentor-funded");

    const contract = page.locator("details", { hasText: "Contract details" });
    await contract.locator("summary").click();
    await expect(contract).toContainText("Mentor payment per participant");
    await expectAccessible(page);
    await contract.screenshot({ path: "e2e/screenshots/statements-contract-details.png" });

    const declarations = table(page, "Declarations");
    const voidedLink = declarations.getByRole("row", { name: /^Voided/ }).getByRole("link").first();
    const voidedCount = Number(((await voidedLink.textContent()) ?? "").replace(/\D+$/, "").replace(/[^\d]/g, ""));
    await voidedLink.click();
    await expect(page).toHaveURL(`/statements/${id}/voided?type=ect`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Voided declarations: October 2026 statement");
    const rows = page.locator("table tbody tr");
    await expect(rows).toHaveCount(Math.min(voidedCount, 25));
    for (const tag of await rows.locator(".govuk-tag").allTextContents()) expect(tag).toBe("Voided");
    await expect(rows.first().getByRole("link")).toHaveAttribute("href", /^\/participants\/[0-9a-f-]{36}$/);
    await expect(page.getByText(`ECTs (${voidedCount})`)).toHaveAttribute("aria-current", "page");
    await expectAccessible(page);
    await screenshot(page, "statements-voided");

    await page.getByRole("link", { name: /^All \(/ }).click();
    await expect(page).toHaveURL(`/statements/${id}/voided`);
    await page.getByRole("link", { name: "Back to the statement" }).click();
    await expect(page).toHaveURL(`/statements/${id}`);

    await page.goto(`/statements/${id}/clawbacks`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Clawed-back declarations: October 2026 statement");
    await expect(page.locator("table tbody tr .govuk-tag").first()).toHaveText(/Awaiting clawback|Clawed back/);
    await expectAccessible(page);
    await page.getByRole("link", { name: /^Mentors \(/ }).click();
    await expect(page).toHaveURL(`/statements/${id}/clawbacks?type=mentor`);
    await expectAccessible(page);
  });

  test("the chooser works without JavaScript, step by step, and says what is missing", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/sign-in?callbackUrl=%2Fstatements");
    await page.getByLabel("Email address").fill(FINANCE_USER);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL("/statements");

    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.locator(".govuk-error-summary")).toContainText("Select a lead provider");
    await expect(page).toHaveTitle(/^Error: Statements/);

    await page.getByLabel("Lead provider").selectOption({ label: "Best Practice Network" });
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByLabel("Cohort").selectOption({ label: "2024 cohort" });
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByLabel("Statement", { exact: true }).selectOption({ label: "August 2026 (output, paid)" });
    // Changing the provider at the last step starts the later steps again, rather than opening the old statement.
    await page.getByLabel("Lead provider").selectOption({ label: "Teach First" });
    await page.getByRole("button", { name: "View statement" }).click();
    await expect(page).toHaveURL(/\/statements\?/);
    await expect(page.getByLabel("Statement", { exact: true })).toHaveCount(0);
    await expect(page.locator(".govuk-error-summary")).toHaveCount(0);

    await page.getByLabel("Lead provider").selectOption({ label: "Best Practice Network" });
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByLabel("Cohort").selectOption({ label: "2024 cohort" });
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByLabel("Statement", { exact: true }).selectOption({ label: "August 2026 (output, paid)" });
    await page.getByRole("button", { name: "View statement" }).click();
    await expect(page).toHaveURL(`/statements/${await statementId("Best Practice Network", 2024, "August 2026")}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("August 2026 statement Paid");
    await context.close();
  });

  test("an ECT-only statement: bands A to D, unpaid declarations, clawbacks, service fee workings", async ({ page }) => {
    // Best Practice Network's 2024 contract has tiny bands: this statement fills B to D, leaves some unpaid and claws back.
    const id = await statementId("Best Practice Network", 2024, "August 2025");
    await signIn(page, FINANCE_USER, `/statements/${id}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("August 2025 statement Paid");
    await expect(page.getByText("worked out from the current data")).toBeVisible();
    const output = table(page, /^Output payments$/);
    await expect(output.locator("thead th")).toHaveText(["Declaration type", "Band A", "Band B", "Band C", "Band D", "Payments"]);
    await expect(output.getByRole("row", { name: /^Output payment total/ })).toBeVisible();
    await expect(table(page, "Mentor output payments")).toHaveCount(0);
    await expect(table(page, "How the service fee is worked out").getByRole("row", { name: /Set-up fee deduction/ })).toContainText("−£");
    await expect(table(page, "Declarations beyond the top band's capacity: not paid").locator("tbody tr")).not.toHaveCount(0);
    const clawbacks = table(page, "Clawbacks by declaration type and band");
    await expect(clawbacks.getByRole("row", { name: /^Clawback for .* \(Band: [A-D]\)/ }).first()).toContainText("−£");
    await expect(clawbacks.getByRole("row", { name: /^Uplift clawback/ })).toContainText("−£100.00");
    await expect(page.getByRole("button", { name: "Add an adjustment" })).toHaveCount(0);
    await expectAccessible(page);
    await screenshot(page, "statements-ect-only");
    await page.emulateMedia({ media: "print" });
    await screenshot(page, "statements-ect-only-print");
    await page.emulateMedia({ media: "screen" });

    // A service-fee-only statement says so and offers no adjustments.
    await page.goto(`/statements/${await statementId("Best Practice Network", 2024, "December 2026")}`);
    await expect(page.getByText("This statement pays the service fee only.").first()).toBeVisible();
    await expect(page.getByRole("link", { name: "Add an adjustment" })).toHaveCount(0);
    await expectAccessible(page);
  });

  test("add, change and remove an adjustment, each through check your answers", async ({ page }) => {
    const id = await statementId("Teach First", 2024, "October 2026");
    await signIn(page, FINANCE_USER, `/statements/${id}`);
    await page.getByRole("button", { name: "Add an adjustment" }).click();
    await expect(page).toHaveURL(`/statements/${id}/adjustments/new`);
    await expect(page).toHaveTitle("Add an adjustment – ECF Finance – Department for Education");
    await expectAccessible(page);

    await page.getByRole("button", { name: "Continue" }).click();
    const summary = page.locator(".govuk-error-summary");
    await expect(summary).toBeFocused();
    await expect(summary.getByRole("link")).toHaveText(["Enter a name for the adjustment", "Enter the amount"]);
    await expect(page).toHaveTitle(/^Error: Add an adjustment/);
    await expectAccessible(page);
    await page.getByLabel("Name of the adjustment").fill("Delivery partner quality visits");
    await page.getByLabel("Amount").fill("12.345");
    await outsideDoubleClickWindow(page);
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(summary.getByRole("link")).toHaveText(["Amount must not have more than 2 decimal places"]);
    await screenshot(page, "statements-adjustment-errors");

    await page.getByLabel("Amount").fill("£1,250.5");
    await outsideDoubleClickWindow(page);
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page).toHaveURL(new RegExp(`/statements/${id}/adjustments/new/check\\?`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check the adjustment before adding it");
    await expect(page.locator(".govuk-summary-list")).toContainText("£1,250.50");
    await expectAccessible(page);
    await screenshot(page, "statements-adjustment-check");

    await page.getByRole("link", { name: "Change amount" }).click();
    await expect(page.getByLabel("Amount")).toHaveValue("1250.50");
    await page.getByLabel("Amount").fill("-300.25");
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.locator(".govuk-summary-list")).toContainText("−£300.25");
    await page.getByRole("button", { name: "Add adjustment" }).click();
    await expect(page).toHaveURL(`/statements/${id}`);
    const banner = page.locator(".govuk-notification-banner--success");
    await expect(banner).toContainText("Adjustment added");
    await expect(banner).toContainText("Delivery partner quality visits: −£300.25");
    const adjustments = page.locator("table").filter({ has: page.locator("caption", { hasText: "Additional adjustments" }) });
    await expect(adjustments.getByRole("row", { name: /Delivery partner quality visits/ })).toContainText("−£300.25");
    await expectAccessible(page);
    await screenshot(page, "statements-adjustment-added");

    await adjustments.getByRole("link", { name: "Change Delivery partner quality visits" }).click();
    await expect(page.getByLabel("Name of the adjustment")).toHaveValue("Delivery partner quality visits");
    await expect(page.getByLabel("Amount")).toHaveValue("-300.25");
    await expectAccessible(page);
    await page.getByLabel("Name of the adjustment").fill("Delivery partner quality visits (revised)");
    await page.getByLabel("Amount").fill("450");
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check the changed adjustment");
    await expect(page.getByText("It was Delivery partner quality visits: −£300.25.")).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, "statements-adjustment-change-check");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(banner).toContainText("Adjustment changed");
    await expect(adjustments.getByRole("row", { name: /revised/ })).toContainText("£450.00");

    await adjustments.getByRole("link", { name: "Remove Delivery partner quality visits (revised)" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Are you sure you want to remove this adjustment?");
    await expectAccessible(page);
    await screenshot(page, "statements-adjustment-remove");
    await page.getByRole("button", { name: "Remove adjustment" }).click();
    await expect(banner).toContainText("Adjustment removed");
    await expect(page.getByText("Delivery partner quality visits (revised)", { exact: true })).toHaveCount(0);
    await expectAccessible(page);

    const audit = await query<{ action: string }>(
      `SELECT action FROM audit_logs WHERE entity_type = 'adjustment' AND actor_label = $1 ORDER BY occurred_at`,
      [FINANCE_USER],
    );
    expect(audit.map((a) => a.action).slice(-3)).toEqual(["adjustment.create", "adjustment.change", "adjustment.remove"]);
  });

  test("the adjustment form works without JavaScript, and the server checks it", async ({ browser }) => {
    const id = await statementId("Teach First", 2025, "October 2026");
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(`/statements/${id}/adjustments/new`)}`);
    await page.getByLabel("Email address").fill(FINANCE_USER);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(`/statements/${id}/adjustments/new`);
    await page.getByLabel("Name of the adjustment").fill("x".repeat(101));
    await page.getByLabel("Amount").fill("0");
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.locator(".govuk-error-summary")).toContainText("Name must be 100 characters or fewer");
    await expect(page.locator(".govuk-error-summary")).toContainText("Amount must not be zero");
    await expect(page.getByLabel("Amount")).toHaveValue("0");
    await page.getByLabel("Name of the adjustment").fill("Funding, \"special\" case");
    await page.getByLabel("Amount").fill("−£75");
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.locator(".govuk-summary-list")).toContainText("−£75.00");
    await page.getByRole("button", { name: "Add adjustment" }).click();
    await expect(page).toHaveURL(`/statements/${id}`);
    await expect(page.locator(".govuk-notification-banner--success")).toContainText("Adjustment added");
    await context.close();
  });

  test("authorise a payable statement for payment; it then shows the figures as authorised", async ({ page }) => {
    const id = await statementId("UCL Early Career Teacher Education", 2025, "October 2026");
    await signIn(page, APPROVER_USER, `/statements/${id}`);
    const total = await page.getByTestId("total-with-vat").textContent();
    await page.getByRole("button", { name: "Authorise for payment" }).click();
    await expect(page).toHaveURL(`/statements/${id}/authorise`);
    await expect(page.locator(".govuk-summary-list")).toContainText(total!);
    await expectAccessible(page);
    await screenshot(page, "statements-authorise");

    await page.getByRole("button", { name: "Authorise for payment" }).click();
    const summary = page.locator(".govuk-error-summary");
    await expect(summary.getByRole("link", { name: "Confirm that all the necessary checks have been done" })).toHaveAttribute("href", "#confirm");
    await expect(page).toHaveTitle(/^Error: Authorise for payment/);
    await expectAccessible(page);
    await screenshot(page, "statements-authorise-error");

    await page.getByLabel("I confirm that all the necessary checks have been done").check();
    await outsideDoubleClickWindow(page);
    await page.getByRole("button", { name: "Authorise for payment" }).click();
    await expect(page).toHaveURL(`/statements/${id}`);
    await expect(page.locator(".govuk-notification-banner--success")).toContainText("Statement authorised for payment");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("October 2026 statement Paid");
    await expect(page.getByText("It shows the figures as they were when it was authorised for payment")).toBeVisible();
    await expect(page.getByTestId("total-with-vat")).toHaveText(total!);
    await expect(page.getByRole("button", { name: "Authorise for payment" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Add an adjustment" })).toHaveCount(0);
    await expect(page.locator(".govuk-summary-list__row", { hasText: "Authorised for payment" })).toContainText(`by ${APPROVER_USER}`);
    await expectAccessible(page);
    await screenshot(page, "statements-paid");

    await page.goto(`/statements/${id}/authorise`);
    await expect(page.getByText("This statement has already been authorised for payment.")).toBeVisible();
    await page.goto(`/statements/${id}/adjustments/new`);
    await expect(page.getByText("This statement has been authorised for payment, so you cannot add an adjustment to it.")).toBeVisible();
    await expectAccessible(page);
    const [row] = await query<{ status: string; marked_as_paid_by: string; has_snapshot: boolean }>(
      `SELECT status::text, marked_as_paid_by, snapshot IS NOT NULL AS has_snapshot FROM statements WHERE id = $1`,
      [id],
    );
    expect(row).toEqual({ status: "paid", marked_as_paid_by: APPROVER_USER, has_snapshot: true });
  });

  test("two pairs of eyes: finance cannot authorise; a large adjustment waits for an approver; changed figures are not authorised", async ({ page, browser }) => {
    const id = await statementId("Ambition Institute", 2025, "October 2026");
    const adjustments = table(page, "Additional adjustments");
    const total = page.getByTestId("total-with-vat");

    // A finance-only user is told who authorises, and gets 403 on the authorise page.
    await signIn(page, FINANCE_USER, `/statements/${id}`);
    await expect(page.getByTestId("authorise-refusal")).toHaveText(
      "Only an approver can authorise a statement for payment. Ask an approver to check and authorise it.",
    );
    await expect(page.getByRole("button", { name: "Authorise for payment" })).toHaveCount(0);
    expect((await page.request.get(`/statements/${id}/authorise`, { maxRedirects: 0 })).status()).toBe(403);
    const before = await total.textContent();

    // Finance adds £150,000: above the limit, it waits for an approver and the total stays as it was.
    await page.getByRole("button", { name: "Add an adjustment" }).click();
    await page.getByLabel("Name of the adjustment").fill("Large reconciliation");
    await page.getByLabel("Amount").fill("150000");
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.locator(".govuk-warning-text")).toContainText("This adjustment is more than £100,000.00");
    await expectAccessible(page);
    await page.getByRole("button", { name: "Add adjustment" }).click();
    await expect(page.locator(".govuk-notification-banner--success")).toContainText("Large reconciliation: £150,000.00");
    await expect(adjustments.getByRole("row", { name: /Large reconciliation/ })).toContainText("Awaiting approval");
    await expect(page.getByTestId("adjustments-awaiting-approval")).toContainText("of more than £100,000.00");
    await expect(total).toHaveText(before!);
    // Finance sees no Confirm link, and the confirm page is for approvers.
    await expect(adjustments.getByRole("link", { name: /^Confirm/ })).toHaveCount(0);
    await expectAccessible(page);

    // The approver: nothing to authorise while it waits; they confirm it (they did not add it).
    const context = await browser.newContext();
    const approver = await context.newPage();
    await signIn(approver, APPROVER_USER, `/statements/${id}`);
    await expect(approver.getByTestId("authorise-refusal")).toHaveText("This statement cannot be authorised while 1 adjustment awaits an approver's confirmation.");
    await table(approver, "Additional adjustments").getByRole("link", { name: "Confirm Large reconciliation" }).click();
    await expect(approver.getByRole("heading", { level: 1 })).toHaveText("Check the adjustment before confirming it");
    await expect(approver.locator(".govuk-summary-list")).toContainText("£150,000.00");
    await expect(approver.locator(".govuk-summary-list")).toContainText(new RegExp(`Added by\\s*${FINANCE_USER.replace(".", "\\.")}`));
    await expect(approver.locator(".govuk-warning-text")).toContainText("Once you confirm it, the adjustment counts in the statement's total.");
    await expectAccessible(approver);
    await screenshot(approver, "statements-adjustment-confirm");
    await approver.getByRole("button", { name: "Confirm adjustment" }).click();
    await expect(approver).toHaveURL(`/statements/${id}`);
    await expect(approver.locator(".govuk-notification-banner--success")).toContainText("Adjustment confirmed");
    await expect(approver.getByTestId("total-with-vat")).not.toHaveText(before!);
    const confirmed = await approver.getByTestId("total-with-vat").textContent();

    // The approver opens the authorise page; meanwhile someone else adds £250 (as the API could void a declaration).
    await approver.getByRole("button", { name: "Authorise for payment" }).click();
    await expect(approver.locator("#figures")).toContainText(confirmed!);
    await query(
      `INSERT INTO additional_adjustments (id, statement_id, name, amount, created_at, updated_at) VALUES (gen_random_uuid(), $1::uuid, 'Late change', 250, now(), now())`,
      [id],
    );
    await approver.getByLabel("I confirm that all the necessary checks have been done").check();
    await approver.getByRole("button", { name: "Authorise for payment" }).click();
    await expect(approver).toHaveURL(`/statements/${id}/authorise?changed=1`);
    const summary = approver.locator(".govuk-error-summary");
    await expect(summary.getByRole("link", { name: "The statement changed since you checked it" })).toHaveAttribute("href", "#figures");
    await expect(approver).toHaveTitle(/^Error: Authorise for payment/);
    await expect(approver.locator("#figures")).not.toContainText(confirmed!);
    const [{ status }] = (await query<{ status: string }>(`SELECT status::text FROM statements WHERE id = $1`, [id])) as [{ status: string }];
    expect(status).toBe("payable");
    await expectAccessible(approver);
    await screenshot(approver, "statements-authorise-changed");

    // Checked again: the new figures are authorised.
    const shown = await approver.locator("#figures .govuk-summary-list__row", { hasText: "Total (with VAT)" }).locator("dd").textContent();
    await approver.getByLabel("I confirm that all the necessary checks have been done").check();
    await outsideDoubleClickWindow(approver);
    await approver.getByRole("button", { name: "Authorise for payment" }).click();
    await expect(approver).toHaveURL(`/statements/${id}`);
    await expect(approver.getByTestId("total-with-vat")).toHaveText(shown!.trim());
    await context.close();
  });

  test("download the declarations CSV", async ({ page }) => {
    const id = await statementId("Ambition Institute", 2024, "October 2026");
    await signIn(page, FINANCE_USER, `/statements/${id}`);
    const downloading = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download declarations (CSV)" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe("ECF-Declarations-AmbitionInstitute-Cohort2024-October2026.csv");
    const text = readFileSync((await download.path())!, "utf8");
    expect(text.startsWith("\uFEFF")).toBe(true);
    expect(text.slice(1, text.indexOf("\r\n"))).toBe(
      "Participant ID,Participant Name,TRN,Type,Mentor Profile ID,Schedule,Eligible For Funding,Eligible For Funding Reason,Sparsity Uplift,Pupil Premium Uplift,Sparsity And Pp,Lead Provider Name,Delivery Partner Name,School Urn,School Name,Training Status,Training Status Reason,Declaration ID,Declaration Status,Declaration Type,Declaration Date,Declaration Created At,Statement Name,Statement ID,Uplift Payable",
    );
    const records = parseCsv(text.slice(1));
    const [first] = await query<{ user_id: string; full_name: string; declaration_id: string; state: string; declaration_type: string; declaration_date: string }>(
      `SELECT d.user_id::text, u.full_name, d.id::text AS declaration_id, li.state::text, d.declaration_type,
              to_char(d.declaration_date, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS declaration_date
         FROM statement_line_items li JOIN participant_declarations d ON d.id = li.participant_declaration_id JOIN users u ON u.id = d.user_id
        WHERE li.statement_id = $1 ORDER BY u.full_name, d.user_id, d.declaration_date, d.declaration_type, li.id LIMIT 1`,
      [id],
    );
    const cells = records[1]!;
    expect(cells).toHaveLength(25);
    expect(cells[0]).toBe(first!.user_id);
    expect(cells[1]).toBe(first!.full_name);
    expect(cells[17]).toBe(first!.declaration_id);
    expect(cells[18]).toBe(first!.state);
    expect(cells[19]).toBe(first!.declaration_type);
    expect(cells[20]).toBe(first!.declaration_date);
    expect(cells.slice(-3, -1)).toEqual(["October 2026", id]);
    const [{ n }] = (await query<{ n: number }>(`SELECT count(*)::int AS n FROM statement_line_items WHERE statement_id = $1`, [id])) as [{ n: number }];
    expect(records).toHaveLength(n + 1);

    const response = await page.request.get(`/statements/${id}/declarations.csv`);
    expect(response.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    expect(response.headers()["content-disposition"]).toBe('attachment; filename="ECF-Declarations-AmbitionInstitute-Cohort2024-October2026.csv"');
  });

  test("malformed and unknown statement ids are not found", async ({ page }) => {
    // The approver (finance and approver roles): the authorise page answers 403 to a finance-only user before it looks at the id.
    await signIn(page, APPROVER_USER, "/statements");
    for (const path of [
      "/statements/not-a-statement",
      "/statements/00000000-0000-4000-8000-000000000000",
      "/statements/not-a-statement/voided",
      "/statements/00000000-0000-4000-8000-000000000000/clawbacks",
      "/statements/not-a-statement/declarations.csv",
      "/statements/00000000-0000-4000-8000-000000000000/declarations.csv",
      "/statements/00000000-0000-4000-8000-000000000000/authorise",
      "/statements/00000000-0000-4000-8000-000000000000/adjustments/new",
    ]) {
      expect((await page.request.get(path)).status(), path).toBe(404);
    }
    const id = await statementId("Teach First", 2024, "October 2026");
    expect((await page.request.get(`/statements/${id}/adjustments/not-an-id/change`)).status()).toBe(404);
    expect((await page.request.get(`/statements/${id}/adjustments/00000000-0000-4000-8000-000000000000/remove`)).status()).toBe(404);
    const response = await page.goto("/statements/not-a-statement");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    await expectAccessible(page);
  });

  test("someone without the finance role gets 403 on every statement URL, the CSV included", async ({ page }) => {
    const id = await statementId("Ambition Institute", 2025, "October 2026");
    const [adjustment] = await query<{ id: string; statement_id: string }>(`SELECT id::text, statement_id::text FROM additional_adjustments LIMIT 1`);
    const urls = [
      "/statements",
      `/statements?lead-provider=${id}`,
      `/statements/${id}`,
      `/statements/${id}/voided`,
      `/statements/${id}/clawbacks?type=mentor`,
      `/statements/${id}/declarations.csv`,
      `/statements/${id}/authorise`,
      `/statements/${id}/adjustments/new`,
      `/statements/${id}/adjustments/new/check?name=A&amount=1`,
      `/statements/${adjustment!.statement_id}/adjustments/${adjustment!.id}/change`,
      `/statements/${adjustment!.statement_id}/adjustments/${adjustment!.id}/change/check?name=A&amount=1&version=2026-01-01T00:00:00.000Z`,
      `/statements/${adjustment!.statement_id}/adjustments/${adjustment!.id}/remove`,
    ];
    // Anonymous: sent to sign in, even for the CSV.
    const anonymous = await page.request.get(`/statements/${id}/declarations.csv`, { maxRedirects: 0 });
    expect(anonymous.status()).toBe(307);
    expect(anonymous.headers().location).toContain(`/sign-in?callbackUrl=${encodeURIComponent(`/statements/${id}/declarations.csv`)}`);

    await signIn(page, VIEWER_USER, "/");
    for (const url of urls) {
      const response = await page.request.get(url, { maxRedirects: 0 });
      expect(response.status(), url).toBe(403);
      expect(await response.text(), url).not.toContain("Participant ID,");
    }
    await page.goto(`/statements/${id}`);
    await expect(page.getByRole("heading", { level: 1, name: "You do not have access to this page" })).toBeVisible();
    await expect(page.getByText("Ambition Institute")).toHaveCount(0);
    await expectAccessible(page);
  });
});
