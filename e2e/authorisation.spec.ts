// The authorisation matrix (issue 8): every page, route handler and server action of app/, found on
// the file system at test time, checked as anonymous, signed in without the finance role, finance
// user, approver (finance and approver roles: the only one who may authorise a statement or confirm
// a large adjustment) and (for the lead provider API) without a token and with another provider's token.
// A leak is any answer that gives a caller more than their identity allows; the test asserts 0.
import { request as playwrightRequest, type APIRequestContext, type APIResponse } from "@playwright/test";
import { test, expect, e2eState, query, withDb, APPROVER_USER, FINANCE_USER, VIEWER_USER } from "./fixtures";
import { actionSources, dynamicSegments, fillPattern, manifestActions, pages, routes, type ManifestAction } from "./support/app-map";
import { FORM_ARG, INITIAL_FORM_STATE, postAction, type ActionArg } from "./support/actions";
import { changedTables, digest, seedIds, type SeedIds } from "./support/db";
import { API_TOKENS, sessionFor, type StorageState } from "./support/identities";

/** Routes that are deliberately public (docs/security.md says why). */
const PUBLIC_PAGES = new Set(["/sign-in"]);
const PUBLIC_ROUTES = new Set(["/healthz"]);
/** Server actions anyone may call: signing in, and ending one's own session. */
const PUBLIC_ACTIONS = new Set(["app/sign-in/actions.ts#signIn", "app/sign-out-action.ts#signOut"]);
/** Pages and actions for approvers only: a finance-only user gets 403 (two pairs of eyes, docs/security.md). */
const APPROVER_PAGES = new Set(["/statements/[statementId]/authorise", "/statements/[statementId]/adjustments/[adjustmentId]/confirm"]);
const APPROVER_ACTIONS = new Set([
  "app/statements/[statementId]/authorise/actions.ts#authoriseForPayment",
  "app/statements/[statementId]/adjustments/actions.ts#confirmAdjustmentApproval",
]);

/** The finance pages' dynamic segments, by name. A new segment name fails the test until added here. */
function segmentTable(ids: SeedIds): Record<string, string> {
  return {
    statementId: ids.statementId,
    id: ids.participantId,
    otherId: ids.otherParticipantId,
    declarationId: ids.declarationId,
    adjustmentId: ids.adjustmentId,
    scheduleId: ids.scheduleId,
    profileId: ids.profileId,
  };
}

/** Query strings some pages need to show their normal content (check-your-answers pages). */
function pageQuery(pattern: string, ids: SeedIds): string {
  if (pattern.endsWith("/adjustments/new/check")) return "?name=Matrix+check&amount=10";
  if (pattern.endsWith("/training-status/[profileId]/check")) return "?status=deferred&deferralReason=other";
  if (pattern.endsWith("/change/check")) return `?name=Matrix+check&amount=10&version=${encodeURIComponent(ids.adjustmentUpdatedAt)}`;
  return "";
}

/** Server-action parameters by name: bound ids, the previous form state and the form. */
function actionArgs(params: string[], ids: SeedIds): ActionArg[] {
  const byName: Record<string, ActionArg> = {
    statementId: ids.statementId,
    participantId: ids.participantId,
    keptId: ids.participantId,
    retiredId: ids.otherParticipantId,
    declarationId: ids.declarationId,
    adjustmentId: ids.adjustmentId,
    profileId: ids.profileId,
    previous: INITIAL_FORM_STATE,
    formData: FORM_ARG,
  };
  return params.map((p) => {
    if (!(p in byName)) throw new Error(`No value for the server action parameter "${p}": add it to actionArgs in the spec`);
    return byName[p];
  });
}

/** A VALID form for each action, so that if a guard were missing the call would really change data. */
function validForm(name: string, ids: SeedIds): Record<string, string> {
  const forms: Record<string, Record<string, string>> = {
    signIn: { email: FINANCE_USER, password: "demo-password-123" },
    signOut: {},
    voidDeclarationAction: { reason: "Matrix: must not be voided", expectedState: ids.declarationState },
    authoriseForPayment: { confirm: "yes", ...authoriseFigures },
    confirmAdjustmentApproval: { version: ids.adjustmentUpdatedAt },
    checkNewAdjustment: { name: "Matrix adjustment", amount: "10" },
    confirmNewAdjustment: { name: "Matrix adjustment", amount: "10", token: "0b8f7d1e-3c1a-4f7e-9d55-5a0f3b7c9e21" },
    checkChangedAdjustment: { name: "Matrix adjustment", amount: "10", version: ids.adjustmentUpdatedAt },
    confirmChangedAdjustment: { name: "Matrix adjustment", amount: "10", version: ids.adjustmentUpdatedAt },
    confirmRemovedAdjustment: {},
    mergeDuplicate: { confirm: "yes" },
    chooseTrainingStatus: { status: "deferred", deferralReason: "other", withdrawalReason: "" },
    confirmTrainingStatus: { status: "withdrawn", deferralReason: "", withdrawalReason: "other" },
  };
  const form = forms[name];
  if (!form) throw new Error(`No valid form for the server action ${name}: add one to validForm in the spec`);
  return form;
}

/** The id collection an API `[id]` route reads from, by the path before `/[id]`. */
const API_COLLECTIONS: Record<string, { list: string; shared?: boolean }> = {
  "/api/v3/delivery-partners": { list: "/api/v3/delivery-partners" },
  "/api/v3/participant-declarations": { list: "/api/v3/participant-declarations" },
  "/api/v3/participants/ecf": { list: "/api/v3/participants/ecf" },
  "/api/v3/partnerships/ecf": { list: "/api/v3/partnerships/ecf" },
  // Schools are public reference data: every provider may read every school.
  "/api/v3/schools/ecf": { list: "/api/v3/schools/ecf?filter[cohort]=2025", shared: true },
  "/api/v3/statements": { list: "/api/v3/statements" },
  "/api/v3/unfunded-mentors/ecf": { list: "/api/v3/unfunded-mentors/ecf" },
};

/** Bodies that would be accepted if the provider owned the resource (so a scoping bug would write). */
const API_PUT_BODIES: Record<string, unknown> = {
  defer: { data: { type: "participant-defer", attributes: { reason: "career-break", course_identifier: "ecf-induction" } } },
  resume: { data: { type: "participant-resume", attributes: { course_identifier: "ecf-induction" } } },
  withdraw: { data: { type: "participant-withdraw", attributes: { reason: "left-teaching-profession", course_identifier: "ecf-induction" } } },
  "change-schedule": { data: { type: "participant-change-schedule", attributes: { schedule_identifier: "ecf-extended-september", course_identifier: "ecf-induction", cohort: 2025 } } },
  void: {},
  "[id]": { data: { type: "partnership", attributes: { delivery_partner_id: "00000000-0000-4000-8000-000000000000" } } },
};

type Cell = { subject: string; identity: string; expected: string; got: string; ok: boolean };
const matrix: Cell[] = [];

function record(subject: string, identity: string, expected: string, got: string, ok: boolean) {
  matrix.push({ subject, identity, expected, got, ok });
}

let ids: SeedIds;
let anonymous: APIRequestContext;
let viewer: APIRequestContext;
let finance: APIRequestContext;
let approver: APIRequestContext;
let baseURL: string;
/** A payable statement the approver could authorise, and the figures its authorise page shows (a valid form). */
let authoriseTarget: string;
let authoriseFigures: { fingerprint: string; totalWithVat: string };

async function figuresOnAuthorisePage(statementId: string): Promise<{ fingerprint: string; totalWithVat: string }> {
  const html = await (await approver.get(`/statements/${statementId}/authorise`)).text();
  const hidden = (name: string) => new RegExp(`name="${name}" value="([^"]+)"`).exec(html)?.[1];
  const fingerprint = hidden("fingerprint");
  const totalWithVat = hidden("totalWithVat");
  if (!fingerprint || !totalWithVat) throw new Error(`The authorise page of ${statementId} has no figures to check`);
  return { fingerprint, totalWithVat };
}

async function contextFor(storageState?: StorageState): Promise<APIRequestContext> {
  return playwrightRequest.newContext({ baseURL, storageState, maxRedirects: 0 });
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ browser }) => {
  baseURL = e2eState().baseURL;
  ids = await seedIds();
  anonymous = await contextFor();
  viewer = await contextFor(await sessionFor(browser, baseURL, VIEWER_USER));
  finance = await contextFor(await sessionFor(browser, baseURL, FINANCE_USER));
  approver = await contextFor(await sessionFor(browser, baseURL, APPROVER_USER));
  const [payable] = await query<{ id: string }>(
    `SELECT s.id::text FROM statements s
      WHERE s.status = 'payable' AND s.output_fee AND EXISTS (SELECT 1 FROM statement_line_items li WHERE li.statement_id = s.id)
        AND NOT EXISTS (SELECT 1 FROM additional_adjustments a WHERE a.statement_id = s.id AND a.awaiting_approval)
      ORDER BY s.payment_date DESC, s.id LIMIT 1`,
  );
  if (!payable) throw new Error("The demo seed has no payable statement to authorise");
  authoriseTarget = payable.id;
  authoriseFigures = await figuresOnAuthorisePage(authoriseTarget);
});

test.afterAll(async () => {
  await Promise.all([anonymous?.dispose(), viewer?.dispose(), finance?.dispose(), approver?.dispose()]);
  const leaks = matrix.filter((c) => !c.ok);
  const bySubject = new Map<string, number>();
  for (const c of matrix) bySubject.set(c.subject.split(" ")[0] as string, (bySubject.get(c.subject.split(" ")[0] as string) ?? 0) + 1);
  console.log(`Authorisation matrix: ${matrix.length} checks (${[...bySubject].map(([k, v]) => `${k}: ${v}`).join(", ")}), ${leaks.length} leaks`);
  for (const c of leaks) console.log(`  LEAK ${c.subject} as ${c.identity}: expected ${c.expected}, got ${c.got}`);
});

function isSignInRedirect(response: APIResponse): boolean {
  const location = response.headers()["location"] ?? "";
  return [303, 307, 308].includes(response.status()) && /^(https?:\/\/[^/]+)?\/sign-in\?callbackUrl=/.test(location);
}

test("every page: anonymous → sign-in, viewer → 403, finance → 200 (403 on the approvers' pages), approver → 200", async () => {
  const found = pages();
  expect(found.length).toBeGreaterThan(5);
  const table = segmentTable(ids);
  let checked = 0;
  for (const page of found) {
    const url = fillPattern(page.pattern, table) + pageQuery(page.pattern, ids);
    const subject = `page ${page.pattern}`;
    if (PUBLIC_PAGES.has(page.pattern)) {
      for (const [identity, ctx] of [["anonymous", anonymous], ["viewer", viewer], ["finance", finance]] as const) {
        const response = await ctx.get(url);
        record(subject, identity, "not 5xx (public)", String(response.status()), response.status() < 500);
      }
      checked++;
      continue;
    }
    const anon = await anonymous.get(url);
    record(subject, "anonymous", "redirect to /sign-in", `${anon.status()} ${anon.headers()["location"] ?? ""}`, isSignInRedirect(anon));
    const asViewer = await viewer.get(url);
    record(subject, "viewer", "403", String(asViewer.status()), asViewer.status() === 403);
    const forApprovers = APPROVER_PAGES.has(page.pattern);
    const asFinance = await finance.get(url);
    if (forApprovers) record(subject, "finance", "403 (approvers only)", String(asFinance.status()), asFinance.status() === 403);
    else record(subject, "finance", "200", String(asFinance.status()), asFinance.status() === 200);
    const asApprover = await approver.get(url);
    record(subject, "approver", "200", String(asApprover.status()), asApprover.status() === 200);
    // Unknown ids in every dynamic segment: a user with the role gets a 404 page, never a 500.
    if (dynamicSegments(page.pattern).length > 0) {
      const unknown = Object.fromEntries(Object.keys(table).map((k) => [k, "6b0e2b52-7a6f-4c4e-9b3c-000000000000"]));
      const [who, ctx] = forApprovers ? (["approver", approver] as const) : (["finance", finance] as const);
      const missing = await ctx.get(fillPattern(page.pattern, unknown));
      record(`${subject} (unknown ids)`, who, "404", String(missing.status()), missing.status() === 404);
    }
    checked++;
  }
  expect(checked).toBe(found.length);
  // Every approvers' page exists (a renamed one would otherwise leave the finance check untested).
  expect([...APPROVER_PAGES].filter((pattern) => !found.some((p) => p.pattern === pattern))).toEqual([]);
  expect(matrix.filter((c) => c.subject.startsWith("page") && !c.ok).map((c) => `${c.subject} as ${c.identity}: ${c.got}`)).toEqual([]);
});

test("every route handler outside the API: anonymous → sign-in, viewer → 403, finance → 200", async () => {
  const found = routes().filter((r) => !r.pattern.startsWith("/api/"));
  expect(found.length).toBeGreaterThan(0);
  const table = segmentTable(ids);
  for (const route of found) {
    expect(route.methods.length, `${route.file} exports no HTTP method`).toBeGreaterThan(0);
    const url = fillPattern(route.pattern, table);
    for (const method of route.methods) {
      const subject = `route ${method} ${route.pattern}`;
      if (PUBLIC_ROUTES.has(route.pattern)) {
        const response = await anonymous.fetch(url, { method });
        record(subject, "anonymous", "200 (public)", String(response.status()), response.status() === 200);
        continue;
      }
      const anon = await anonymous.fetch(url, { method });
      record(subject, "anonymous", "redirect to /sign-in", `${anon.status()} ${anon.headers()["location"] ?? ""}`, isSignInRedirect(anon));
      const asViewer = await viewer.fetch(url, { method });
      const viewerBody = await asViewer.text();
      record(subject, "viewer", "403, no CSV", String(asViewer.status()), asViewer.status() === 403 && !viewerBody.includes("participant_id"));
      const asFinance = await finance.fetch(url, { method });
      record(subject, "finance", "200", String(asFinance.status()), asFinance.status() === 200);
    }
  }
  expect(matrix.filter((c) => c.subject.startsWith("route") && !c.ok).map((c) => `${c.subject} as ${c.identity}: ${c.got}`)).toEqual([]);
});

function actionUrl(action: ManifestAction, table: Record<string, string>): string {
  // Prefer the page whose name matches the action's module folder; else the first page bundling it.
  const folder = action.file.replace(/\/[^/]+$/, "");
  const worker = action.workers.find((w) => w === `${folder}/page`) ?? action.workers.find((w) => w.endsWith("/page")) ?? action.workers[0];
  if (!worker) throw new Error(`The server action ${action.file}#${action.name} is bundled with no page`);
  const pattern = worker.replace(/^app/, "").replace(/\/page$/, "") || "/";
  return fillPattern(pattern, table);
}

test("every server action: anonymous and viewer (and finance, for the approvers' actions) change nothing and get no data; a foreign Origin is refused", async () => {
  const sources = actionSources();
  const manifest = manifestActions();
  expect(sources.length).toBeGreaterThan(0);
  // Every exported action of every "use server" file is in the build's manifest (nothing unchecked).
  for (const source of sources) {
    expect(manifest.some((m) => m.file === source.file && m.name === source.name), `${source.file}#${source.name} is not in the build's server-reference manifest: rebuild`).toBe(true);
  }
  const actions = manifest.filter((m) => sources.some((s) => s.file === m.file && s.name === m.name));
  expect(actions.length).toBeGreaterThanOrEqual(sources.length);
  const table = segmentTable(ids);

  for (const action of actions) {
    const source = sources.find((s) => s.file === action.file && s.name === action.name)!;
    const key = `${action.file}#${action.name}`;
    const subject = `action ${key}`;
    const forApprovers = APPROVER_ACTIONS.has(key);
    // Authorising targets a payable statement with its real figures: without the guard it would pay it.
    const authorising = action.name === "authoriseForPayment";
    const url = authorising ? `/statements/${authoriseTarget}/authorise` : actionUrl(action, table);
    const args = actionArgs(source.params, authorising ? { ...ids, statementId: authoriseTarget } : ids);
    const form = validForm(action.name, ids);
    // Who may call it: finance, or for the approvers' actions the approver.
    const [allowedName, allowed] = forApprovers ? (["approver", approver] as const) : (["finance", finance] as const);

    if (!PUBLIC_ACTIONS.has(key)) {
      const refusedIdentities = [["anonymous", anonymous], ["viewer", viewer], ...(forApprovers ? [["finance", finance] as const] : [])] as const;
      for (const [identity, ctx] of refusedIdentities) {
        const before = await digest();
        const response = await postAction(ctx, baseURL, { url, actionId: action.id, args, form });
        const body = await response.text();
        const after = await digest();
        const changed = changedTables(before, after);
        const refused =
          identity === "anonymous"
            ? [303, 307].includes(response.status()) || /\/sign-in\?callbackUrl=/.test(response.headers()["x-action-redirect"] ?? "")
            : response.status() === 403;
        // No action result in the answer (a FormState carries "submission"), no flash of a write.
        const noData = !body.includes('"submission"') && !/Adjustment (added|changed|removed|confirmed)|authorised for payment|Declaration voided|Records merged|Training status updated/.test(body);
        record(subject, identity, "refused, nothing changed, no data", `${response.status()} ${response.headers()["x-action-redirect"] ?? ""} changed=[${changed.join(",")}]`, refused && noData && changed.length === 0);
      }
    }

    // Positive control: the same call as finance with an empty form reaches the action (its
    // validation answers), so the refusals above are the guard's, not a malformed request.
    if (!PUBLIC_ACTIONS.has(key) && action.name !== "confirmRemovedAdjustment") {
      const before = await digest();
      const response = await postAction(allowed, baseURL, { url, actionId: action.id, args, form: {} });
      const body = await response.text();
      const changed = changedTables(before, await digest());
      record(subject, `${allowedName} (empty form)`, "200 with the form's errors", `${response.status()} changed=[${changed.join(",")}]`, response.status() === 200 && body.includes('"submission"') && changed.length === 0);
    }

    // A foreign Origin, with the session of a user who could do it and a valid form: refused.
    const before = await digest();
    const foreign = await postAction(allowed, baseURL, { url, actionId: action.id, args, form, origin: "https://evil.example.com" });
    const foreignBody = await foreign.text();
    const changed = changedTables(before, await digest());
    record(subject, `${allowedName}, foreign Origin`, "refused, nothing changed", `${foreign.status()} changed=[${changed.join(",")}]`, foreign.status() >= 400 && !foreignBody.includes('"submission"') && changed.length === 0);
  }
  // Control for the encoding of forms: a valid form as finance reaches the action with its fields
  // (it goes on to check your answers, or the statement's own rule answers with the values echoed).
  const checkNew = actions.find((a) => a.name === "checkNewAdjustment");
  if (checkNew) {
    const response = await postAction(finance, baseURL, {
      url: `/statements/${ids.openStatementId}/adjustments/new`,
      actionId: checkNew.id,
      args: [ids.openStatementId, INITIAL_FORM_STATE, FORM_ARG],
      form: { name: "Matrix control", amount: "10" },
    });
    const to = response.headers()["x-action-redirect"] ?? "";
    const body = await response.text();
    const ok = to.includes("/adjustments/new/check?name=Matrix+control") || body.includes('"values":{"name":"Matrix control","amount":"10"}');
    record("action checkNewAdjustment (valid form)", "finance", "fields reach the action", `${response.status()} ${to}`, ok);
  }
  expect(matrix.filter((c) => c.subject.startsWith("action") && !c.ok).map((c) => `${c.subject} as ${c.identity}: ${c.got}`)).toEqual([]);
});

async function apiIds(token: string, list: string): Promise<string[]> {
  const ctx = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${token}` } });
  try {
    const separator = list.includes("?") ? "&" : "?";
    const response = await ctx.get(`${list}${separator}page[per_page]=3000`);
    expect(response.status(), list).toBe(200);
    return ((await response.json()) as { data: { id: string }[] }).data.map((d) => d.id);
  } finally {
    await ctx.dispose();
  }
}

test("every API route: no token → 401; another provider's id → 404; lists hold only the caller's records", async () => {
  const found = routes().filter((r) => r.pattern.startsWith("/api/"));
  expect(found.length).toBeGreaterThan(10);
  const ambition = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${API_TOKENS.ambition}` } });
  const teachFirst = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${API_TOKENS.teachFirst}` } });
  const foreignIds = new Map<string, string>();
  try {
    for (const route of found) {
      expect(route.methods.length, `${route.file} exports no HTTP method`).toBeGreaterThan(0);
      const segments = dynamicSegments(route.pattern);
      let url = route.pattern;
      let collection: { list: string; shared?: boolean } | undefined;
      if (segments.length > 0) {
        const prefix = route.pattern.slice(0, route.pattern.indexOf("/["));
        collection = API_COLLECTIONS[prefix];
        if (!collection) throw new Error(`No id collection for the API route ${route.pattern}: add "${prefix}" to API_COLLECTIONS in the spec`);
        if (!foreignIds.has(prefix)) {
          const mine = await apiIds(API_TOKENS.ambition, collection.list);
          const theirs = new Set(await apiIds(API_TOKENS.teachFirst, collection.list));
          const only = mine.find((id) => !theirs.has(id)) ?? mine[0];
          if (!only) throw new Error(`Ambition Institute has no record at ${collection.list}`);
          foreignIds.set(prefix, only);
        }
        url = fillPattern(route.pattern, Object.fromEntries(segments.map((s) => [s, foreignIds.get(prefix)!])));
      }
      const action = route.pattern.split("/").pop() as string;
      for (const method of route.methods) {
        const subject = `api ${method} ${route.pattern}`;
        const data = method === "GET" ? undefined : (API_PUT_BODIES[action] ?? { data: { type: "x", attributes: {} } });
        const before = method === "GET" ? null : await digest();

        const none = await anonymous.fetch(url, { method, data });
        const noneBody = await none.text();
        record(subject, "no token", "401 JSON:API", String(none.status()), none.status() === 401 && /"errors"/.test(noneBody) && !!none.headers()["www-authenticate"]);

        const cookie = await finance.fetch(url, { method, data });
        record(subject, "finance session, no token", "401", String(cookie.status()), cookie.status() === 401);

        if (collection && !collection.shared) {
          const other = await teachFirst.fetch(url, { method, data });
          const otherBody = await other.text();
          const id = foreignIds.get(route.pattern.slice(0, route.pattern.indexOf("/[")))!;
          record(subject, "another provider's token", "404, no data", String(other.status()), other.status() === 404 && !otherBody.includes(`"id":"${id}"`));
          if (method === "GET") {
            const own = await ambition.fetch(url, { method });
            record(subject, "owner's token (control)", "200", String(own.status()), own.status() === 200);
          }
        }
        if (before) {
          const changed = changedTables(before, await digest());
          record(subject, "all of the above", "nothing changed", `changed=[${changed.join(",")}]`, changed.length === 0);
        }
      }
    }

    // Lists: Teach First's lists hold only Teach First's records (checked against the database).
    const teachFirstId = await withDb(async (client) => (await client.query<{ id: string }>(`SELECT id::text FROM lead_providers WHERE name = 'Teach First'`)).rows[0]?.id);
    expect(teachFirstId).toBeTruthy();
    const owned: [string, string][] = [
      ["/api/v3/participant-declarations", "participant_declarations"],
      ["/api/v3/partnerships/ecf", "partnerships"],
      ["/api/v3/statements", "statements"],
    ];
    for (const [list, table] of owned) {
      const listed = await apiIds(API_TOKENS.teachFirst, list);
      const foreign = await withDb(async (client) =>
        Number((await client.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${table} WHERE id = ANY($1::uuid[]) AND lead_provider_id <> $2`, [listed, teachFirstId])).rows[0]?.n),
      );
      record(`api GET ${list} (list)`, "another provider's token", "only own records", `${listed.length} listed, ${foreign} foreign`, listed.length > 0 && foreign === 0);
    }
  } finally {
    await ambition.dispose();
    await teachFirst.dispose();
  }
  expect(matrix.filter((c) => c.subject.startsWith("api") && !c.ok).map((c) => `${c.subject} as ${c.identity}: ${c.got}`)).toEqual([]);
});
