// Several instances of the built app behind HAProxy (Debian's package), on one PostgreSQL database:
// the production topology of docs/operations.md ("Running more than one instance") on one machine.
// Used by `npm run bench:cluster` (bench/cluster.ts) and the cluster journey (e2e/cluster.spec.ts).
//
//   node scripts/cluster.mjs --port 3150 [--instances 2] [--api-instances 2]
//   (DATABASE_URL and AUTH_SECRET from the environment)
//
// Each app instance is `scripts/start.mjs` (the production server) on its own port, with the same
// DATABASE_URL and AUTH_SECRET and TRUSTED_PROXIES=127.0.0.1 (the balancer); HAProxy balances them
// round robin, health-checks /healthz, appends the client to X-Forwarded-For and names the instance
// that answered in an X-Served-By response header (app1, app2, …). With API instances (the API
// process, scripts/api-server.ts: `npm run start:api`), HAProxy sends /api/v3/… to them instead
// (api1, api2, …), as production's API tier. Nothing is sticky: any instance serves any request.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

const root = path.resolve(import.meta.dirname, "..");

/** The HAProxy binary: HAPROXY_PATH, else Debian's. */
export function haproxyPath() {
  const candidate = process.env.HAPROXY_PATH ?? "/usr/sbin/haproxy";
  return existsSync(candidate) ? candidate : null;
}

export function haproxyConfig({ port, instancePorts, apiPorts = [] }) {
  const backend = (name, prefix, ports) => [
    `backend ${name}`,
    "  balance roundrobin",
    "  option httpchk GET /healthz",
    "  http-response set-header X-Served-By %[srv_name]",
    ...ports.map((p, i) => `  server ${prefix}${i + 1} 127.0.0.1:${p} check inter 1s`),
  ];
  return [
    "global",
    "  maxconn 4096",
    "defaults",
    "  mode http",
    "  timeout connect 5s",
    "  timeout client 60s",
    "  timeout server 60s",
    "  option forwardfor",
    "  option http-keep-alive",
    "frontend web",
    `  bind 127.0.0.1:${port}`,
    ...(apiPorts.length > 0 ? ["  acl lead_provider_api path_beg /api/v3/", "  use_backend api if lead_provider_api"] : []),
    "  default_backend app",
    ...backend("app", "app", instancePorts),
    ...(apiPorts.length > 0 ? backend("api", "api", apiPorts) : []),
    "",
  ].join("\n");
}

async function waitFor(url, child, label, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${label} exited with ${child.exitCode}`);
    const ok = await fetch(url).then((r) => r.ok, () => false);
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`${label} did not answer ${url} within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

function stopProcess(child) {
  if (!child.pid || child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      child.kill("SIGTERM");
    }
    setTimeout(() => {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        /* already gone */
      }
      resolve();
    }, 5000).unref();
  });
}

/** Until `url` has been answered by every one of `names` (X-Served-By): all of them in rotation. */
async function waitForRotation(url, names) {
  const seen = new Set();
  const deadline = Date.now() + 30_000;
  while (names.some((name) => !seen.has(name)) && Date.now() < deadline) {
    const response = await fetch(url);
    seen.add(response.headers.get("x-served-by"));
    await response.arrayBuffer();
  }
  const missing = names.filter((name) => !seen.has(name));
  if (missing.length > 0) throw new Error(`HAProxy does not send ${url} to ${missing.join(", ")}`);
}

/**
 * Starts `instances` app servers on port+1…, `apiInstances` API processes after them, and HAProxy on
 * `port`. `env` must carry DATABASE_URL and AUTH_SECRET (shared by every instance). Resolves once
 * the balancer sends to every instance.
 */
export async function startCluster({ port, instances = 2, apiInstances = 0, env = process.env, quiet = true }) {
  const haproxy = haproxyPath();
  if (!haproxy) throw new Error("HAProxy is not installed: apt-get install haproxy (Debian), or set HAPROXY_PATH.");
  if (!env.DATABASE_URL) throw new Error("The cluster needs DATABASE_URL (one PostgreSQL database shared by every instance).");
  if (!env.AUTH_SECRET) throw new Error("The cluster needs AUTH_SECRET (shared by every instance, so a session works on any of them).");
  const instancePorts = Array.from({ length: instances }, (_, i) => port + 1 + i);
  const apiPorts = Array.from({ length: apiInstances }, (_, i) => port + 1 + instances + i);
  const stdio = quiet ? ["ignore", "ignore", "pipe"] : "inherit";
  const serve = (script, p) =>
    spawn(process.execPath, [...script, "-p", String(p), "-H", "127.0.0.1"], {
      cwd: root,
      env: { NODE_ENV: "production", TRUSTED_PROXIES: "127.0.0.1", ...env, PORT: String(p) },
      stdio,
      detached: true,
    });
  const servers = instancePorts.map((p) => serve([path.join(root, "scripts/start.mjs")], p));
  const apiServers = apiPorts.map((p) => serve([path.join(root, "node_modules/tsx/dist/cli.mjs"), path.join(root, "scripts/api-server.ts")], p));
  const dir = mkdtempSync(path.join(os.tmpdir(), "ecf-cluster-"));
  const config = path.join(dir, "haproxy.cfg");
  writeFileSync(config, haproxyConfig({ port, instancePorts, apiPorts }));
  const check = spawnSync(haproxy, ["-c", "-q", "-f", config], { encoding: "utf8" });
  if (check.status !== 0) throw new Error(`HAProxy refused its configuration: ${check.stderr || check.stdout}`);
  const balancer = spawn(haproxy, ["-f", config, "-db"], { stdio, detached: true });
  const stop = async () => {
    await Promise.all([stopProcess(balancer), ...servers.map(stopProcess), ...apiServers.map(stopProcess)]);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await Promise.all([
      ...servers.map((s, i) => waitFor(`http://127.0.0.1:${instancePorts[i]}/healthz`, s, `instance ${i + 1}`)),
      ...apiServers.map((s, i) => waitFor(`http://127.0.0.1:${apiPorts[i]}/healthz`, s, `API instance ${i + 1}`)),
    ]);
    await waitFor(`http://127.0.0.1:${port}/healthz`, balancer, "HAProxy");
    // Every instance must be in rotation before anyone relies on the spread.
    await waitForRotation(`http://127.0.0.1:${port}/healthz`, instancePorts.map((_, i) => `app${i + 1}`));
    if (apiInstances > 0) await waitForRotation(`http://127.0.0.1:${port}/api/v3/statements`, apiPorts.map((_, i) => `api${i + 1}`));
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    url: `http://127.0.0.1:${port}`,
    instanceUrls: instancePorts.map((p) => `http://127.0.0.1:${p}`),
    apiInstanceUrls: apiPorts.map((p) => `http://127.0.0.1:${p}`),
    stop,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: { port: { type: "string", default: "3150" }, instances: { type: "string", default: "2" }, "api-instances": { type: "string", default: "0" } },
  });
  const cluster = await startCluster({ port: Number(values.port), instances: Number(values.instances), apiInstances: Number(values["api-instances"]), quiet: false });
  console.log(`HAProxy on ${cluster.url} in front of ${[...cluster.instanceUrls, ...cluster.apiInstanceUrls].join(", ")}. Ctrl-C stops them all.`);
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => cluster.stop().then(() => process.exit(0)));
}
