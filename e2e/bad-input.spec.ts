// The bad-input corpus (issue 8) through every form and every lead provider API endpoint with a
// body, a query or a path id: each answer is a clear message (the GOV.UK error summary / the
// form's errors, or a JSON:API error with a 4xx), never a 500; what is echoed back is escaped; and
// a digest of every table proves nothing changed.
import { readFileSync } from "node:fs";
import { request as playwrightRequest, type APIRequestContext, type APIResponse } from "@playwright/test";
import { test, expect, e2eState, withDb, APPROVER_USER, FINANCE_USER } from "./fixtures";
import { routes, dynamicSegments, manifestActions, fillPattern } from "./support/app-map";
import { FORM_ARG, INITIAL_FORM_STATE, postAction, type ActionArg } from "./support/actions";
import { CORPUS, JSON_CORPUS, SCRIPT, hasUnescapedScript } from "./support/corpus";
import { changedTables, digest, seedIds, type Digest, type SeedIds } from "./support/db";
import { API_TOKENS, sessionFor } from "./support/identities";

let baseURL: string;
let ids: SeedIds;
let finance: APIRequestContext;
/** Authorising is for approvers only (a finance-only user gets 403 before the form is read). */
let approver: APIRequestContext;
let anonymous: APIRequestContext;
let api: APIRequestContext;
let paidStatementId: string;
let ambitionParticipantId: string;
let ambitionPartnershipId: string;
let before: Digest;
const failures: string[] = [];
let cases = 0;

function check(ok: boolean, what: string) {
  cases++;
  if (!ok) failures.push(what);
}

test.beforeAll(async ({ browser }) => {
  baseURL = e2eState().baseURL;
  ids = await seedIds();
  anonymous = await playwrightRequest.newContext({ baseURL, maxRedirects: 0 });
  finance = await playwrightRequest.newContext({ baseURL, maxRedirects: 0, storageState: await sessionFor(browser, baseURL, FINANCE_USER) });
  approver = await playwrightRequest.newContext({ baseURL, maxRedirects: 0, storageState: await sessionFor(browser, baseURL, APPROVER_USER) });
  api = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${API_TOKENS.ambition}` } });
  await withDb(async (client) => {
    paidStatementId = (await client.query<{ id: string }>(`SELECT id::text FROM statements WHERE status = 'paid' ORDER BY id LIMIT 1`)).rows[0]!.id;
    const place = (
      await client.query<{ user_id: string; partnership_id: string }>(
        `SELECT pi.user_id::text, ir.partnership_id::text FROM induction_records ir
           JOIN participant_profiles pp ON pp.id = ir.participant_profile_id
           JOIN participant_identities pi ON pi.id = pp.participant_identity_id
           JOIN lead_providers lp ON lp.id = ir.lead_provider_id
          WHERE lp.name = 'Ambition Institute' AND ir.partnership_id IS NOT NULL ORDER BY ir.id LIMIT 1`,
      )
    ).rows[0]!;
    ambitionParticipantId = place.user_id;
    ambitionPartnershipId = place.partnership_id;
  });
  before = await digest();
});

test.afterAll(async () => {
  await Promise.all([anonymous?.dispose(), finance?.dispose(), approver?.dispose(), api?.dispose()]);
  console.log(`Bad-input corpus: ${CORPUS.length} strings + ${JSON_CORPUS.length - CORPUS.length} wrong JSON types; ${cases} cases, ${failures.length} failures`);
});

function actionId(file: string, name: string): string {
  const found = manifestActions().find((a) => a.file === file && a.name === name);
  if (!found) throw new Error(`${file}#${name} is not in the build's manifest`);
  return found.id;
}

/** A form action's answer: its FormState with at least one error message, no 500, nothing escaped wrongly. */
async function expectFormError(response: APIResponse, what: string) {
  const body = await response.text();
  const redirectedToCheck = [303, 307].includes(response.status()) || !!response.headers()["x-action-redirect"];
  check(response.status() < 500, `${what}: ${response.status()}`);
  check(redirectedToCheck || (response.status() === 200 && /"errors":\[\{"field"/.test(body)), `${what}: no error message (${response.status()})`);
  // The answer is React's data stream (text/x-component, JSON): React escapes it when it renders.
  // Only HTML answers must not hold the markup itself (the browser and GET tests check rendering).
  if (response.headers()["content-type"]?.includes("text/html")) check(!hasUnescapedScript(body), `${what}: unescaped script`);
}

test("forms through the real browser: sign-in and the participant search show the error or the text, escaped", async ({ page }) => {
  for (const value of [SCRIPT, "x".repeat(10_240), "'; DROP TABLE users; --", "  "]) {
    await page.goto("/sign-in");
    await page.getByLabel("Email address").fill(value);
    await page.getByLabel("Password").fill(value);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator(".govuk-error-summary")).toBeVisible();
    expect(await page.locator("script", { hasText: "alert(1)" }).count()).toBe(0);
    check(!hasUnescapedScript(await page.content()), `sign-in form ${value.slice(0, 20)}: unescaped script`);
  }
  const context = page.context();
  const state = await sessionFor(page.context().browser()!, baseURL, FINANCE_USER);
  await context.addCookies(state.cookies);
  for (const entry of CORPUS.filter((e) => e.value.length < 1000)) {
    const response = await page.goto(`/participants?q=${encodeURIComponent(entry.value)}`);
    check((response?.status() ?? 500) < 500, `participant search ${entry.name}: ${response?.status()}`);
    check(!hasUnescapedScript(await page.content()), `participant search ${entry.name}: unescaped script`);
  }
  expect(await page.locator("script", { hasText: "alert(1)" }).count()).toBe(0);
  expect(failures).toEqual([]);
});

test("GET parameters of the finance pages: never a 500, escaped", async () => {
  test.setTimeout(120_000);
  const gets: ((v: string) => string)[] = [
    (v) => `/participants?q=${encodeURIComponent(v)}`,
    (v) => `/participants?q=smith&page=${encodeURIComponent(v)}`,
    (v) => `/statements?lead-provider=${encodeURIComponent(v)}&cohort=${encodeURIComponent(v)}&statement=${encodeURIComponent(v)}&page=${encodeURIComponent(v)}`,
    (v) => `/statements?listed-for-provider=${encodeURIComponent(v)}&listed-for-cohort=${encodeURIComponent(v)}`,
    (v) => `/statements/${ids.statementId}/voided?type=${encodeURIComponent(v)}&page=${encodeURIComponent(v)}`,
    (v) => `/statements/${ids.statementId}/clawbacks?type=${encodeURIComponent(v)}&page=${encodeURIComponent(v)}`,
    (v) => `/statements/${ids.openStatementId}/adjustments/new?name=${encodeURIComponent(v)}&amount=${encodeURIComponent(v)}`,
    (v) => `/statements/${ids.openStatementId}/adjustments/new/check?name=${encodeURIComponent(v)}&amount=${encodeURIComponent(v)}`,
    (v) => `/statements/${ids.statementId}/adjustments/${ids.adjustmentId}/change/check?name=${encodeURIComponent(v)}&amount=10&version=${encodeURIComponent(v)}`,
    (v) => `/statements/${encodeURIComponent(v)}`,
    (v) => `/statements/${encodeURIComponent(v)}/declarations.csv`,
    (v) => `/participants/${encodeURIComponent(v)}`,
    (v) => `/participants/${ids.participantId}/declarations/${encodeURIComponent(v)}/void`,
    (v) => `/audit?who=${encodeURIComponent(v)}&what=${encodeURIComponent(v)}&from=${encodeURIComponent(v)}&to=${encodeURIComponent(v)}&page=${encodeURIComponent(v)}`,
    (v) => `/audit?who=staff:${encodeURIComponent(v)}&what=void&what=${encodeURIComponent(v)}`,
    (v) => `/audit/audit.csv?who=${encodeURIComponent(v)}&what=${encodeURIComponent(v)}&from=${encodeURIComponent(v)}&to=${encodeURIComponent(v)}`,
    (v) => `/duplicates?page=${encodeURIComponent(v)}`,
    (v) => `/duplicates/${encodeURIComponent(v)}/${ids.otherParticipantId}`,
    (v) => `/duplicates/${ids.participantId}/${encodeURIComponent(v)}`,
    (v) => `/duplicates/${ids.participantId}/${encodeURIComponent(v)}/merge`,
    (v) => `/duplicates/${encodeURIComponent(v)}/${ids.otherParticipantId}/merge`,
    (v) => `/schedules/${encodeURIComponent(v)}`,
    (v) => `/participants/${ids.participantId}/training-status/${encodeURIComponent(v)}`,
    (v) => `/participants/${encodeURIComponent(v)}/training-status/${ids.profileId}/check?status=deferred&deferralReason=other`,
    (v) => `/participants/${ids.participantId}/training-status/${ids.profileId}?status=${encodeURIComponent(v)}&deferralReason=${encodeURIComponent(v)}&withdrawalReason=${encodeURIComponent(v)}`,
    (v) => `/participants/${ids.participantId}/training-status/${ids.profileId}/check?status=${encodeURIComponent(v)}&deferralReason=${encodeURIComponent(v)}&withdrawalReason=${encodeURIComponent(v)}`,
    (v) => `/participants/${ids.participantId}/training-status/${ids.profileId}/check?status=withdrawn&withdrawalReason=${encodeURIComponent(v)}`,
  ];
  const calls: (() => Promise<void>)[] = [];
  for (const entry of CORPUS) {
    for (const make of gets) {
      const url = make(entry.value);
      if (url.endsWith("/") || /\/\/|\/\s*$/.test(url)) continue;
      calls.push(async () => {
        const response = await finance.get(url);
        check(response.status() < 500, `GET ${url.slice(0, 80)} (${entry.name}): ${response.status()}`);
        check(!hasUnescapedScript(await response.text()), `GET ${url.slice(0, 80)} (${entry.name}): unescaped script`);
      });
    }
  }
  await inBatches(calls, 4);
  expect(failures).toEqual([]);
});

test("the audit log's filters: bad dates, huge inputs and unknown choices are GOV.UK errors, never a 500", async () => {
  const cases: [string, string][] = [
    ["/audit?from=2024-02-30", "Enter a real date"],
    ["/audit?to=31%2F13%2F2024", "Enter a real date"],
    [`/audit?from=${"9".repeat(10_240)}`, "Enter a real date"],
    ["/audit?from=2%2F7%2F2026&to=1%2F7%2F2026", "The end date must be the same as or after the start date"],
    ["/audit?what=nonsense", "Select the types of change from the list"],
    [`/audit?${"what=void&".repeat(200)}`, "Select the types of change from the list"],
    [`/audit?who=${"x".repeat(10_240)}`, "Select who made the change from the list"],
    ["/audit?who=staff:not-a-uuid", "Select who made the change from the list"],
  ];
  for (const [url, message] of cases) {
    const response = await finance.get(url);
    check(response.status() === 200, `GET ${url.slice(0, 60)}: ${response.status()}`);
    const body = await response.text();
    check(body.includes("govuk-error-summary") && body.includes(message), `GET ${url.slice(0, 60)}: no "${message}"`);
  }
  expect(failures).toEqual([]);
});

test("server action forms: sign-in, void, adjustments add/change/remove, authorise, merge, training status: an error message, never a 500, nothing written", async () => {
  test.setTimeout(180_000);
  const signIn = actionId("app/sign-in/actions.ts", "signIn");
  const voidAction = actionId("app/participants/[id]/declarations/[declarationId]/void/actions.ts", "voidDeclarationAction");
  const adjustments = "app/statements/[statementId]/adjustments/actions.ts";
  const checkNew = actionId(adjustments, "checkNewAdjustment");
  const confirmNew = actionId(adjustments, "confirmNewAdjustment");
  const checkChanged = actionId(adjustments, "checkChangedAdjustment");
  const confirmChanged = actionId(adjustments, "confirmChangedAdjustment");
  const confirmRemoved = actionId(adjustments, "confirmRemovedAdjustment");
  const confirmApproval = actionId(adjustments, "confirmAdjustmentApproval");
  const authorise = actionId("app/statements/[statementId]/authorise/actions.ts", "authoriseForPayment");
  const merge = actionId("app/duplicates/[id]/[otherId]/merge/actions.ts", "mergeDuplicate");
  const mergeUrl = `/duplicates/${ids.participantId}/${ids.otherParticipantId}/merge`;
  const trainingStatusActions = "app/participants/[id]/training-status/[profileId]/actions.ts";
  const chooseStatus = actionId(trainingStatusActions, "chooseTrainingStatus");
  const confirmStatus = actionId(trainingStatusActions, "confirmTrainingStatus");
  const statusUrl = `/participants/${ids.participantId}/training-status/${ids.profileId}`;
  const post = (ctx: APIRequestContext, url: string, id: string, args: ActionArg[], form: Record<string, string>) =>
    postAction(ctx, baseURL, { url, actionId: id, args, form });
  const voidUrl = `/participants/${ids.participantId}/declarations/${ids.declarationId}/void`;
  const wrongState = ids.declarationState === "voided" ? "submitted" : "voided";
  const newUrl = `/statements/${paidStatementId}/adjustments/new`;
  const changeUrl = `/statements/${ids.statementId}/adjustments/${ids.adjustmentId}/change`;

  for (const entry of CORPUS) {
    const v = entry.value;
    const s = INITIAL_FORM_STATE;
    await expectFormError(await post(anonymous, "/sign-in", signIn, [s, FORM_ARG], { email: v, password: v }), `sign-in ${entry.name}`);
    // The void is refused however the reason reads (the page's state is out of date), so any text that passes the schema changes nothing.
    await expectFormError(await post(finance, voidUrl, voidAction, [ids.participantId, ids.declarationId, s, FORM_ARG], { reason: v, expectedState: wrongState }), `void reason ${entry.name}`);
    await expectFormError(await post(finance, voidUrl, voidAction, [v, v, s, FORM_ARG], { reason: "A reason", expectedState: ids.declarationState }), `void ids ${entry.name}`);
    await expectFormError(await post(finance, voidUrl, voidAction, [ids.participantId, ids.declarationId, s, FORM_ARG], { reason: "A reason", expectedState: v }), `void expectedState ${entry.name}`);
    // Adding: on a paid statement (refused) and with bad statement ids; name and amount from the corpus.
    await expectFormError(await post(finance, newUrl, checkNew, [paidStatementId, s, FORM_ARG], { name: v, amount: v }), `add check ${entry.name}`);
    await expectFormError(await post(finance, newUrl, checkNew, [paidStatementId, s, FORM_ARG], { name: "Fine name", amount: v }), `add amount ${entry.name}`);
    await expectFormError(await post(finance, newUrl, checkNew, [v, s, FORM_ARG], { name: "Fine name", amount: "10" }), `add statement id ${entry.name}`);
    await expectFormError(await post(finance, newUrl, confirmNew, [paidStatementId, s, FORM_ARG], { name: v, amount: v, token: v }), `add confirm ${entry.name}`);
    await expectFormError(await post(finance, newUrl, confirmNew, [paidStatementId, s, FORM_ARG], { name: v, amount: "10", token: "0b8f7d1e-3c1a-4f7e-9d55-5a0f3b7c9e22" }), `add confirm name ${entry.name}`);
    await expectFormError(await post(finance, newUrl, confirmNew, [v, s, FORM_ARG], { name: "Fine", amount: "10", token: "0b8f7d1e-3c1a-4f7e-9d55-5a0f3b7c9e23" }), `add confirm statement ${entry.name}`);
    // Changing: a stale or bad version means nothing is written.
    await expectFormError(await post(finance, changeUrl, checkChanged, [ids.statementId, ids.adjustmentId, s, FORM_ARG], { name: v, amount: v, version: v }), `change check ${entry.name}`);
    await expectFormError(await post(finance, changeUrl, confirmChanged, [ids.statementId, ids.adjustmentId, s, FORM_ARG], { name: v, amount: "10", version: "2000-01-01T00:00:00.000Z" }), `change confirm ${entry.name}`);
    await expectFormError(await post(finance, changeUrl, confirmChanged, [v, v, s, FORM_ARG], { name: "Fine", amount: "10", version: v }), `change confirm ids ${entry.name}`);
    // Removing with bad ids; authorising with a bad checkbox value or a bad statement id.
    await expectFormError(await post(finance, changeUrl, confirmRemoved, [v, v, s], {}), `remove ${entry.name}`);
    await expectFormError(await post(approver, `/statements/${ids.openStatementId}/authorise`, authorise, [ids.openStatementId, s, FORM_ARG], { confirm: v }), `authorise confirm ${entry.name}`);
    await expectFormError(await post(approver, `/statements/${ids.openStatementId}/authorise`, authorise, [v, s, FORM_ARG], { confirm: "yes" }), `authorise id ${entry.name}`);
    // The figures the page showed, from the corpus: an error, never a 500, nothing written.
    await expectFormError(
      await post(approver, `/statements/${ids.openStatementId}/authorise`, authorise, [ids.openStatementId, s, FORM_ARG], { confirm: "yes", fingerprint: v, totalWithVat: v }),
      `authorise figures ${entry.name}`,
    );
    // Confirming an adjustment (approvers): a bad version, or bad ids.
    const confirmUrl = `/statements/${ids.statementId}/adjustments/${ids.adjustmentId}/confirm`;
    await expectFormError(await post(approver, confirmUrl, confirmApproval, [ids.statementId, ids.adjustmentId, s, FORM_ARG], { version: v }), `confirm adjustment version ${entry.name}`);
    await expectFormError(await post(approver, confirmUrl, confirmApproval, [v, v, s, FORM_ARG], { version: "2026-01-01T00:00:00.000Z" }), `confirm adjustment ids ${entry.name}`);
    // Merging duplicate records: a bad checkbox value, or bad ids with a valid checkbox (nobody to merge).
    await expectFormError(await post(finance, mergeUrl, merge, [ids.participantId, ids.otherParticipantId, s, FORM_ARG], { confirm: v }), `merge confirm ${entry.name}`);
    await expectFormError(await post(finance, mergeUrl, merge, [v, ids.otherParticipantId, s, FORM_ARG], { confirm: "yes" }), `merge kept id ${entry.name}`);
    await expectFormError(await post(finance, mergeUrl, merge, [ids.participantId, v, s, FORM_ARG], { confirm: "yes" }), `merge retired id ${entry.name}`);
    // Training status: any field from the corpus, or bad ids with a valid form, is an error on the form; nothing changes.
    for (const action of [chooseStatus, confirmStatus]) {
      await expectFormError(await post(finance, statusUrl, action, [ids.participantId, ids.profileId, s, FORM_ARG], { status: v, deferralReason: v, withdrawalReason: v }), `training status ${entry.name}`);
      await expectFormError(await post(finance, statusUrl, action, [ids.participantId, ids.profileId, s, FORM_ARG], { status: "deferred", deferralReason: v, withdrawalReason: "other" }), `training status deferral reason ${entry.name}`);
      await expectFormError(await post(finance, statusUrl, action, [ids.participantId, ids.profileId, s, FORM_ARG], { status: "withdrawn", deferralReason: "other", withdrawalReason: v }), `training status withdrawal reason ${entry.name}`);
      await expectFormError(await post(finance, statusUrl, action, [v, v, s, FORM_ARG], { status: "deferred", deferralReason: "other", withdrawalReason: "" }), `training status ids ${entry.name}`);
      await expectFormError(await post(finance, statusUrl, action, [ids.participantId, v, s, FORM_ARG], { status: "withdrawn", deferralReason: "", withdrawalReason: "other" }), `training status profile id ${entry.name}`);
    }
  }
  const changed = changedTables(before, await digest());
  check(changed.length === 0, `tables changed: ${changed.join(", ")}`);
  expect(failures).toEqual([]);
});

async function expectApiError(response: APIResponse, what: string, allowOk = false) {
  const status = response.status();
  const text = await response.text();
  if (allowOk && status === 200) return check(true, what);
  let errors = false;
  try {
    const json = JSON.parse(text) as { errors?: { title?: string; detail?: string }[] };
    errors = Array.isArray(json.errors) && json.errors.length > 0 && json.errors.every((e) => typeof e.title === "string" && typeof e.detail === "string");
  } catch {
    errors = false;
  }
  check(status >= 400 && status < 500, `${what}: ${status}`);
  check(errors, `${what}: not a JSON:API error (${text.slice(0, 120)})`);
  check(!hasUnescapedScript(text) || response.headers()["content-type"]?.includes("json") === true, `${what}: unescaped script in a non-JSON answer`);
}

/** Runs the calls a few at a time (the server is local; this keeps the spec fast). */
async function inBatches(calls: (() => Promise<void>)[], size = 8) {
  for (let i = 0; i < calls.length; i += size) await Promise.all(calls.slice(i, i + size).map((call) => call()));
}

test("API bodies: every attribute and document shape gets a JSON:API 4xx, never a 500, nothing written", async () => {
  test.setTimeout(90_000);
  const calls: (() => Promise<void>)[] = [];
  const participantBody = (type: string, attributes: Record<string, unknown>) => ({ data: { type, attributes } });
  const declaration = { participant_id: ambitionParticipantId, declaration_type: "started", declaration_date: "2025-10-01T10:00:00Z", course_identifier: "ecf-induction" };
  const bodies: { url: string; method: "POST" | "PUT"; type: string; base: Record<string, unknown> }[] = [
    { url: "/api/v3/participant-declarations", method: "POST", type: "participant-declaration", base: declaration },
    { url: `/api/v3/participants/ecf/${ambitionParticipantId}/defer`, method: "PUT", type: "participant-defer", base: { reason: "career-break", course_identifier: "ecf-induction" } },
    { url: `/api/v3/participants/ecf/${ambitionParticipantId}/withdraw`, method: "PUT", type: "participant-withdraw", base: { reason: "left-teaching-profession", course_identifier: "ecf-induction" } },
    { url: `/api/v3/participants/ecf/${ambitionParticipantId}/resume`, method: "PUT", type: "participant-resume", base: { course_identifier: "ecf-induction" } },
    { url: `/api/v3/participants/ecf/${ambitionParticipantId}/change-schedule`, method: "PUT", type: "participant-change-schedule", base: { schedule_identifier: "ecf-standard-january", course_identifier: "ecf-induction", cohort: 2025 } },
    { url: "/api/v3/partnerships/ecf", method: "POST", type: "ecf-partnership", base: { cohort: 2025, school_id: ids.participantId, delivery_partner_id: ids.participantId } },
    { url: `/api/v3/partnerships/ecf/${ambitionPartnershipId}`, method: "PUT", type: "ecf-partnership-update", base: { delivery_partner_id: ids.participantId } },
  ];
  for (const body of bodies) {
    for (const attribute of Object.keys(body.base)) {
      for (const entry of JSON_CORPUS) {
        calls.push(async () => {
          const response = await api.fetch(body.url, { method: body.method, data: participantBody(body.type, { ...body.base, [attribute]: entry.value }) });
          await expectApiError(response, `${body.method} ${body.url} ${attribute}=${entry.name}`);
        });
      }
    }
    // Wrong shapes of the whole document.
    const shapes: [string, string | object, string][] = [
      ["not JSON", "{not json", "application/json"],
      ["array", "[]", "application/json"],
      ["data is a string", JSON.stringify({ data: "x" }), "application/json"],
      ["attributes is an array", JSON.stringify({ data: { type: body.type, attributes: [] } }), "application/json"],
      ["wrong type", JSON.stringify({ data: { type: SCRIPT, attributes: body.base } }), "application/json"],
      ["null", "null", "application/json"],
      ["form encoded", "a=1", "application/x-www-form-urlencoded"],
      ["empty", "", "application/json"],
      ["deep nesting", `${"[".repeat(5000)}${"]".repeat(5000)}`, "application/json"],
      ["over 1 MB", JSON.stringify({ data: { type: body.type, attributes: { ...body.base, padding: "x".repeat(1_100_000) } } }), "application/json"],
    ];
    for (const [name, data, contentType] of shapes) {
      calls.push(async () => {
        const response = await api.fetch(body.url, { method: body.method, data: typeof data === "string" ? data : JSON.stringify(data), headers: { "Content-Type": contentType } });
        await expectApiError(response, `${body.method} ${body.url} body ${name}`);
      });
    }
  }
  await inBatches(calls);
  const changed = changedTables(before, await digest());
  check(changed.length === 0, `tables changed: ${changed.join(", ")}`);
  expect(failures).toEqual([]);
});

test("API path ids: every [id] route with every corpus id gets a JSON:API 4xx, never a 500", async () => {
  test.setTimeout(60_000);
  const calls: (() => Promise<void>)[] = [];

  // Path ids from the corpus on every API route with an id.
  for (const route of routes().filter((r) => r.pattern.startsWith("/api/") && dynamicSegments(r.pattern).length > 0)) {
    for (const entry of CORPUS) {
      if (entry.value.trim() === "" || entry.value.includes("/")) continue;
      const url = fillPattern(route.pattern, Object.fromEntries(dynamicSegments(route.pattern).map((s) => [s, encodeURIComponent(entry.value)])));
      for (const method of route.methods) {
        calls.push(async () => {
          const response = await api.fetch(url, { method, data: method === "GET" ? undefined : { data: { type: "x", attributes: {} } } });
          await expectApiError(response, `${method} ${route.pattern} id=${entry.name}`);
        });
      }
    }
  }
  await inBatches(calls);
  const changed = changedTables(before, await digest());
  check(changed.length === 0, `tables changed: ${changed.join(", ")}`);
  expect(failures).toEqual([]);
});

test("API filters and pagination on every list: a 200 or a JSON:API 4xx, never a 500", async () => {
  test.setTimeout(60_000);
  const calls: (() => Promise<void>)[] = [];

  // Filters and pagination on every list: a 200 (ignored/empty) or a JSON:API 4xx, never a 500.
  for (const route of routes().filter((r) => r.pattern.startsWith("/api/") && dynamicSegments(r.pattern).length === 0 && r.methods.includes("GET"))) {
    // The filters the route reads (from its source, so a new filter is covered), the shared ones and paging.
    const own = readFileSync(route.file, "utf8").match(/filter\[[a-z_]+\]/g) ?? [];
    const params = [...new Set([...own, "filter[updated_since]", "page[page]", "page[per_page]"])];
    for (const entry of CORPUS) {
      for (const param of params) {
        calls.push(async () => {
          const response = await api.get(`${route.pattern}?${encodeURIComponent(param)}=${encodeURIComponent(entry.value)}${route.pattern.includes("schools") && param !== "filter[cohort]" ? "&filter%5Bcohort%5D=2025" : ""}`);
          await expectApiError(response, `GET ${route.pattern} ${param}=${entry.name}`, true);
        });
      }
    }
  }
  await inBatches(calls);
  const changed = changedTables(before, await digest());
  check(changed.length === 0, `tables changed: ${changed.join(", ")}`);
  expect(failures).toEqual([]);
});

// Last, because it writes: text that is legitimate but hostile is stored as text and shown escaped.
test("a void reason with a NUL is refused with a message; one with HTML, SQL and right-to-left text is stored and shown escaped", async () => {
  const voidAction = actionId("app/participants/[id]/declarations/[declarationId]/void/actions.ts", "voidDeclarationAction");
  const url = `/participants/${ids.participantId}/declarations/${ids.declarationId}/void`;
  const args: ActionArg[] = [ids.participantId, ids.declarationId, INITIAL_FORM_STATE, FORM_ARG];
  const unchanged = await digest();
  // PostgreSQL refuses a NUL in text (this was a 500): the form says so instead.
  const nul = await postAction(finance, baseURL, { url, actionId: voidAction, args, form: { reason: `Duplicate ${"\u0000"} entry`, expectedState: ids.declarationState } });
  expect(nul.status()).toBe(200);
  expect(await nul.text()).toContain("Reason for voiding must only include letters, numbers, spaces and punctuation");
  expect(changedTables(unchanged, await digest())).toEqual([]);

  const reason = `${SCRIPT} '; DROP TABLE users; -- \u202Eمرحبا\u202C`;
  const voided = await postAction(finance, baseURL, { url, actionId: voidAction, args, form: { reason, expectedState: ids.declarationState } });
  expect(voided.status()).toBeLessThan(500);
  const stored = await withDb(async (client) => (await client.query<{ n: string }>(`SELECT count(*)::text AS n FROM audit_logs WHERE reason LIKE '%DROP TABLE users%'`)).rows[0]?.n);
  expect(Number(stored)).toBeGreaterThan(0);
  for (const path of [`/participants/${ids.participantId}`, url]) {
    const page = await finance.get(path);
    expect(page.status()).toBe(200);
    expect(hasUnescapedScript(await page.text())).toBe(false);
  }
});

/** Return paths that try to leave the app: raw, percent-encoded, with control characters and backslashes. */
const RETURN_PATHS = [
  "//evil.example/",
  "/\t/evil.example/",
  "/%09/evil.example/",
  "/%0a/evil.example/",
  "/%0d%0a/evil.example/",
  "\\evil.example",
  "/\\evil.example",
  "/%5Cevil.example",
  "/%2F%2Fevil.example",
  "%2F%2Fevil.example",
  "https://evil.example/",
  "http:evil.example",
  "javascript:alert(1)",
  "/\u0000/evil.example",
  "/".repeat(5000) + "evil.example",
];

test("return paths: a signed-in user sent to /sign-in, and a user signing in, only ever land on our own origin", async ({ page }) => {
  test.setTimeout(180_000);
  const own = new URL(baseURL).origin;
  for (const value of RETURN_PATHS) {
    // Signed in already: /sign-in redirects straight to the return path.
    const response = await finance.get(`/sign-in?callbackUrl=${encodeURIComponent(value)}`);
    const location = response.headers().location ?? "";
    check([303, 307, 308].includes(response.status()), `signed in, ${JSON.stringify(value).slice(0, 40)}: status ${response.status()}`);
    check(new URL(location, baseURL).origin === own && !/evil/.test(location), `signed in, ${JSON.stringify(value).slice(0, 40)}: to ${location.slice(0, 80)}`);
  }
  for (const value of RETURN_PATHS.slice(0, 8)) {
    // Signing in through the form: after the sign-in the browser is on our origin, never elsewhere.
    await page.context().clearCookies();
    await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(value)}`);
    await page.getByLabel("Email address").fill(FINANCE_USER);
    await page.getByLabel("Password").fill("demo-password-123");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
    check(new URL(page.url()).origin === own, `signing in, ${JSON.stringify(value).slice(0, 40)}: landed on ${page.url().slice(0, 80)}`);
  }
  expect(failures).toEqual([]);
});

test("API tokens: missing, malformed, unknown, huge or oddly written ones all get the same 401", async () => {
  const UNAUTHORISED = {
    errors: [{ title: "Unauthorised", detail: "HTTP Token: Access denied. Send your API token in the header 'Authorization: Bearer <token>'." }],
  };
  const headers: (Record<string, string> | undefined)[] = [
    undefined,
    { Authorization: "" },
    { Authorization: "Bearer" },
    { Authorization: "Bearer " },
    { Authorization: `Basic ${Buffer.from(`x:${API_TOKENS.ambition}`).toString("base64")}` },
    { Authorization: `Token ${API_TOKENS.ambition}` },
    { Authorization: `Bearer ${API_TOKENS.ambition}x` },
    { Authorization: `Bearer ${API_TOKENS.ambition.toUpperCase()}` },
    { Authorization: `Bearer ${API_TOKENS.ambition} ${API_TOKENS.ambition}` },
    { Authorization: `Bearer ${"a".repeat(10_000)}` },
    { Authorization: "Bearer ' OR '1'='1" },
    { Authorization: `Bearer ${SCRIPT}` },
    { Authorization: "Bearer ecf_not-a-real-token" },
  ];
  for (const header of headers) {
    const response = await anonymous.get("/api/v3/statements", { headers: header ?? {} });
    const label = JSON.stringify(header ?? "none").slice(0, 60);
    check(response.status() === 401, `token ${label}: status ${response.status()}`);
    if (response.status() === 401) check(JSON.stringify(await response.json()) === JSON.stringify(UNAUTHORISED), `token ${label}: body`);
    check(/^Bearer /.test(response.headers()["www-authenticate"] ?? ""), `token ${label}: WWW-Authenticate`);
  }
  // The real token, as a control.
  check((await anonymous.get("/api/v3/statements", { headers: { Authorization: `Bearer ${API_TOKENS.ambition}` } })).status() === 200, "the demo token: 200");
  expect(failures).toEqual([]);
});
