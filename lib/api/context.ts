// What the API's route handlers need from outside: the database and the clock. Production uses
// the app's shared client and the real time; integration tests point the same route handlers at
// their own database (and a fixed clock) with `setApiDepsForTests`, then call them directly.
import { getDb, type Db } from "@/lib/db/client";
import { isProduction } from "@/lib/environment";
import { log } from "@/lib/log";
import type { Logger } from "pino";

/** The database as the API uses it: Prisma, and the raw-SQL executor on the same pool (lib/db/sql.ts). */
export type ApiDb = Pick<Db, "prisma" | "sql">;

export interface ApiDeps {
  db(): Promise<ApiDb>;
  now(): Date;
  /** The sandbox's X-With-Server-Date header is honoured only when this is true. */
  allowServerDate(): boolean;
  /** Where unexpected errors are logged (the app's redacting logger, lib/log.ts). */
  logger(): Logger;
}

/**
 * The sandbox's X-With-Server-Date header: API_ALLOW_SERVER_DATE=true turns it on, except in
 * production (NODE_ENV=production, which `next start` always sets), where the header is ignored
 * whatever the setting, and every declaration is checked against the real time. Future dates are
 * the header's purpose in the sandbox (lead-provider-api-guidance.md, "X-With-Server-Date").
 */
export function serverDateAllowed(env: Partial<NodeJS.ProcessEnv> = process.env): boolean {
  return env.API_ALLOW_SERVER_DATE === "true" && !isProduction(env as NodeJS.ProcessEnv);
}

const production: ApiDeps = {
  db: getDb,
  now: () => new Date(),
  allowServerDate: () => serverDateAllowed(),
  logger: () => log,
};

let current: ApiDeps = production;

export function apiDeps(): ApiDeps {
  return current;
}

/** Tests only: replaces some dependencies; returns a function that restores the production ones. */
export function setApiDepsForTests(override: Partial<ApiDeps>): () => void {
  current = { ...production, ...override };
  return () => {
    current = production;
  };
}
