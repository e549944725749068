// Finance journeys: search participants, drill into their declarations, void through check your
// answers. Data comes from the demo seed in this run's own database (e2eState): each test picks its
// own declarations (by state and lead provider) so no test depends on another's changes.
import type { Browser, Page } from "@playwright/test";
import { test, expect, expectAccessible, outsideDoubleClickWindow, signIn, screenshot, query, FINANCE_USER, VIEWER_USER } from "./fixtures";

const VOIDED_MESSAGE = "This declaration has already been voided.";
const CLAWED_BACK_MESSAGE = "This declaration has been clawed-back, so you can only view it.";
const CYA_HEADING = "Check the details before voiding this declaration";


type DeclarationRow = {
  id: string;
  user_id: string;
  full_name: string;
  declaration_type: string;
  lead_provider: string;
  lead_provider_id: string;
  cohort_id: string;
  start_year: number;
};

/**
 * One declaration in `state`, from an open (not frozen) cohort unless `frozen`, for `provider` (in `cohort`, if
 * given), from the seed: not one another spec posted through the API (those are eligible too, and carry their
 * submission's audit entry), so the audit counts below are this test's alone.
 */
async function pickDeclaration(
  state: string,
  provider: string,
  options: { frozen?: boolean; offset?: number; cohort?: number } = {},
): Promise<DeclarationRow> {
  const rows = await query<DeclarationRow>(
    `SELECT d.id::text, pi.user_id::text, u.full_name, d.declaration_type, lp.name AS lead_provider,
            lp.id::text AS lead_provider_id, c.id::text AS cohort_id, c.start_year
       FROM participant_declarations d
       JOIN participant_profiles p ON p.id = d.participant_profile_id
       JOIN participant_identities pi ON pi.id = p.participant_identity_id
       JOIN users u ON u.id = pi.user_id
       JOIN lead_providers lp ON lp.id = d.lead_provider_id
       JOIN cohorts c ON c.id = d.cohort_id
      WHERE d.state = $1 AND lp.name = $2 AND (c.payments_frozen_at IS NOT NULL) = $3 AND ($5::int IS NULL OR c.start_year = $5)
        AND NOT EXISTS (SELECT 1 FROM audit_logs a WHERE a.entity_id = d.id AND a.action = 'declaration.submit')
      ORDER BY d.id
      OFFSET $4 LIMIT 1`,
    [state, provider, options.frozen ?? false, options.offset ?? 0, options.cohort ?? null],
  );
  const [row] = rows;
  if (!row) throw new Error(`The demo data has no ${state} declaration for ${provider}`);
  return row;
}

async function declarationState(id: string): Promise<string> {
  const [row] = await query<{ state: string }>("SELECT state::text FROM participant_declarations WHERE id = $1", [id]);
  return row?.state ?? "missing";
}

async function auditCount(id: string): Promise<number> {
  const [row] = await query<{ n: number }>("SELECT count(*)::int AS n FROM audit_logs WHERE entity_id = $1", [id]);
  return row?.n ?? 0;
}

function voidPath(d: DeclarationRow): string {
  return `/participants/${d.user_id}/declarations/${d.id}/void`;
}

function declarationRow(page: Page, id: string) {
  return page.locator("tr", { has: page.locator(`[id="declaration-${id}"]`) });
}

/**
 * Presses "Void declaration" again after an error. The GOV.UK button ignores a second click within
 * a second of the first (data-prevent-double-click), as a person's double click would be.
 */
async function submitAgain(page: Page) {
  await outsideDoubleClickWindow(page);
  await page.getByRole("button", { name: "Void declaration" }).click();
}

async function search(page: Page, q: string) {
  await page.getByLabel("Search participants").fill(q);
  await page.getByRole("button", { name: "Search" }).click();
}

test.describe("searching for participants", () => {
  test("by name, email and TRN: partial, any case; then into the participant", async ({ page }) => {
    const [person] = await query<{ user_id: string; full_name: string; email: string; trn: string; profile_id: string }>(
      `SELECT u.id::text AS user_id, u.full_name, u.email, p.trn, p.id::text AS profile_id
         FROM users u JOIN participant_identities pi ON pi.user_id = u.id JOIN participant_profiles p ON p.participant_identity_id = pi.id
        WHERE p.trn IS NOT NULL AND (SELECT count(*) FROM participant_identities x WHERE x.user_id = u.id) = 1
        ORDER BY u.full_name LIMIT 1`,
    );
    if (!person) throw new Error("No participant with a TRN in the demo data");
    const surname = person.full_name.split(" ").at(-1) as string;

    await signIn(page, FINANCE_USER, "/participants");
    await expect(page).toHaveTitle("Search participants – ECF Finance – Department for Education");
    await expect(page.getByRole("search")).toBeVisible();
    await expect(page.getByText("Name, email, TRN, participant ID, external ID or declaration ID")).toBeVisible();
    await expectAccessible(page);

    // Name: part of the surname, in capitals.
    await search(page, surname.slice(0, 4).toUpperCase());
    await expect(page).toHaveURL(new RegExp(`/participants\\?q=${encodeURIComponent(surname.slice(0, 4).toUpperCase())}$`));
    const results = page.locator("table.govuk-table");
    await expect(results.locator("caption")).toContainText(/\d+ results? for “/);
    await expect(results.getByRole("link", { name: person.full_name }).first()).toBeVisible();
    await expect(results.locator("thead")).toContainText("NameTRNTypeLead providerSchoolCohortTraining status");
    await expect(results.locator(".govuk-tag").first()).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, "participants-search-results");

    // Email: the middle of it, mixed case.
    await search(page, person.email.slice(2, 12).toUpperCase());
    await expect(page.locator("table.govuk-table").getByRole("link", { name: person.full_name })).toBeVisible();

    // TRN, exactly: the participant comes first.
    await search(page, person.trn);
    await expect(page.locator("table.govuk-table tbody tr").first()).toContainText(person.full_name);
    await expect(page.locator("table.govuk-table tbody tr").first()).toContainText(person.trn);

    // The back button works: the query is in the URL.
    await page.goBack();
    await expect(page.getByLabel("Search participants")).toHaveValue(person.email.slice(2, 12).toUpperCase());
    await page.goForward();

    await page.locator("table.govuk-table").getByRole("link", { name: person.full_name }).first().click();
    await expect(page).toHaveURL(new RegExp(`/participants/${person.user_id}#enrolment-${person.profile_id}$`));
    await expect(page.getByRole("heading", { level: 1, name: person.full_name })).toBeVisible();
    await expect(page).toHaveTitle(`${person.full_name} – Participants – ECF Finance – Department for Education`);
    await expect(page.locator(".govuk-summary-list").first()).toContainText(person.user_id);
    await expect(page.locator(".govuk-summary-list").first()).toContainText(person.trn);
    await expectAccessible(page);
  });

  test("an exact participant ID, external ID or declaration ID goes straight to the participant", async ({ page }) => {
    const [merged] = await query<{ user_id: string; external_identifier: string }>(
      "SELECT user_id::text, external_identifier::text FROM participant_identities WHERE external_identifier <> user_id ORDER BY id LIMIT 1",
    );
    const declaration = await pickDeclaration("paid", "Teach First", { frozen: true });
    if (!merged) throw new Error("The demo data has no merged registration");
    await signIn(page, FINANCE_USER, "/participants");

    await search(page, merged.user_id);
    await expect(page).toHaveURL(new RegExp(`/participants/${merged.user_id}$`));
    await page.goto("/participants");
    await search(page, merged.external_identifier.toUpperCase());
    await expect(page).toHaveURL(new RegExp(`/participants/${merged.user_id}$`));
    await page.goto("/participants");
    await search(page, ` ${declaration.id} `);
    await expect(page).toHaveURL(new RegExp(`/participants/${declaration.user_id}#declaration-${declaration.id}$`));
    await expect(page.locator(`[id="declaration-${declaration.id}"]`)).toBeVisible();
  });

  test("empty, unknown, malformed, too long and unmatched searches each get a clear message", async ({ page }) => {
    await signIn(page, FINANCE_USER, "/participants");

    await search(page, "   ");
    await expect(page.locator("main")).toContainText(
      "Enter a name, email address, TRN, participant ID, external ID or declaration ID to search for a participant.",
    );
    await expect(page.locator(".govuk-error-summary")).toHaveCount(0);
    await expectAccessible(page);

    const unknown = "00000000-0000-4000-8000-000000000000";
    await search(page, unknown);
    await expect(page.getByRole("heading", { level: 2, name: `No participant or declaration has the ID ${unknown}.` })).toBeVisible();
    await expectAccessible(page);

    await search(page, "0f3c2a9e-12ab-4cde");
    const summary = page.locator(".govuk-error-summary");
    await expect(summary).toBeFocused();
    await expect(summary.getByRole("link", { name: "“0f3c2a9e-12ab-4cde” is not a valid ID. Check you copied all of it" })).toHaveAttribute("href", "#q");
    await expect(page.locator("#q-error")).toContainText("is not a valid ID");
    await expect(page).toHaveTitle(/^Error: Search participants/);
    await expectAccessible(page);
    await screenshot(page, "participants-search-error");

    await page.goto(`/participants?q=${"x".repeat(201)}`);
    await expect(page.locator(".govuk-error-summary")).toContainText("Search term must be 200 characters or fewer");
    await expect(page.locator("table")).toHaveCount(0);
    await expectAccessible(page);

    await search(page, "zzqx-no-such-person");
    await expect(page.getByRole("heading", { level: 2, name: "No participants match “zzqx-no-such-person”" })).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, "participants-search-no-results");
  });

  test("results are paged 25 at a time with the GOV.UK pagination, and the page is in the URL and title", async ({ page }) => {
    const [{ n }] = (await query<{ n: number }>(
      `SELECT count(*)::int AS n FROM participant_profiles p JOIN participant_identities pi ON pi.id = p.participant_identity_id
         JOIN users u ON u.id = pi.user_id
        WHERE lower(u.full_name) LIKE 'a%' OR lower(substring(u.full_name FROM '[^ ]+$')) LIKE 'a%' OR lower(u.email) LIKE 'a%' OR lower(p.trn) LIKE 'a%'`,
    )) as [{ n: number }];
    // One letter: the start of a name, surname, email or TRN (lib/participants/search.ts).
    const pages = Math.ceil(n / 25);
    expect(pages).toBeGreaterThan(2);
    expect(n).toBeLessThanOrEqual(1000);
    await signIn(page, FINANCE_USER, "/participants?q=a");
    await expect(page).toHaveTitle(`Search results (page 1 of ${pages}) – ECF Finance – Department for Education`);
    await expect(page.locator("table.govuk-table tbody tr")).toHaveCount(25);
    await expect(page.locator("main")).toContainText(`Showing 1 to 25 of ${n} results`);
    const pagination = page.getByRole("navigation", { name: "Pagination" });
    await pagination.getByRole("link", { name: "Page 2", exact: true }).click();
    await expect(page).toHaveURL(/\/participants\?q=a&page=2$/);
    await expect(page).toHaveTitle(`Search results (page 2 of ${pages}) – ECF Finance – Department for Education`);
    await expect(pagination.locator(".govuk-pagination__item--current")).toHaveText("2");
    await expect(page.locator("main")).toContainText(`Showing 26 to 50 of ${n} results`);
    await expectAccessible(page);
    await screenshot(page, "participants-search-page-2");
    // A page past the end goes to the last page.
    await page.goto("/participants?q=a&page=999");
    await expect(page).toHaveURL(new RegExp(`/participants\\?q=a&page=${pages}$`));
  });

  test("more than 1,000 matches: no table, how to narrow the search", async ({ page }) => {
    // 1,001 participants whose names contain "Qqmany", added for this test and removed after it.
    const added = await query<{ id: string }>(`
      WITH u AS (
        INSERT INTO users (id, full_name, email, updated_at)
        SELECT gen_random_uuid(), 'Qqmany Person ' || lpad(g::text, 4, '0'), 'qqmany' || g || '@example.org', now()
          FROM generate_series(1, 1001) g
        RETURNING id, email),
      i AS (
        INSERT INTO participant_identities (id, user_id, external_identifier, email, updated_at)
        SELECT gen_random_uuid(), id, id, email, now() FROM u RETURNING id)
      INSERT INTO participant_profiles (id, participant_identity_id, type, updated_at)
      SELECT gen_random_uuid(), id, 'ect', now() FROM i RETURNING participant_identity_id::text AS id`);
    expect(added).toHaveLength(1001);
    try {
      await signIn(page, FINANCE_USER, "/participants?q=qqmany");
      await expect(page.getByRole("heading", { level: 2 })).toHaveText("More than 1,000 participants match “qqmany”");
      await expect(page.locator("main")).toContainText("Refine your search by:");
      await expect(page.locator("table")).toHaveCount(0);
      await expect(page.getByRole("navigation", { name: "Pagination" })).toHaveCount(0);
      await expectAccessible(page);
      await screenshot(page, "participants-search-too-many");
      // A page number changes nothing.
      await page.goto("/participants?q=qqmany&page=3");
      await expect(page.getByRole("heading", { level: 2 })).toHaveText("More than 1,000 participants match “qqmany”");
    } finally {
      await query(`
        WITH gone AS (DELETE FROM participant_profiles WHERE participant_identity_id = ANY ($1::uuid[]) RETURNING participant_identity_id),
             ids AS (DELETE FROM participant_identities WHERE id IN (SELECT participant_identity_id FROM gone) RETURNING user_id)
        DELETE FROM users WHERE id IN (SELECT user_id FROM ids)`, [added.map((a) => a.id)]);
    }
  });
});

test.describe("the participant drill-down", () => {
  test("shows each enrolment, its declarations with statements and tags, Void links only where voidable, and the history", async ({ page }) => {
    const clawedBack = await pickDeclaration("awaiting_clawback", "Ambition Institute");
    await signIn(page, FINANCE_USER, `/participants/${clawedBack.user_id}`);
    await expect(page.getByRole("heading", { level: 1, name: clawedBack.full_name })).toBeVisible();
    await expect(page.locator(".govuk-summary-card").first()).toContainText("Lead provider");
    await expect(page.locator(".govuk-summary-card").first()).toContainText("Training status");
    const row = declarationRow(page, clawedBack.id);
    await expect(row.locator(".govuk-tag")).toHaveText("Awaiting clawback");
    await expect(row.getByRole("link")).toHaveCount(2); // the statement and the clawback statement, no Void
    await expect(row.getByRole("link").first()).toHaveAttribute("href", /^\/statements\/[0-9a-f-]{36}$/);

    // Every voidable declaration (and only those) has a Void link naming the declaration.
    const voidable = await query<{ id: string }>(
      `SELECT d.id::text FROM participant_declarations d JOIN cohorts c ON c.id = d.cohort_id
        WHERE d.user_id = $1 AND c.payments_frozen_at IS NULL AND d.state IN ('submitted', 'eligible', 'payable', 'ineligible', 'paid')`,
      [clawedBack.user_id],
    );
    await expect(page.getByRole("link", { name: /^Void / })).toHaveCount(voidable.length);
    await expect(page.getByRole("heading", { level: 2, name: "History" })).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, "participant-drill-down");
  });

  test("a malformed or unknown participant id is the 404 page", async ({ page }) => {
    await signIn(page, FINANCE_USER, "/participants");
    for (const path of ["/participants/not-an-id", "/participants/00000000-0000-4000-8000-000000000000"]) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    }
    await expectAccessible(page);
  });
});

test.describe("voiding a declaration", () => {
  test("an eligible declaration: check your answers, a reason, then the banner and the new state", async ({ page }) => {
    const declaration = await pickDeclaration("eligible", "Ambition Institute");
    await signIn(page, FINANCE_USER, `/participants/${declaration.user_id}`);
    await declarationRow(page, declaration.id).getByRole("link", { name: /^Void / }).click();
    await expect(page).toHaveURL(new RegExp(`${voidPath(declaration)}$`));
    await expect(page.getByRole("heading", { level: 1, name: CYA_HEADING })).toBeVisible();
    await expect(page).toHaveTitle(`${CYA_HEADING} – ECF Finance – Department for Education`);
    const summary = page.locator(".govuk-summary-list");
    await expect(summary).toContainText(declaration.id);
    await expect(summary).toContainText(declaration.lead_provider);
    await expect(summary.locator(".govuk-tag")).toHaveText("Eligible");
    await expect(page.locator(".govuk-inset-text")).toContainText(/This declaration will be voided and will not be paid on the .+ statement\./);
    await expect(page.locator("input[type=hidden][name=expectedState]")).toHaveValue("eligible");
    await expect(page.getByRole("button", { name: "Void declaration" })).toHaveClass(/govuk-button--warning/);
    await expectAccessible(page);
    await screenshot(page, "void-cya-eligible");

    // No reason: the error summary, nothing changed.
    await page.getByRole("button", { name: "Void declaration" }).click();
    const errors = page.locator(".govuk-error-summary");
    await expect(errors).toBeFocused();
    await expect(errors.getByRole("link", { name: "Enter the reason for voiding this declaration" })).toHaveAttribute("href", "#reason");
    await expect(page).toHaveTitle(/^Error: /);
    await expectAccessible(page);
    await screenshot(page, "void-cya-errors");
    expect(await declarationState(declaration.id)).toBe("eligible");

    await page.getByLabel("Reason for voiding").fill("Duplicate of an earlier started declaration");
    await submitAgain(page);
    await expect(page).toHaveURL(new RegExp(`/participants/${declaration.user_id}$`));
    const banner = page.locator(".govuk-notification-banner--success");
    await expect(banner).toContainText("Declaration voided");
    await expect(banner).toContainText(/The .+ declaration of \d{1,2} \w+ \d{4} is now voided\./);
    await expect(declarationRow(page, declaration.id).locator(".govuk-tag")).toHaveText("Voided");
    await expect(declarationRow(page, declaration.id).getByRole("link", { name: /^Void / })).toHaveCount(0);
    await expect(page.locator("section", { has: page.getByRole("heading", { name: "History" }) })).toContainText(
      "Duplicate of an earlier started declaration",
    );
    await expectAccessible(page);
    await screenshot(page, "participant-void-banner");
    expect(await declarationState(declaration.id)).toBe("voided");
    expect(await auditCount(declaration.id)).toBe(1);

    // The banner shows once.
    await page.reload();
    await expect(page.locator(".govuk-notification-banner--success")).toHaveCount(0);
  });

  test("a paid declaration: the clawback amount and statement, then awaiting clawback", async ({ page }) => {
    // Cohort 2024 still has open output statements to claw back on (the demo's 2022 and 2023 have none left).
    const declaration = await pickDeclaration("paid", "Best Practice Network", { cohort: 2024 });
    const [statement] = await query<{ name: string }>(
      `SELECT name FROM statements WHERE lead_provider_id = $1 AND cohort_id = $2 AND status = 'open' AND output_fee
          AND deadline_date >= (now() AT TIME ZONE 'UTC')::date
        ORDER BY deadline_date, payment_date, id LIMIT 1`,
      [declaration.lead_provider_id, declaration.cohort_id],
    );
    if (!statement) throw new Error("No open output statement to claw back on");
    await signIn(page, FINANCE_USER, voidPath(declaration));
    await expect(page.locator(".govuk-summary-list .govuk-tag")).toHaveText("Paid");
    await expect(page.locator(".govuk-inset-text")).toContainText(
      new RegExp(`£[\\d,]+\\.\\d{2} will be clawed back from ${declaration.lead_provider} on the ${statement.name} statement \\(£[\\d,]+\\.\\d{2} including VAT\\)\\.`),
    );
    await expectAccessible(page);
    await screenshot(page, "void-cya-paid");

    await page.getByLabel("Reason for voiding").fill("Participant withdrew before the retention period");
    await page.getByRole("button", { name: "Void declaration" }).click();
    await expect(page).toHaveURL(new RegExp(`/participants/${declaration.user_id}$`));
    await expect(page.locator(".govuk-notification-banner--success")).toContainText(`Declaration marked for clawback on ${statement.name}`);
    const row = declarationRow(page, declaration.id);
    await expect(row.locator(".govuk-tag")).toHaveText("Awaiting clawback");
    await expect(row).toContainText(statement.name);
    await expectAccessible(page);
    expect(await declarationState(declaration.id)).toBe("awaiting_clawback");
  });

  test("a voided, clawed-back or frozen-cohort declaration, reached by its URL, gets the error summary and no button", async ({ page }) => {
    const voided = await pickDeclaration("voided", "UCL Early Career Teacher Education");
    const clawedBack = await pickDeclaration("clawed_back", "UCL Early Career Teacher Education");
    const frozen = await pickDeclaration("paid", "UCL Early Career Teacher Education", { frozen: true });
    await signIn(page, FINANCE_USER, voidPath(voided));
    const summary = page.locator(".govuk-error-summary");
    await expect(summary).toContainText(VOIDED_MESSAGE);
    await expect(summary).toBeFocused();
    await expect(page).toHaveTitle(`Error: ${CYA_HEADING} – ECF Finance – Department for Education`);
    await expect(page.getByRole("button", { name: "Void declaration" })).toHaveCount(0);
    await expect(page.locator("textarea")).toHaveCount(0);
    await expectAccessible(page);
    await screenshot(page, "void-cya-refused");

    await page.goto(voidPath(clawedBack));
    await expect(page.locator(".govuk-error-summary")).toContainText(CLAWED_BACK_MESSAGE);
    await page.goto(voidPath(frozen));
    await expect(page.locator(".govuk-error-summary")).toContainText(
      `You cannot submit or void declarations for the ${frozen.start_year} cohort. The funding contract for this cohort has ended. Get in touch if you need to discuss this with us`,
    );
    await expect(page.getByRole("button", { name: "Void declaration" })).toHaveCount(0);
    expect(await declarationState(frozen.id)).toBe("paid");
  });

  test("changed by someone else since the page was opened: the specific message, the page shows the new state, then it can be voided", async ({ page }) => {
    const declaration = await pickDeclaration("eligible", "Teach First");
    await signIn(page, FINANCE_USER, voidPath(declaration));
    await expect(page.locator(".govuk-summary-list .govuk-tag")).toHaveText("Eligible");
    // The statement became payable while the page was open.
    await query("UPDATE participant_declarations SET state = 'payable' WHERE id = $1", [declaration.id]);
    await query("UPDATE statement_line_items SET state = 'payable' WHERE participant_declaration_id = $1", [declaration.id]);

    await page.getByLabel("Reason for voiding").fill("Wrong milestone");
    await page.getByRole("button", { name: "Void declaration" }).click();
    await expect(page.locator(".govuk-error-summary")).toContainText(
      "This declaration has changed since you opened this page. Check its details and try again.",
    );
    await expect(page.locator(".govuk-summary-list .govuk-tag")).toHaveText("Payable");
    await expect(page.getByLabel("Reason for voiding")).toHaveValue("Wrong milestone");
    expect(await declarationState(declaration.id)).toBe("payable");
    expect(await auditCount(declaration.id)).toBe(0);
    await expectAccessible(page);

    await submitAgain(page);
    await expect(page.locator(".govuk-notification-banner--success")).toContainText("Declaration voided");
    expect(await declarationState(declaration.id)).toBe("voided");
  });

  test("works without JavaScript; the same form submitted again (a double submit, or a second tab) is refused and changes nothing", async ({ browser }) => {
    const declaration = await pickDeclaration("ineligible", "Teach First");
    const context = await browser.newContext({ javaScriptEnabled: false });
    const first = await context.newPage();
    await signIn(first, FINANCE_USER, voidPath(declaration));
    const second = await context.newPage();
    await second.goto(voidPath(declaration));
    await expect(first.locator(".govuk-inset-text")).toContainText("It was not going to be paid because it is ineligible.");
    await first.getByRole("button", { name: "Void declaration" }).click();
    await expect(first.locator(".govuk-error-summary")).toContainText("Enter the reason for voiding this declaration");
    await first.getByLabel("Reason for voiding").fill("Duplicate profile");
    await first.getByRole("button", { name: "Void declaration" }).click();
    await expect(first.locator(".govuk-notification-banner--success")).toContainText("Declaration voided");
    expect(await declarationState(declaration.id)).toBe("voided");

    // The page opened before the void still has the form: sending it is refused.
    await second.getByLabel("Reason for voiding").fill("Duplicate profile");
    await second.getByRole("button", { name: "Void declaration" }).click();
    await expect(second.locator(".govuk-error-summary")).toContainText(VOIDED_MESSAGE);
    await expect(second.getByRole("button", { name: "Void declaration" })).toHaveCount(0);
    expect(await auditCount(declaration.id)).toBe(1);
    await context.close();
  });

  test("a declaration reached through another participant's address, or a malformed id, is the 404 page", async ({ page }) => {
    const mine = await pickDeclaration("payable", "Ambition Institute");
    const theirs = await pickDeclaration("payable", "UCL Early Career Teacher Education");
    await signIn(page, FINANCE_USER, "/participants");
    for (const path of [
      `/participants/${mine.user_id}/declarations/${theirs.id}/void`,
      `/participants/${mine.user_id}/declarations/not-a-uuid/void`,
      `/participants/nobody/declarations/${mine.id}/void`,
    ]) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    }
  });
});

/** A signed-in viewer's cookies (no finance role). */
async function viewerCookies(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, VIEWER_USER, "/");
  const cookies = await context.cookies();
  await context.close();
  return cookies;
}

test.describe("without the finance role", () => {
  test("every participant page is 403", async ({ page }) => {
    const declaration = await pickDeclaration("payable", "Best Practice Network");
    await signIn(page, VIEWER_USER, "/");
    for (const path of [
      "/participants",
      "/participants?q=smith",
      `/participants?q=${declaration.id}`,
      `/participants/${declaration.user_id}`,
      voidPath(declaration),
    ]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(403);
      await expect(page.getByRole("heading", { level: 1, name: "You do not have access to this page" })).toBeVisible();
      await expect(page.locator("main")).not.toContainText(declaration.full_name);
    }
    await expectAccessible(page);
  });

  test("the void server action is refused (403) and changes nothing", async ({ browser }) => {
    const declaration = await pickDeclaration("payable", "Best Practice Network", { offset: 1 });
    const viewer = await viewerCookies(browser);
    // The form as a finance user sees it, then sent with the viewer's session.
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, FINANCE_USER, voidPath(declaration));
    await page.getByLabel("Reason for voiding").fill("Not allowed");
    await context.clearCookies();
    await context.addCookies(viewer);
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST"),
      page.getByRole("button", { name: "Void declaration" }).click(),
    ]);
    expect(response.status()).toBe(403);
    await expect(page.getByRole("heading", { level: 1, name: "You do not have access to this page" })).toBeVisible();
    expect(await declarationState(declaration.id)).toBe("payable");
    expect(await auditCount(declaration.id)).toBe(0);
    await context.close();

    // Without JavaScript (a plain form POST) the action is refused too. (Next renders its not-found
    // page for forbidden() in a no-JavaScript action request, so the status is 4xx, not always 403.)
    const noJs = await browser.newContext({ javaScriptEnabled: false });
    const plain = await noJs.newPage();
    await signIn(plain, FINANCE_USER, voidPath(declaration));
    await plain.getByLabel("Reason for voiding").fill("Not allowed");
    await noJs.clearCookies();
    await noJs.addCookies(viewer);
    const [refused] = await Promise.all([
      plain.waitForResponse((r) => r.request().method() === "POST"),
      plain.getByRole("button", { name: "Void declaration" }).click(),
    ]);
    expect([403, 404]).toContain(refused.status());
    await expect(plain.locator(".govuk-notification-banner")).toHaveCount(0);
    expect(await declarationState(declaration.id)).toBe("payable");
    expect(await auditCount(declaration.id)).toBe(0);

    // Signed out (the session expired while the form was open): sent to sign in, nothing changed.
    await noJs.clearCookies();
    await signIn(plain, FINANCE_USER, voidPath(declaration));
    await plain.getByLabel("Reason for voiding").fill("Not signed in");
    await noJs.clearCookies();
    await plain.getByRole("button", { name: "Void declaration" }).click();
    await expect(plain).toHaveURL(/\/sign-in\?callbackUrl=/);
    expect(await declarationState(declaration.id)).toBe("payable");
    expect(await auditCount(declaration.id)).toBe(0);
    await noJs.close();
  });
});
