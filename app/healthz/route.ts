// Health check for load balancers and operators: 200 when the database answers, 503 otherwise.
// Deliberately public (no session): it reveals nothing but up or down. It never hangs: a database
// that does not answer within 2 seconds counts as down (the pool's own connection timeout, 10 s,
// frees the connection later). It opens no connection of its own: it asks the app's shared pool,
// so 200 also means the app itself can reach the database again after an outage.
import { getPrisma } from "@/lib/db/client";
import { errorFields, log } from "@/lib/log";

export const dynamic = "force-dynamic";

export const HEALTH_TIMEOUT_MS = 2_000;

async function databaseAnswers(): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${HEALTH_TIMEOUT_MS} ms`)), HEALTH_TIMEOUT_MS);
  });
  try {
    const query = getPrisma().then((prisma) => prisma.$queryRaw`SELECT 1`);
    query.catch(() => undefined); // If the timeout wins, a late failure is not unhandled.
    await Promise.race([query, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export async function GET() {
  try {
    await databaseAnswers();
    return Response.json({ status: "ok", database: "up" }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    log.warn({ event: "healthz.database_down", error: errorFields(error).message }, "healthz.database_down");
    return Response.json({ status: "unavailable", database: "down" }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
