// Helpers for the lead provider API's integration tests: a seeded database per test file (the
// demo data), the route handlers pointed at it, requests with a provider's token, and fixture
// participants for tests that write (so each test owns the records it changes).
import { afterAll, beforeAll } from "vitest";
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/generated/prisma/client";
import { setApiDepsForTests } from "@/lib/api/context";
import { hashApiToken } from "@/lib/auth/api-tokens";
import type { RouteHandler } from "@/lib/api/route";
import { DEMO_API_TOKENS, seedDemo, type SeedSummary } from "@/prisma/seed/demo";
import { createTestDb, type TestDb, type TestDbKind } from "../db";
import { DEMO_TODAY } from "../demo-today";

/** The tests' "now": the demo seed's today, at noon. */
export const TEST_NOW = new Date(DEMO_TODAY.getTime() + 12 * 3_600_000);

export const AMBITION = "Ambition Institute";
export const BPN = "Best Practice Network";
export const TEACH_FIRST = "Teach First";
export const UCL = "UCL Early Career Teacher Education";

export function tokenOf(provider: string): string {
  const token = DEMO_API_TOKENS[provider];
  if (!token) throw new Error(`No demo token for ${provider}`);
  return token;
}

export interface ApiTestContext {
  db: TestDb;
  prisma: PrismaClient;
  seed: SeedSummary;
  providerId(name: string): Promise<string>;
  /** The id of the provider's demo API token (the one requests `as` it send). */
  tokenId(name: string): Promise<string>;
  /** Turns the sandbox's X-With-Server-Date support on or off for the following requests. */
  setAllowServerDate(allowed: boolean): void;
}

/** A migrated database with the demo seed for this file's tests, and the API's handlers pointed at it. */
export function useSeededApi(kind: TestDbKind, options: { now?: () => Date } = {}): ApiTestContext {
  const context = {} as ApiTestContext;
  let restore: (() => void) | undefined;
  let allowServerDate = false;
  context.setAllowServerDate = (allowed) => {
    allowServerDate = allowed;
  };
  beforeAll(async () => {
    const db = await createTestDb(kind);
    context.db = db;
    context.prisma = db.prisma;
    context.seed = await seedDemo(db, { today: DEMO_TODAY });
    const ids = new Map((await db.prisma.leadProvider.findMany()).map((p) => [p.name, p.id]));
    context.providerId = async (name) => {
      const id = ids.get(name);
      if (!id) throw new Error(`No lead provider ${name}`);
      return id;
    };
    context.tokenId = async (name) => (await db.prisma.apiToken.findUniqueOrThrow({ where: { hashedToken: hashApiToken(tokenOf(name)) } })).id;
    restore = setApiDepsForTests({
      db: async () => db,
      now: options.now ?? (() => TEST_NOW),
      allowServerDate: () => allowServerDate,
    });
  }, 180_000);
  afterAll(async () => {
    restore?.();
    await context.db?.drop();
  }, 60_000);
  return context;
}

export interface RequestOptions {
  /** The provider whose demo token to send; null sends none. */
  as?: string | null;
  /** The whole Authorization header, instead of a provider's token. */
  authorization?: string;
  body?: unknown;
  rawBody?: string | Uint8Array;
  contentType?: string | null;
  headers?: Record<string, string>;
}

export function apiRequest(method: string, path: string, options: RequestOptions = {}): Request {
  const headers = new Headers(options.headers);
  if (options.authorization !== undefined) headers.set("Authorization", options.authorization);
  else if (options.as !== null) headers.set("Authorization", `Bearer ${tokenOf(options.as ?? AMBITION)}`);
  let body: BodyInit | undefined;
  if (method === "GET" || method === "HEAD") body = undefined;
  else if (options.rawBody !== undefined) body = options.rawBody as BodyInit;
  else if (options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined && options.contentType !== null) headers.set("Content-Type", options.contentType ?? "application/json");
  return new Request(`http://localhost${path}`, { method, headers, body });
}

// Responses are JSON of any shape; tests read them loosely.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export interface ApiResult {
  status: number;
  body: Json;
  headers: Headers;
}

export async function call<P extends object>(handler: RouteHandler<P>, request: Request, params?: P): Promise<ApiResult> {
  const response = await handler(request, { params: Promise.resolve((params ?? {}) as P) });
  const text = await response.text();
  let body: Json = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    throw new Error(`Response ${response.status} is not JSON: ${text.slice(0, 200)}`);
  }
  return { status: response.status, body, headers: response.headers };
}

/** The JSON:API error document for one error. */
export function oneError(title: string, detail: string) {
  return { errors: [{ title, detail }] };
}

export const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
export const YMD = /^\d{4}-\d{2}-\d{2}$/;
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface FixtureOptions {
  provider: string;
  cohort: number;
  schedule?: string;
  type?: "ect" | "mentor";
  eligibleForFunding?: boolean | null;
  ineligibleReason?: string | null;
  trainingStatus?: "active" | "deferred" | "withdrawn";
  trainingStatusReason?: string | null;
  trainingStatusDate?: Date | null;
  sparsity?: boolean;
  pupilPremium?: boolean;
  mentorProfileId?: string | null;
  startDate?: Date;
  /** A registration id different from the user id (as after a merge). */
  externalIdentifier?: string;
}

export interface Fixture {
  userId: string;
  profileId: string;
  recordId: string;
  schoolId: string;
  deliveryPartnerId: string;
  externalIdentifier: string;
}

/** A new participant training with `provider` in `cohort`, at one of its partnered schools. */
export async function makeParticipant(prisma: PrismaClient, options: FixtureOptions): Promise<Fixture> {
  const provider = await prisma.leadProvider.findUniqueOrThrow({ where: { name: options.provider } });
  const cohort = await prisma.cohort.findUniqueOrThrow({ where: { startYear: options.cohort } });
  const schedule = await prisma.schedule.findUniqueOrThrow({
    where: { cohortId_identifier: { cohortId: cohort.id, identifier: options.schedule ?? "ecf-standard-september" } },
  });
  const partnership = await prisma.partnership.findFirstOrThrow({
    where: { leadProviderId: provider.id, cohortId: cohort.id, status: "active" },
    orderBy: { id: "asc" },
  });
  const userId = randomUUID();
  const externalIdentifier = options.externalIdentifier ?? userId;
  const suffix = userId.slice(0, 8);
  await prisma.user.create({ data: { id: userId, fullName: `Fixture Person ${suffix}`, email: `fixture.${suffix}@example.com` } });
  const identity = await prisma.participantIdentity.create({
    data: { userId, externalIdentifier, email: `fixture.${suffix}@school.example.com` },
  });
  const eligible = options.eligibleForFunding === undefined ? true : options.eligibleForFunding;
  const profile = await prisma.participantProfile.create({
    data: {
      participantIdentityId: identity.id,
      type: options.type ?? "ect",
      trn: String(8_000_000 + Math.floor(Math.random() * 999_999)),
      trnValidated: true,
      eligibleForFunding: eligible,
      ineligibleForFundingReason: eligible === false ? (options.ineligibleReason ?? "previous_induction") : null,
      sparsityUplift: options.sparsity ?? false,
      pupilPremiumUplift: options.pupilPremium ?? false,
      mentorProfileId: options.mentorProfileId ?? null,
    },
  });
  const record = await prisma.inductionRecord.create({
    data: {
      participantProfileId: profile.id,
      leadProviderId: provider.id,
      schoolId: partnership.schoolId,
      deliveryPartnerId: partnership.deliveryPartnerId,
      partnershipId: partnership.id,
      scheduleId: schedule.id,
      trainingStatus: options.trainingStatus ?? "active",
      trainingStatusReason: options.trainingStatusReason ?? null,
      trainingStatusDate: options.trainingStatusDate ?? null,
      startDate: options.startDate ?? new Date(Date.UTC(options.cohort, 8, 1)),
    },
  });
  return {
    userId,
    profileId: profile.id,
    recordId: record.id,
    schoolId: partnership.schoolId,
    deliveryPartnerId: partnership.deliveryPartnerId,
    externalIdentifier,
  };
}

export function declarationBody(attributes: Record<string, unknown>) {
  return { data: { type: "participant-declaration", attributes } };
}
