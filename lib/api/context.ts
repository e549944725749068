// What the API's route handlers need from outside: the database and the clock. Production uses
// the app's shared client and the real time; integration tests point the same route handlers at
// their own database (and a fixed clock) with `setApiDepsForTests`, then call them directly.
import type { PrismaClient } from "@/generated/prisma/client";
import { getPrisma } from "@/lib/db/client";

export interface ApiDeps {
  prisma(): Promise<PrismaClient>;
  now(): Date;
  /** The sandbox's X-With-Server-Date header is honoured only when this is true. */
  allowServerDate(): boolean;
}

const production: ApiDeps = {
  prisma: getPrisma,
  now: () => new Date(),
  allowServerDate: () => process.env.API_ALLOW_SERVER_DATE === "true",
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
