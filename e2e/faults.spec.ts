// Faults seen from the browser (issue 8): the database connection is dropped in the middle of a void,
// an adjustment and an authorisation. The user gets the GOV.UK "Sorry, there is a problem with the
// service" page saying nothing was changed, a digest of every table proves nothing was half-written,
// and the next page load works on the same server (its pool has recovered).
//
// How the connection is dropped: a second connection takes `LOCK TABLE audit_logs IN SHARE MODE`, so
// the action's transaction stops at its audit entry, the last write of every money-changing
// transaction, after all its other writes. PostgreSQL then ends that backend (pg_terminate_backend),
// as it ends every connection when it is shut down or restarted. (tests/integration/faults covers
// the same three actions with a TCP proxy cutting the network, and /healthz going 503 then 200.)
import type { Page } from "@playwright/test";
import type pg from "pg";
import { test, expect, expectAccessible, signIn, screenshot, query, withDb, APPROVER_USER, FINANCE_USER } from "./fixtures";
import { changedTables, digest, statementId } from "./support/db";

const ERROR_HEADING = "Sorry, there is a problem with the service";

/**
 * Runs `act` (which submits a form) while audit_logs is locked, waits until the action's transaction
 * is stuck behind the lock having already written, ends that backend, and releases the lock.
 * Returns what the ended backend had written: the tables it held write locks on.
 */
async function dropConnectionAtAuditEntry(act: () => Promise<void>): Promise<string[]> {
  return withDb(async (blocker: pg.Client) => {
    await blocker.query("BEGIN");
    await blocker.query("LOCK TABLE audit_logs IN SHARE MODE");
    const { rows: me } = await blocker.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
    const blockerPid = me[0]!.pid;
    try {
      await act();
      let waiting: number | undefined;
      for (const deadline = Date.now() + 15_000; waiting === undefined; ) {
        const { rows } = await blocker.query<{ pid: number }>(
          `SELECT pid FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> $1 AND $1 = ANY (pg_blocking_pids(pid))`,
          [blockerPid],
        );
        waiting = rows[0]?.pid;
        if (waiting === undefined) {
          if (Date.now() > deadline) throw new Error("The action never reached its audit entry");
          await new Promise((resolve) => setTimeout(resolve, 25));
        }
      }
      const { rows: written } = await blocker.query<{ relation: string }>(
        `SELECT DISTINCT c.relname AS relation FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
          WHERE l.pid = $1 AND l.granted AND l.mode = 'RowExclusiveLock' AND c.relkind IN ('r', 'p')
          ORDER BY 1`,
        [waiting],
      );
      const { rows: ended } = await blocker.query<{ ok: boolean }>("SELECT pg_terminate_backend($1) AS ok", [waiting]);
      expect(ended[0]?.ok).toBe(true);
      return written.map((row) => row.relation);
    } finally {
      await blocker.query("ROLLBACK");
    }
  });
}

async function expectErrorPage(page: Page) {
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(ERROR_HEADING);
  await expect(page.getByText("Nothing was changed. Any change you were making was not saved.")).toBeVisible();
  await expect(page.locator(".govuk-notification-banner--success")).toHaveCount(0);
  await expectAccessible(page);
}

test.describe("the database connection drops during a money-changing action", () => {
  test("void: the error page, nothing written, and the declaration can still be opened", async ({ page }) => {
    const [declaration] = await query<{ id: string; user_id: string }>(
      `SELECT d.id::text, d.user_id::text FROM participant_declarations d
         JOIN lead_providers lp ON lp.id = d.lead_provider_id JOIN cohorts c ON c.id = d.cohort_id
        WHERE d.state = 'eligible' AND lp.name = 'Best Practice Network' AND c.payments_frozen_at IS NULL
        ORDER BY d.id DESC LIMIT 1`,
    );
    if (!declaration) throw new Error("The demo data has no eligible Best Practice Network declaration");
    const voidPath = `/participants/${declaration.user_id}/declarations/${declaration.id}/void`;
    await signIn(page, FINANCE_USER, voidPath);
    await page.getByLabel("Reason for voiding").fill("Duplicate declaration");
    const before = await digest();

    const written = await dropConnectionAtAuditEntry(() => page.getByRole("button", { name: "Void declaration" }).click());
    // The void had already changed the declaration and its line item when the connection went.
    expect(written).toEqual(expect.arrayContaining(["participant_declarations", "statement_line_items"]));
    await expectErrorPage(page);
    await screenshot(page, "fault-void-error");
    expect(changedTables(before, await digest())).toEqual([]);

    await page.goto(voidPath);
    await expect(page.getByRole("button", { name: "Void declaration" })).toBeVisible();
    await expect(page.locator(".govuk-summary-list .govuk-tag")).toHaveText("Eligible");
  });

  test("adjustment: the error page, no adjustment, and the statement still shows", async ({ page }) => {
    const id = await statementId("Best Practice Network", 2025, "October 2026");
    await signIn(page, FINANCE_USER, `/statements/${id}/adjustments/new`);
    await page.getByLabel("Name of the adjustment").fill("Late ECT correction");
    await page.getByLabel("Amount").fill("-125.50");
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check the adjustment before adding it");
    const before = await digest();

    const written = await dropConnectionAtAuditEntry(() => page.getByRole("button", { name: "Add adjustment" }).click());
    expect(written).toContain("additional_adjustments");
    await expectErrorPage(page);
    expect(changedTables(before, await digest())).toEqual([]);
    expect(await query("SELECT 1 FROM additional_adjustments WHERE name = $1", ["Late ECT correction"])).toEqual([]);

    await page.goto(`/statements/${id}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("October 2026 statement");
    await expect(page.getByText("Late ECT correction")).toHaveCount(0);
  });

  test("authorisation: the error page, and the statement still payable with its Authorise button", async ({ page }) => {
    const id = await statementId("Best Practice Network", 2025, "October 2026");
    await signIn(page, APPROVER_USER, `/statements/${id}/authorise`);
    await page.getByLabel("I confirm that all the necessary checks have been done").check();
    const before = await digest();

    const written = await dropConnectionAtAuditEntry(() => page.getByRole("button", { name: "Authorise for payment" }).click());
    // Line items, the statement's status and its snapshot had been written.
    expect(written).toEqual(expect.arrayContaining(["statements", "statement_line_items"]));
    await expectErrorPage(page);
    await screenshot(page, "fault-authorise-error");
    expect(changedTables(before, await digest())).toEqual([]);

    await page.goto(`/statements/${id}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("October 2026 statement Payable");
    await expect(page.getByRole("button", { name: "Authorise for payment" })).toBeVisible();
  });
});
