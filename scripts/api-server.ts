// `npm run start:api`: the lead provider API (/api/v3) as a process of its own, for production's
// API instances behind the load balancer (docs/operations.md). The same route handlers as app/api/v3
// (which `npm start` serves too), read from that folder at start-up, and the health check
// (app/healthz, for the balancer), on Node's HTTP server through
// @hono/node-server's request listener (lib/api/server.ts). PostgreSQL only (DATABASE_URL): the
// embedded database belongs to one process, and with it `npm run demo` serves the API itself.
//
//   -p, --port N          the port (default: PORT, else 3001)
//   -H, --hostname NAME   the address to listen on (default: HOSTNAME, else 0.0.0.0)
//
// NODE_ENV defaults to production, as with `next start`. SIGTERM and SIGINT stop taking new
// connections, let the requests in flight finish (for up to 10 s), then close the database pool.
import { readdirSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

const USAGE = "Usage: npm run start:api [-- --port N] [-- --hostname NAME]";

/** How long SIGTERM waits for the requests in flight before closing their connections. */
const STOP_GRACE_MS = 10_000;

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

function options(): { port: number; hostname: string } {
  let values: { port?: string; hostname?: string };
  try {
    ({ values } = parseArgs({ options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } } }));
  } catch (error) {
    fail(`${error instanceof Error ? error.message : String(error)}. ${USAGE}`);
  }
  const portText = (values.port ?? process.env.PORT ?? "3001").trim();
  if (!/^\d{1,5}$/.test(portText) || Number(portText) > 65_535) fail(`The port must be a whole number from 0 to 65535, not "${portText}". ${USAGE}`);
  return { port: Number(portText), hostname: (values.hostname ?? process.env.HOSTNAME ?? "0.0.0.0").trim() };
}

/** Every route.ts below app/api/v3, and the health check, as paths below app/ with "/" separators. */
function routeFiles(appDir: string): string[] {
  const api = readdirSync(path.join(appDir, "api", "v3"), { recursive: true, encoding: "utf8" })
    .filter((file) => path.basename(file) === "route.ts")
    .map((file) => ["api", "v3", ...file.split(path.sep)].join("/"))
    .sort();
  return [...api, "healthz/route.ts"];
}

async function main(): Promise<void> {
  const { port, hostname } = options();
  // process.env is typed with a read-only NODE_ENV (Next's types); it is settable at run time.
  (process.env as Record<string, string | undefined>).NODE_ENV ??= "production";
  if (!process.env.DATABASE_URL?.trim()) {
    fail("The API process needs PostgreSQL: set DATABASE_URL. With the embedded database, `npm run demo` (or `npm start`) serves the API at /api/v3 itself.");
  }
  // Imported after NODE_ENV is settled: the modules read it.
  const { getRequestListener } = await import("@hono/node-server");
  const { createApiHandler, routeSegmentsOf } = await import("@/lib/api/server");
  const { getDb } = await import("@/lib/db/client");
  const { describeDbConfig } = await import("@/lib/db/config");
  const { log } = await import("@/lib/log");
  type RouteModule = import("@/lib/api/server").RouteModule;

  const appDir = path.join(import.meta.dirname, "..", "app");
  const files = routeFiles(appDir);
  const routes = await Promise.all(
    files.map(async (file) => ({ segments: routeSegmentsOf(file), module: (await import(pathToFileURL(path.join(appDir, file)).href)) as RouteModule })),
  );
  const db = await getDb();
  // `hostname`: the host of a request that names none (HTTP/1.0, as load balancers' health checks
  // send by default); a handler reads only the path and query of its URL.
  const server = createServer(getRequestListener(createApiHandler(routes), { hostname: "localhost" }));
  // Idle keep-alive connections outlive a load balancer's own idle timeout (60 s is common), so the
  // balancer closes them, never this process mid-reuse; the headers' timeout must be longer still.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, hostname, resolve);
  });
  const address = server.address();
  const listening = typeof address === "object" && address ? `${address.address}:${address.port}` : String(address);
  console.log(`ECF Finance API on http://${listening} (${routes.length} routes, ${describeDbConfig(db.config)})`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info({ event: "api.stopping", signal }, "api stopping");
    server.close(() => {
      db.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
    server.closeIdleConnections();
    // A request still unanswered after the grace period is cut off rather than holding the stop.
    setTimeout(() => server.closeAllConnections(), STOP_GRACE_MS).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
