// Duplicate records (issue 14): find a pair in the demo data, compare the two records, keep one
// through check your answers (the dry run names the declaration that would be clawed back and on
// which statement), then the retired participant id leads to the kept record in the search and in
// the API. Axe-checked and screenshotted at every step.
import { request as playwrightRequest } from "@playwright/test";
import { test, expect, expectAccessible, outsideDoubleClickWindow, signIn, screenshot, query, e2eState, FINANCE_USER, VIEWER_USER } from "./fixtures";
import { API_TOKENS } from "./support/identities";
import { seedIds } from "./support/db";

/** The demo's same-TRN pair (both with a paid started declaration, Ambition Institute), ids in the list's order. */
async function trnPair(): Promise<{ first: string; second: string; firstName: string; secondName: string }> {
  const ids = await seedIds();
  const [row] = await query<{ users: string[] }>(
    `SELECT array_agg(DISTINCT i.user_id::text ORDER BY i.user_id::text) AS users
       FROM participant_profiles p JOIN participant_identities i ON i.id = p.participant_identity_id
      WHERE p.trn IS NOT NULL
      GROUP BY p.trn HAVING count(DISTINCT i.user_id) = 2
      ORDER BY p.trn LIMIT 1`,
  );
  const [first, second] = row?.users ?? [];
  if (!first || !second) throw new Error("The demo data has no pair of participants with the same TRN");
  if ([first, second].some((id) => id === ids.participantId || id === ids.otherParticipantId)) throw new Error("The TRN pair is the matrix's participant");
  const names = await query<{ id: string; full_name: string }>("SELECT id::text, full_name FROM users WHERE id = ANY($1::uuid[])", [[first, second]]);
  const nameOf = (id: string) => names.find((n) => n.id === id)?.full_name as string;
  return { first, second, firstName: nameOf(first), secondName: nameOf(second) };
}

test("a viewer cannot see the duplicate records", async ({ page }) => {
  await signIn(page, VIEWER_USER, "/");
  const response = await page.goto("/duplicates");
  expect(response?.status()).toBe(403);
});

test("find a duplicate pair, compare, keep one through check your answers; the retired id leads to the kept record", async ({ page }) => {
  const pair = await trnPair();
  await signIn(page, FINANCE_USER, "/");
  await page.getByRole("link", { name: "Duplicate records" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Duplicate records" })).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: pair.firstName }).filter({ hasText: pair.secondName });
  await expect(row).toContainText("Same TRN");
  await expect(row).toContainText("1 enrolment, 1 declaration");
  await expectAccessible(page);
  await screenshot(page, "duplicates-list");

  // Compare side by side.
  await row.getByRole("link", { name: /Compare/ }).click();
  await expect(page).toHaveURL(`/duplicates/${pair.first}/${pair.second}`);
  await expect(page.getByRole("heading", { level: 1, name: "Compare duplicate records" })).toBeVisible();
  await expect(page.getByText("Why they match:")).toBeVisible();
  await expect(page.getByRole("heading", { name: `Record 1: ${pair.firstName}` })).toBeVisible();
  await expect(page.getByRole("heading", { name: `Record 2: ${pair.secondName}` })).toBeVisible();
  await expect(page.getByRole("table", { name: /Declarations/ }).first()).toContainText("Paid");
  await expectAccessible(page);
  await screenshot(page, "duplicates-compare");

  // Keep record 1: check your answers with the dry run.
  await page.getByRole("button", { name: /Keep this record \(record 1/ }).click();
  await expect(page).toHaveURL(`/duplicates/${pair.first}/${pair.second}/merge`);
  await expect(page.getByRole("heading", { level: 1, name: "Check before merging these records" })).toBeVisible();
  const [open] = await query<{ name: string }>(
    `SELECT s.name FROM statements s JOIN lead_providers lp ON lp.id = s.lead_provider_id
      JOIN participant_declarations d ON d.cohort_id = s.cohort_id AND d.lead_provider_id = lp.id
     WHERE d.user_id = $1 AND s.status = 'open' AND s.output_fee ORDER BY s.deadline_date LIMIT 1`,
    [pair.second],
  );
  await expect(page.getByRole("table")).toContainText(`Clawed back on the ${open?.name} statement`);
  await expect(page.getByText("You cannot undo a merge.")).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "duplicates-merge-check");

  // Without the confirmation: the GOV.UK error, nothing merged.
  await page.getByRole("button", { name: "Merge records" }).click();
  await expect(page.locator(".govuk-error-summary")).toContainText("Confirm that these records are the same person");
  await expect(page).toHaveTitle(/^Error: /);
  await expectAccessible(page);
  await screenshot(page, "duplicates-merge-error");
  expect(await query("SELECT 1 FROM users WHERE id = $1", [pair.second])).toHaveLength(1);

  await page.getByLabel("I confirm that these records are the same person").check();
  await outsideDoubleClickWindow(page);
  await page.getByRole("button", { name: "Merge records" }).click();
  await expect(page).toHaveURL(`/participants/${pair.first}`);
  await expect(page.locator(".govuk-notification-banner--success")).toContainText("Records merged");
  await expect(page.getByText(pair.second).first()).toBeVisible(); // the participant ID changes row
  await expectAccessible(page);
  await screenshot(page, "duplicates-merged");

  // The retired id in the search leads to the kept record.
  await page.goto("/participants");
  await page.getByLabel("Search participants").fill(pair.second);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(`/participants/${pair.first}`);
  await expect(page.getByRole("heading", { level: 1, name: pair.firstName })).toBeVisible();

  // And in the API.
  const api = await playwrightRequest.newContext({ baseURL: e2eState().baseURL, extraHTTPHeaders: { Authorization: `Bearer ${API_TOKENS.ambition}` } });
  try {
    const response = await api.get(`/api/v3/participants/ecf/${pair.second}`);
    expect(response.status()).toBe(200);
    expect(((await response.json()) as { data: { id: string } }).data.id).toBe(pair.first);
  } finally {
    await api.dispose();
  }

  // The pair is gone from the list; its comparison is a 404.
  await page.goto("/duplicates");
  await expect(page.getByRole("row").filter({ hasText: pair.secondName })).toHaveCount(0);
  const gone = await page.goto(`/duplicates/${pair.first}/${pair.second}`);
  expect(gone?.status()).toBe(404);
});
