// Authentication (the bearer-token guard on every route), malformed requests (400/413, never a
// 500), invalid query parameters (400 with a message), and malformed ids in paths (404).
import { describe, expect, it } from "vitest";
import { TOKEN_CACHE_MS, apiTokenStatus, createApiToken, forgetApiTokens, hashApiToken, listApiTokens, lookUpApiToken, revokeApiToken } from "@/lib/auth/api-tokens";
import { requireLeadProvider } from "@/lib/api/auth";
import type { RouteHandler } from "@/lib/api/route";
import * as declarations from "@/app/api/v3/participant-declarations/route";
import * as declaration from "@/app/api/v3/participant-declarations/[id]/route";
import * as voidRoute from "@/app/api/v3/participant-declarations/[id]/void/route";
import * as deliveryPartners from "@/app/api/v3/delivery-partners/route";
import * as deliveryPartner from "@/app/api/v3/delivery-partners/[id]/route";
import * as partnerships from "@/app/api/v3/partnerships/ecf/route";
import * as partnership from "@/app/api/v3/partnerships/ecf/[id]/route";
import * as participants from "@/app/api/v3/participants/ecf/route";
import * as participant from "@/app/api/v3/participants/ecf/[id]/route";
import * as defer from "@/app/api/v3/participants/ecf/[id]/defer/route";
import * as resume from "@/app/api/v3/participants/ecf/[id]/resume/route";
import * as withdraw from "@/app/api/v3/participants/ecf/[id]/withdraw/route";
import * as changeSchedule from "@/app/api/v3/participants/ecf/[id]/change-schedule/route";
import * as transfers from "@/app/api/v3/participants/ecf/transfers/route";
import * as participantTransfers from "@/app/api/v3/participants/ecf/[id]/transfers/route";
import * as schools from "@/app/api/v3/schools/ecf/route";
import * as school from "@/app/api/v3/schools/ecf/[id]/route";
import * as statements from "@/app/api/v3/statements/route";
import * as statement from "@/app/api/v3/statements/[id]/route";
import * as unfundedMentors from "@/app/api/v3/unfunded-mentors/ecf/route";
import * as unfundedMentor from "@/app/api/v3/unfunded-mentors/ecf/[id]/route";
import { availableKinds } from "../db";
import { AMBITION, BPN, TEST_NOW, apiRequest, call, declarationBody, makeParticipant, tokenOf, useSeededApi } from "./helpers";

type AnyHandler = RouteHandler<{ id: string }>;
const ID = "0b7d6c3e-8f5a-4d7e-9c1b-2a3f4e5d6c7b";

/** Every route: [name, handler, method, path]. */
const ROUTES: [string, AnyHandler, string, string][] = [
  ["GET schools", schools.GET as AnyHandler, "GET", "/api/v3/schools/ecf?filter[cohort]=2024"],
  ["GET school", school.GET, "GET", `/api/v3/schools/ecf/${ID}?filter[cohort]=2024`],
  ["GET delivery partners", deliveryPartners.GET as AnyHandler, "GET", "/api/v3/delivery-partners"],
  ["GET delivery partner", deliveryPartner.GET, "GET", `/api/v3/delivery-partners/${ID}`],
  ["GET partnerships", partnerships.GET as AnyHandler, "GET", "/api/v3/partnerships/ecf"],
  ["POST partnerships", partnerships.POST as AnyHandler, "POST", "/api/v3/partnerships/ecf"],
  ["GET partnership", partnership.GET, "GET", `/api/v3/partnerships/ecf/${ID}`],
  ["PUT partnership", partnership.PUT, "PUT", `/api/v3/partnerships/ecf/${ID}`],
  ["GET participants", participants.GET as AnyHandler, "GET", "/api/v3/participants/ecf"],
  ["GET participant", participant.GET, "GET", `/api/v3/participants/ecf/${ID}`],
  ["PUT defer", defer.PUT, "PUT", `/api/v3/participants/ecf/${ID}/defer`],
  ["PUT resume", resume.PUT, "PUT", `/api/v3/participants/ecf/${ID}/resume`],
  ["PUT withdraw", withdraw.PUT, "PUT", `/api/v3/participants/ecf/${ID}/withdraw`],
  ["PUT change-schedule", changeSchedule.PUT, "PUT", `/api/v3/participants/ecf/${ID}/change-schedule`],
  ["GET transfers", transfers.GET as AnyHandler, "GET", "/api/v3/participants/ecf/transfers"],
  ["GET participant transfers", participantTransfers.GET, "GET", `/api/v3/participants/ecf/${ID}/transfers`],
  ["GET unfunded mentors", unfundedMentors.GET as AnyHandler, "GET", "/api/v3/unfunded-mentors/ecf"],
  ["GET unfunded mentor", unfundedMentor.GET, "GET", `/api/v3/unfunded-mentors/ecf/${ID}`],
  ["GET declarations", declarations.GET as AnyHandler, "GET", "/api/v3/participant-declarations"],
  ["POST declarations", declarations.POST as AnyHandler, "POST", "/api/v3/participant-declarations"],
  ["GET declaration", declaration.GET, "GET", `/api/v3/participant-declarations/${ID}`],
  ["PUT void", voidRoute.PUT, "PUT", `/api/v3/participant-declarations/${ID}/void`],
  ["GET statements", statements.GET as AnyHandler, "GET", "/api/v3/statements"],
  ["GET statement", statement.GET, "GET", `/api/v3/statements/${ID}`],
];

const UNAUTHORISED = {
  errors: [{ title: "Unauthorised", detail: "HTTP Token: Access denied. Send your API token in the header 'Authorization: Bearer <token>'." }],
};

describe.each(availableKinds())("robustness of the API on %s", (kind) => {
  const ctx = useSeededApi(kind);

  describe("authentication", () => {
    it.each(ROUTES)("%s answers 401 without a token, before anything else", async (_name, handler, method, path) => {
      const result = await call(handler, apiRequest(method, path, { as: null, body: { nonsense: true } }), { id: ID });
      expect(result.status).toBe(401);
      expect(result.body).toEqual(UNAUTHORISED);
      expect(result.headers.get("www-authenticate")).toMatch(/^Bearer /);
    });

    it.each([
      ["an unknown token", "Bearer not-a-real-token"],
      ["another scheme", `Basic ${Buffer.from("ambition:secret").toString("base64")}`],
      ["a token without the scheme", tokenOf(AMBITION)],
      ["the scheme without a token", "Bearer "],
      ["two tokens", `Bearer ${tokenOf(AMBITION)} ${tokenOf(AMBITION)}`],
    ])("answers 401 for %s", async (_name, authorization) => {
      const result = await call(participants.GET as AnyHandler, apiRequest("GET", "/api/v3/participants/ecf", { authorization }));
      expect(result.status).toBe(401);
      expect(result.body).toEqual(UNAUTHORISED);
    });

    const inDays = (days: number) => new Date(TEST_NOW.getTime() + days * 86_400_000);
    const getStatements = (token: string) =>
      call(statements.GET as AnyHandler, apiRequest("GET", "/api/v3/statements?page[per_page]=1", { authorization: `Bearer ${token}` }));

    it("accepts a token made with createApiToken (the api:token script), in any case of 'Bearer'", async () => {
      const { token } = await createApiToken(ctx.prisma, AMBITION, { description: "test", expiresAt: inDays(90), now: TEST_NOW });
      const result = await call(statements.GET as AnyHandler, apiRequest("GET", "/api/v3/statements?page[per_page]=1", { authorization: `bearer ${token}` }));
      expect(result.status).toBe(200);
      expect(result.body.data).toHaveLength(1);
    });

    it("refuses an expired token exactly as an unknown one, from the moment it expires", async () => {
      const { id, token } = await createApiToken(ctx.prisma, AMBITION, { expiresAt: inDays(1), now: TEST_NOW });
      expect((await getStatements(token)).status).toBe(200);
      await ctx.prisma.apiToken.update({ where: { id }, data: { expiresAt: TEST_NOW } });
      // Changed behind the app's back (as another instance would): forget what this process remembers.
      forgetApiTokens(ctx.prisma);
      const expired = await getStatements(token);
      expect(expired.status).toBe(401);
      expect(expired.body).toEqual(UNAUTHORISED);
      expect(expired.headers.get("www-authenticate")).toMatch(/^Bearer /);
      await ctx.prisma.apiToken.update({ where: { id }, data: { expiresAt: new Date(TEST_NOW.getTime() + 1) } });
      forgetApiTokens(ctx.prisma);
      expect((await getStatements(token)).status).toBe(200);
    });

    it("remembers a token for a few seconds: revoked elsewhere, it is refused within TOKEN_CACHE_MS; expiry is exact", async () => {
      const { id, token } = await createApiToken(ctx.prisma, AMBITION, { expiresAt: inDays(90), now: TEST_NOW });
      const hash = hashApiToken(token);
      const clock = 1_000_000;
      expect((await lookUpApiToken(ctx.prisma, hash, clock))?.tokenId).toBe(id);
      // Another instance revokes it (straight in the database): this process still trusts what it read…
      await ctx.prisma.apiToken.update({ where: { id }, data: { revokedAt: TEST_NOW } });
      expect((await lookUpApiToken(ctx.prisma, hash, clock + TOKEN_CACHE_MS - 1))?.tokenId).toBe(id);
      // …until TOKEN_CACHE_MS have passed; then it reads again and refuses.
      expect(await lookUpApiToken(ctx.prisma, hash, clock + TOKEN_CACHE_MS)).toBeNull();
      expect(await lookUpApiToken(ctx.prisma, hash, clock + TOKEN_CACHE_MS + 1)).toBeNull();
      // An unknown token is never remembered, and a remembered token's expiry is checked on every request.
      expect(await lookUpApiToken(ctx.prisma, hashApiToken("never-issued"), clock)).toBeNull();
      const short = await createApiToken(ctx.prisma, AMBITION, { expiresAt: new Date(TEST_NOW.getTime() + 1), now: TEST_NOW });
      const request = () => apiRequest("GET", "/api/v3/statements", { authorization: `Bearer ${short.token}` });
      expect(await requireLeadProvider(request(), ctx.prisma, TEST_NOW)).toMatchObject({ tokenId: short.id });
      const refused = await requireLeadProvider(request(), ctx.prisma, new Date(TEST_NOW.getTime() + 1));
      expect(refused instanceof Response && refused.status).toBe(401);
    });

    it("refuses a revoked token exactly as an unknown one, and revoking it again changes nothing", async () => {
      const { id, token } = await createApiToken(ctx.prisma, AMBITION, { expiresAt: inDays(90), now: TEST_NOW });
      expect((await getStatements(token)).status).toBe(200);
      expect(await revokeApiToken(ctx.prisma, id, TEST_NOW)).toBe("revoked");
      const revoked = await getStatements(token);
      expect(revoked.status).toBe(401);
      expect(revoked.body).toEqual(UNAUTHORISED);
      expect(await revokeApiToken(ctx.prisma, id, inDays(1))).toBe("already");
      expect((await ctx.prisma.apiToken.findUniqueOrThrow({ where: { id } })).revokedAt).toEqual(TEST_NOW);
      expect(await revokeApiToken(ctx.prisma, ID)).toBe("unknown");
    });

    it("refuses to make a token that has already expired, or that would last more than 366 days", async () => {
      await expect(createApiToken(ctx.prisma, AMBITION, { expiresAt: TEST_NOW, now: TEST_NOW })).rejects.toThrow(/not in the future/);
      await expect(createApiToken(ctx.prisma, AMBITION, { expiresAt: inDays(367), now: TEST_NOW })).rejects.toThrow(/more than 366 days/);
    });

    it("lists tokens with their ids, status and last use, never the token or its hash", async () => {
      const { id, token } = await createApiToken(ctx.prisma, BPN, { description: "listed", expiresAt: inDays(30), now: TEST_NOW });
      await getStatements(token);
      const listed = (await listApiTokens(ctx.prisma, { leadProviderName: BPN })).find((t) => t.id === id);
      expect(listed).toEqual({ id, leadProvider: BPN, description: "listed", createdAt: expect.any(Date), expiresAt: inDays(30), revokedAt: null, lastUsedAt: TEST_NOW });
      expect(apiTokenStatus(listed!, TEST_NOW)).toBe("active");
      expect(apiTokenStatus(listed!, inDays(30))).toBe("expired");
      expect(apiTokenStatus({ ...listed!, revokedAt: TEST_NOW }, TEST_NOW)).toBe("revoked");
      expect(JSON.stringify(await listApiTokens(ctx.prisma))).not.toContain(hashApiToken(token));
      expect(JSON.stringify(await listApiTokens(ctx.prisma))).not.toContain(token);
    });

    it("records last_used_at at most once a minute", async () => {
      const { id, token } = await createApiToken(ctx.prisma, AMBITION, { expiresAt: inDays(90), now: TEST_NOW });
      const row = () => ctx.prisma.apiToken.findUniqueOrThrow({ where: { id } });
      const get = () => call(statements.GET as AnyHandler, apiRequest("GET", "/api/v3/statements?page[per_page]=1", { authorization: `Bearer ${token}` }));
      expect((await row()).lastUsedAt).toBeNull();
      await get();
      expect((await row()).lastUsedAt).toEqual(TEST_NOW);
      const recent = new Date(TEST_NOW.getTime() - 30_000);
      await ctx.prisma.apiToken.update({ where: { id: (await row()).id }, data: { lastUsedAt: recent } });
      forgetApiTokens(ctx.prisma);
      await get();
      expect((await row()).lastUsedAt).toEqual(recent);
      await ctx.prisma.apiToken.update({ where: { id: (await row()).id }, data: { lastUsedAt: new Date(TEST_NOW.getTime() - 61_000) } });
      forgetApiTokens(ctx.prisma);
      await get();
      expect((await row()).lastUsedAt).toEqual(TEST_NOW);
    });
  });

  describe("malformed bodies", () => {
    const post = (init: { rawBody?: string | Uint8Array; body?: unknown; contentType?: string | null }) =>
      call(declarations.POST as AnyHandler, apiRequest("POST", "/api/v3/participant-declarations", init));
    const structure = { errors: [{ title: "Bad request", detail: "Correct json data structure required. See API docs for reference." }] };

    it("invalid JSON → 400", async () => {
      const result = await post({ rawBody: '{"data": {"type": "participant-declaration",' });
      expect(result.status).toBe(400);
      expect(result.body).toEqual({ errors: [{ title: "Bad request", detail: "The request body is not valid JSON." }] });
    });

    it("not UTF-8 → 400", async () => {
      const result = await post({ rawBody: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]) });
      expect(result.status).toBe(400);
      expect(result.body).toEqual({ errors: [{ title: "Bad request", detail: "The request body is not valid UTF-8 text." }] });
    });

    it("wrong or missing content type → 400", async () => {
      for (const contentType of ["text/plain", "application/x-www-form-urlencoded", null]) {
        const result = await post({ body: declarationBody({}), contentType });
        expect(result.status).toBe(400);
        expect(result.body).toEqual({
          errors: [{ title: "Bad request", detail: "The request body must be JSON, sent with the header 'Content-Type: application/json'." }],
        });
      }
      expect((await post({ body: declarationBody({}), contentType: "application/vnd.api+json; charset=utf-8" })).status).toBe(422);
    });

    it("an empty body, no data, data not an object, or no attributes → 400", async () => {
      for (const body of [undefined, null, [], "text", {}, { data: [] }, { data: "x" }, { data: { type: "participant-declaration" } }, { data: { type: "participant-declaration", attributes: [] } }]) {
        const result = body === undefined ? await post({ rawBody: "" }) : await post({ body });
        expect(result.status).toBe(400);
        expect(result.body).toEqual(structure);
      }
    });

    it("the wrong data.type → 400", async () => {
      const result = await post({ body: { data: { type: "participant-declarations", attributes: {} } } });
      expect(result.status).toBe(400);
      expect(result.body).toEqual({ errors: [{ title: "Bad request", detail: "The '#/data/type' must be 'participant-declaration'." }] });
    });

    it("a body over 1 MB → 413", async () => {
      const big = JSON.stringify(declarationBody({ padding: "x".repeat(1024 * 1024) }));
      const result = await post({ rawBody: big });
      expect(result.status).toBe(413);
      expect(result.body).toEqual({ errors: [{ title: "Payload too large", detail: "The request body must be 1 MB or smaller." }] });
      const declared = await call(
        declarations.POST as AnyHandler,
        apiRequest("POST", "/api/v3/participant-declarations", { rawBody: "{}", headers: { "Content-Length": String(2 * 1024 * 1024) } }),
      );
      expect(declared.status).toBe(413);
    });

    it("malformed bodies on the other write endpoints → 400 too", async () => {
      const fixture = await makeParticipant(ctx.prisma, { provider: AMBITION, cohort: 2025 });
      const ownPartnership = await ctx.prisma.partnership.findFirstOrThrow({ where: { leadProvider: { name: AMBITION } } });
      const cases: [AnyHandler, string, string][] = [
        [partnerships.POST as AnyHandler, "POST", "/api/v3/partnerships/ecf"],
        [partnership.PUT, "PUT", `/api/v3/partnerships/ecf/${ownPartnership.id}`],
        [defer.PUT, "PUT", `/api/v3/participants/ecf/${fixture.userId}/defer`],
        [resume.PUT, "PUT", `/api/v3/participants/ecf/${fixture.userId}/resume`],
        [withdraw.PUT, "PUT", `/api/v3/participants/ecf/${fixture.userId}/withdraw`],
        [changeSchedule.PUT, "PUT", `/api/v3/participants/ecf/${fixture.userId}/change-schedule`],
      ];
      for (const [handler, method, path] of cases) {
        const id = path.split("/")[5] ?? "";
        const invalid = await call(handler, apiRequest(method, path, { rawBody: "{not json" }), { id });
        expect(invalid.status).toBe(400);
        const wrongType = await call(handler, apiRequest(method, path, { body: { data: { type: "something-else", attributes: {} } } }), { id });
        expect(wrongType.status).toBe(400);
        expect(wrongType.body.errors[0].detail).toMatch(/^The '#\/data\/type' must be '/);
      }
    });
  });

  describe("query parameters", () => {
    const get = (handler: AnyHandler, path: string) => call(handler, apiRequest("GET", path));

    it.each([
      ["page[page]=0", "page[page]", "The '#/page[page]' must be a whole number of 1 or more."],
      ["page[page]=two", "page[page]", "The '#/page[page]' must be a whole number of 1 or more."],
      ["page[per_page]=0", "page[per_page]", "The '#/page[per_page]' must be a whole number from 1 to 3000."],
      ["page[per_page]=3001", "page[per_page]", "The '#/page[per_page]' must be a whole number from 1 to 3000."],
      ["page[per_page]=-5", "page[per_page]", "The '#/page[per_page]' must be a whole number from 1 to 3000."],
      ["filter[cohort]=twenty", "filter[cohort]", "The filter '#/cohort' must be a cohort start year, for example 2024, or several separated by commas."],
      ["filter[cohort]=2024,x", "filter[cohort]", "The filter '#/cohort' must be a cohort start year, for example 2024, or several separated by commas."],
      ["filter[updated_since]=yesterday", "filter[updated_since]", "The filter '#/updated_since' must be a valid ISO 8601 time, for example 2024-05-31T02:22:32.000Z."],
      ["filter[updated_since]=2024-02-30T00:00:00Z", "filter[updated_since]", "The filter '#/updated_since' must be a valid ISO 8601 time, for example 2024-05-31T02:22:32.000Z."],
    ])("participants ?%s → 400", async (query, title, detail) => {
      const result = await get(participants.GET as AnyHandler, `/api/v3/participants/ecf?${query}`);
      expect(result.status).toBe(400);
      expect(result.body).toEqual({ errors: [{ title, detail }] });
    });

    it("accepts updated_since with an offset whose '+' was not URL-encoded", async () => {
      const result = await get(participants.GET as AnyHandler, "/api/v3/participants/ecf?filter[updated_since]=2026-11-01T10:00:00+01:00");
      expect(result.status).toBe(200);
    });

    it("requires one cohort for schools, and a numeric URN", async () => {
      expect(await get(schools.GET as AnyHandler, "/api/v3/schools/ecf")).toMatchObject({
        status: 400,
        body: { errors: [{ title: "filter[cohort]", detail: "The filter '#/cohort' must be included in your search." }] },
      });
      expect(await get(schools.GET as AnyHandler, "/api/v3/schools/ecf?filter[cohort]=2024,2025")).toMatchObject({
        status: 400,
        body: { errors: [{ title: "filter[cohort]", detail: "The filter '#/cohort' must be a cohort start year, for example 2024." }] },
      });
      expect(await get(school.GET, `/api/v3/schools/ecf/${ID}`)).toMatchObject({ status: 400 });
      expect(await get(schools.GET as AnyHandler, "/api/v3/schools/ecf?filter[cohort]=2024&filter[urn]=12ab")).toMatchObject({
        status: 400,
        body: { errors: [{ title: "filter[urn]", detail: "The filter '#/urn' must be a school URN, for example 123456." }] },
      });
    });

    it("checks filter[participant_id] on declarations", async () => {
      expect(await get(declarations.GET as AnyHandler, "/api/v3/participant-declarations?filter[participant_id]=abc")).toMatchObject({
        status: 400,
        body: { errors: [{ title: "filter[participant_id]", detail: "The filter '#/participant_id' must be a participant ID (a UUID), or several separated by commas." }] },
      });
    });

    it("answers a page far past the end with an empty list on every list endpoint", async () => {
      const lists: [AnyHandler, string][] = [
        [schools.GET as AnyHandler, "/api/v3/schools/ecf?filter[cohort]=2024&"],
        [deliveryPartners.GET as AnyHandler, "/api/v3/delivery-partners?"],
        [partnerships.GET as AnyHandler, "/api/v3/partnerships/ecf?"],
        [participants.GET as AnyHandler, "/api/v3/participants/ecf?"],
        [transfers.GET as AnyHandler, "/api/v3/participants/ecf/transfers?"],
        [unfundedMentors.GET as AnyHandler, "/api/v3/unfunded-mentors/ecf?"],
        [declarations.GET as AnyHandler, "/api/v3/participant-declarations?"],
        [statements.GET as AnyHandler, "/api/v3/statements?"],
      ];
      for (const [handler, path] of lists) {
        const result = await get(handler, `${path}page[page]=999999999&page[per_page]=3000`);
        expect(result).toMatchObject({ status: 200, body: { data: [] } });
      }
    });

    it("ignores unknown parameters", async () => {
      const result = await get(statements.GET as AnyHandler, "/api/v3/statements?sort=-created_at&filter[colour]=blue&page[per_page]=2");
      expect(result.status).toBe(200);
      expect(result.body.data).toHaveLength(2);
    });
  });

  describe("ids in paths", () => {
    it.each(ROUTES.filter(([, , , path]) => path.includes(ID)))("%s: a malformed id is a 404", async (_name, handler, method, path) => {
      for (const bad of ["not-a-uuid", "123", `${ID}x`, "'; DROP TABLE users; --"]) {
        const result = await call(handler, apiRequest(method, path.replace(ID, encodeURIComponent(bad)), { body: { data: { type: "x", attributes: {} } } }), { id: bad });
        expect(result.status).toBe(404);
        expect(result.body).toEqual({ errors: [{ title: "Resource not found", detail: "Nothing could be found for the provided details" }] });
      }
    });
  });
});
