// A declaration sent through the lead provider API is what finance users then see: it appears on
// the participant's drill-down, is counted on the right statement's page and is a row of that
// statement's CSV. Runs against this run's own database with the demo seed (e2eState); the test
// adds its own participant, so it does not depend on (or disturb) the other journeys' data.
import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { test, expect, signIn, screenshot, withDb, FINANCE_USER } from "./fixtures";

const TOKEN = "demo-token-ambition-institute";


/** A new, eligible Ambition Institute ECT in the 2025 cohort (standard September schedule). */
async function createParticipant(): Promise<{ userId: string; name: string }> {
  const userId = randomUUID();
  const name = `Api Journey ${userId.slice(0, 6)}`;
  await withDb(async (client) => {
    const {
      rows: [place],
    } = await client.query<{ lead_provider_id: string; school_id: string; delivery_partner_id: string; partnership_id: string; schedule_id: string }>(
      `SELECT p.lead_provider_id::text, p.school_id::text, p.delivery_partner_id::text, p.id::text AS partnership_id, s.id::text AS schedule_id
         FROM partnerships p
         JOIN lead_providers lp ON lp.id = p.lead_provider_id
         JOIN cohorts c ON c.id = p.cohort_id
         JOIN schedules s ON s.cohort_id = c.id AND s.identifier = 'ecf-standard-september'
        WHERE lp.name = 'Ambition Institute' AND c.start_year = 2025 AND p.status = 'active'
        ORDER BY p.id LIMIT 1`,
    );
    if (!place) throw new Error("The demo data has no active Ambition Institute partnership in 2025");
    const identityId = randomUUID();
    const profileId = randomUUID();
    await client.query("BEGIN");
    await client.query(`INSERT INTO users (id, full_name, email, created_at, updated_at) VALUES ($1, $2, $3, now(), now())`, [
      userId,
      name,
      `api.journey.${userId.slice(0, 6)}@example.com`,
    ]);
    await client.query(
      `INSERT INTO participant_identities (id, user_id, external_identifier, email, created_at, updated_at) VALUES ($1, $2, $2, $3, now(), now())`,
      [identityId, userId, `api.journey.${userId.slice(0, 6)}@school.example.org`],
    );
    await client.query(
      `INSERT INTO participant_profiles (id, participant_identity_id, type, trn, trn_validated, eligible_for_funding, created_at, updated_at)
       VALUES ($1, $2, 'ect', '7654321', true, true, now(), now())`,
      [profileId, identityId],
    );
    await client.query(
      `INSERT INTO induction_records (id, participant_profile_id, lead_provider_id, school_id, delivery_partner_id, partnership_id, schedule_id, start_date, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, '2025-09-01', now(), now())`,
      [randomUUID(), profileId, place.lead_provider_id, place.school_id, place.delivery_partner_id, place.partnership_id, place.schedule_id],
    );
    await client.query("COMMIT");
  });
  return { userId, name };
}

/** The "Started" row of the statement's Declarations table: the ECT count. */
async function startedEcts(page: Page): Promise<number> {
  const row = page.getByRole("table", { name: "Declarations" }).getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Started", exact: true }) });
  const text = (await row.getByRole("cell").first().innerText()).replace(/,/g, "").trim();
  return Number(text);
}

test("a declaration posted through the API shows on the participant's page, the statement and its CSV", async ({ page, request }) => {
  const participant = await createParticipant();

  // The statement it should land on: Ambition Institute's next open output statement for 2025.
  const statements = await request.get("/api/v3/statements?filter[cohort]=2025&page[per_page]=3000", { headers: { Authorization: `Bearer ${TOKEN}` } });
  expect(statements.status()).toBe(200);
  const open = ((await statements.json()).data as { id: string; attributes: { paid: boolean; cut_off_date: string } }[])
    .filter((s) => !s.attributes.paid && s.attributes.cut_off_date >= new Date().toISOString().slice(0, 10))
    .sort((a, b) => a.attributes.cut_off_date.localeCompare(b.attributes.cut_off_date))[0];
  expect(open).toBeDefined();

  await signIn(page, FINANCE_USER, `/statements/${open?.id}`);
  await page.goto(`/statements/${open?.id}`);
  const before = await startedEcts(page);

  const response = await request.post("/api/v3/participant-declarations", {
    headers: { Authorization: `Bearer ${TOKEN}`, "Content-Type": "application/json" },
    data: {
      data: {
        type: "participant-declaration",
        attributes: {
          participant_id: participant.userId,
          declaration_type: "started",
          declaration_date: "2025-10-01T10:00:00.000Z",
          course_identifier: "ecf-induction",
          evidence_held: "training-event-attended",
        },
      },
    },
  });
  expect(response.status()).toBe(200);
  // The API skips the proxy; its route wrapper gives the response the request's id all the same.
  expect(response.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  const declaration = (await response.json()).data as { id: string; attributes: { state: string; statement_id: string; participant_id: string } };
  expect(declaration.attributes).toMatchObject({ state: "eligible", participant_id: participant.userId });
  // The API's statement is the one we expected, and the API shows it as open.
  expect(declaration.attributes.statement_id).toBe(open?.id);

  // The participant's drill-down lists it, eligible, on that statement.
  await page.goto(`/participants/${participant.userId}`);
  await expect(page.getByRole("heading", { level: 1, name: participant.name })).toBeVisible();
  const row = page.locator("tr", { has: page.locator(`[id="declaration-${declaration.id}"]`) });
  await expect(row).toContainText("Started");
  await expect(row).toContainText("Eligible");
  await expect(row).toContainText("1 October 2025");
  const statementLink = row.getByRole("link").first();
  await expect(statementLink).toHaveAttribute("href", `/statements/${declaration.attributes.statement_id}`);
  await screenshot(page, "api-declaration-on-participant");

  // The statement counts it.
  await statementLink.click();
  await expect(page).toHaveURL(new RegExp(`/statements/${declaration.attributes.statement_id}$`));
  await expect(page.locator("h1")).toContainText("statement");
  expect(await startedEcts(page)).toBe(before + 1);
  await screenshot(page, "api-declaration-on-statement");

  // …and its CSV has the row.
  const csv = await page.request.get(`/statements/${declaration.attributes.statement_id}/declarations.csv`);
  expect(csv.status()).toBe(200);
  const lines = (await csv.text()).split("\r\n");
  const line = lines.find((l) => l.includes(declaration.id));
  expect(line).toBeDefined();
  expect(line).toContain(participant.userId);
  expect(line).toContain(participant.name);
  expect(line).toContain("started");
  expect(line).toContain("Ambition Institute");
});
