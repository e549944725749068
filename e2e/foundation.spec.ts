import { test, expect, expectAccessible, signIn, screenshot, FINANCE_USER, VIEWER_USER, DEMO_PASSWORD } from "./fixtures";

test.describe("signing in and the layout", () => {
  test("an anonymous visitor is sent to sign in, and comes back after", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2F$/);
    await expect(page.getByRole("heading", { level: 1, name: "Sign in to ECF Finance" })).toBeVisible();
    await expect(page).toHaveTitle("Sign in – ECF Finance – Department for Education");
    await expectAccessible(page);
    await screenshot(page, "sign-in");

    await page.getByLabel("Email address").fill(FINANCE_USER);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole("heading", { level: 1, name: "ECF Finance" })).toBeVisible();
  });

  test("sign-in errors use the GOV.UK error summary", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByRole("button", { name: "Sign in" }).click();
    const summary = page.locator(".govuk-error-summary");
    await expect(summary).toBeVisible();
    await expect(summary).toBeFocused();
    await expect(summary.getByRole("link", { name: "Enter your email address" })).toHaveAttribute("href", "#email");
    await expect(summary.getByRole("link", { name: "Enter your password" })).toHaveAttribute("href", "#password");
    await expect(page).toHaveTitle(/^Error: Sign in/);
    await expectAccessible(page);
    await screenshot(page, "sign-in-errors");

    await page.getByLabel("Email address").fill(FINANCE_USER);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator(".govuk-error-summary")).toContainText("Enter a correct email address and password");
    await expect(page.getByLabel("Email address")).toHaveValue(FINANCE_USER);
    await expect(page.getByLabel("Password")).toHaveValue("");
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("sign-in works without JavaScript too", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/sign-in");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator(".govuk-error-summary")).toContainText("Enter your email address");
    await page.getByLabel("Email address").fill(FINANCE_USER);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "ECF Finance" })).toBeVisible();
    await context.close();
  });

  test("a finance user sees the layout: header, navigation, their email, sign out", async ({ page }) => {
    await signIn(page, FINANCE_USER);
    await expect(page.locator(".govuk-skip-link")).toHaveAttribute("href", "#main-content");
    await expect(page.locator(".govuk-generic-header")).toContainText("Department for Education");
    const nav = page.locator(".govuk-service-navigation");
    await expect(nav).toContainText("ECF Finance");
    await expect(nav.getByRole("link", { name: "Participants" })).toHaveAttribute("href", "/participants");
    await expect(nav.getByRole("link", { name: "Statements" })).toHaveAttribute("href", "/statements");
    await expect(nav).toContainText(FINANCE_USER);
    await expect(page.locator(".govuk-phase-banner")).toContainText("Beta");
    await expectAccessible(page);
    await screenshot(page, "home");
  });

  test("a signed-in user without the finance role gets the 403 page", async ({ page }) => {
    await signIn(page, VIEWER_USER, "/");
    await expect(page.getByRole("heading", { level: 1, name: "You do not have access to this page" })).toBeVisible();
    await expect(page.locator(".govuk-service-navigation").getByRole("link", { name: "Statements" })).toHaveCount(0);
    const response = await page.request.get("/");
    expect(response.status()).toBe(403);
    await expectAccessible(page);
    await screenshot(page, "forbidden");
  });

  test("an unknown address shows the 404 page", async ({ page }) => {
    const response = await page.goto("/no-such-page");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    await expectAccessible(page);
    await signIn(page, FINANCE_USER);
    await page.goto("/no-such-page/at/all");
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    await expectAccessible(page);
  });

  test("signing out ends the session, and a copy of its cookie taken before is refused after", async ({ page, browser }) => {
    await signIn(page, FINANCE_USER);
    const origin = new URL(page.url()).origin;
    const copied = await browser.newContext();
    await copied.addCookies(await page.context().cookies());
    const replay = await copied.newPage();
    try {
      // Control: the copy works while the session lasts.
      await replay.goto(`${origin}/statements`);
      await expect(replay).toHaveURL(`${origin}/statements`);
      await page.getByRole("button", { name: "Sign out" }).click();
      await expect(page).toHaveURL(/\/sign-in\?signedOut=1/);
      await expect(page.locator(".govuk-notification-banner")).toContainText("You have signed out");
      await expectAccessible(page);
      await page.goto("/");
      await expect(page).toHaveURL(/\/sign-in/);
      // The copied JWT is still signed and unexpired, but its session version is no longer the user's.
      await replay.goto(`${origin}/statements`);
      await expect(replay).toHaveURL(/\/sign-in\?callbackUrl=%2Fstatements/);
    } finally {
      await copied.close();
    }
  });

  test("the health check answers", async ({ request }) => {
    const response = await request.get("/healthz");
    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", database: "up" });
  });
});

test.describe("security headers", () => {
  test("pages carry a nonce-based CSP without unsafe-inline scripts, and nothing is blocked", async ({ page }) => {
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    const response = await page.goto("/sign-in");
    const headers = response!.headers();
    const csp = headers["content-security-policy"] ?? "";
    const scriptSrc = csp.split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src")) ?? "";
    expect(scriptSrc).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
    expect(scriptSrc).not.toContain("unsafe-inline");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("same-origin");
    // Every response carries the request id its log line has.
    expect(headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    // The inline GOV.UK snippet ran (it carries the nonce): the body is marked for GOV.UK JS.
    await expect(page.locator("body")).toHaveClass(/govuk-frontend-supported/);
    await signIn(page, FINANCE_USER);
    await page.getByRole("link", { name: "Statements" }).first().isVisible();
    expect(violations).toEqual([]);
  });

  test("the session cookie is httpOnly and SameSite", async ({ page, context }) => {
    await signIn(page, FINANCE_USER);
    const cookie = (await context.cookies()).find((c) => c.name.endsWith("ecf-finance.session"));
    expect(cookie).toBeDefined();
    expect(cookie!.httpOnly).toBe(true);
    expect(cookie!.sameSite).toBe("Lax");
  });
});
