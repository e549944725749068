import { test as base, expect, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import pg from "pg";
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";

export const DEMO_PASSWORD = "demo-password-123";
export const FINANCE_USER = "finance@example.com";
/** Finance and approver roles: the only demo user who may authorise statements. */
export const APPROVER_USER = "approver@example.com";
export const VIEWER_USER = "viewer@example.com";

/** Zero axe violations against WCAG 2.2 AA (every level's tags: wcag22aa alone selects only the 2.2 rules). */
export async function expectAccessible(page: Page) {
  // Next streams a page's metadata: after a client-side navigation the <title> arrives a moment
  // after the content. A page is only finished (and fair to check) once it has its title.
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
    .analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(summary).toEqual([]);
}

export async function signIn(page: Page, email: string, callbackPath = "/") {
  await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(callbackPath)}`);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
}

/** Screenshots to look at (e2e/screenshots, not committed). */
export async function screenshot(page: Page, name: string) {
  const dir = path.join(process.cwd(), "e2e", "screenshots");
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

export function e2eState(): { databaseUrl: string | null; baseURL: string } {
  return JSON.parse(readFileSync(path.join(process.cwd(), "test-results", `e2e-state-${process.env.E2E_PORT ?? "3100"}.json`), "utf8"));
}

/** A client on this run's end-to-end database (PostgreSQL; the server made it with the demo seed), or on `databaseUrl`. */
export async function withDb<T>(fn: (client: pg.Client) => Promise<T>, databaseUrl?: string): Promise<T> {
  const url = databaseUrl ?? e2eState().databaseUrl;
  if (!url) throw new Error("This test needs the PostgreSQL end-to-end database (no server was reachable).");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** One query on this run's end-to-end database. */
export async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  return withDb(async (client) => (await client.query<T>(sql, params)).rows);
}

/** GOV.UK buttons with data-prevent-double-click ignore a second click within a second of the first (as a person's double click would be): wait it out before pressing again. */
export async function outsideDoubleClickWindow(page: Page) {
  await page.waitForTimeout(1100);
}

export const test = base;
export { expect };
