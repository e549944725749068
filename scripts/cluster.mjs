// Several instances of the built app behind HAProxy (Debian's package), on one PostgreSQL database:
// the production topology of docs/operations.md ("Running more than one instance") on one machine.
// Used by `npm run bench:cluster` (bench/cluster.ts) and the cluster journey (e2e/cluster.spec.ts).
//
//   node scripts/cluster.mjs --port 3150 [--instances 2]     (DATABASE_URL and AUTH_SECRET from the environment)
//
// Each instance is `scripts/start.mjs` (the production server) on its own port, with the same
// DATABASE_URL and AUTH_SECRET and TRUSTED_PROXIES=127.0.0.1 (the balancer); HAProxy balances them
// round robin, health-checks /healthz, appends the client to X-Forwarded-For and names the instance
// that answered in an X-Served-By response header. Nothing is sticky: any instance serves any request.
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

export function haproxyConfig({ port, instancePorts }) {
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
    "  default_backend app",
    "backend app",
    "  balance roundrobin",
    "  option httpchk GET /healthz",
    "  http-response set-header X-Served-By %[srv_name]",
    ...instancePorts.map((p, i) => `  server app${i + 1} 127.0.0.1:${p} check inter 1s`),
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

/**
 * Starts `instances` app servers on port+1… and HAProxy on `port`. `env` must carry DATABASE_URL and
 * AUTH_SECRET (shared by every instance). Resolves once the balancer answers /healthz.
 */
export async function startCluster({ port, instances = 2, env = process.env, quiet = true }) {
  const haproxy = haproxyPath();
  if (!haproxy) throw new Error("HAProxy is not installed: apt-get install haproxy (Debian), or set HAPROXY_PATH.");
  if (!env.DATABASE_URL) throw new Error("The cluster needs DATABASE_URL (one PostgreSQL database shared by every instance).");
  if (!env.AUTH_SECRET) throw new Error("The cluster needs AUTH_SECRET (shared by every instance, so a session works on any of them).");
  const instancePorts = Array.from({ length: instances }, (_, i) => port + 1 + i);
  const stdio = quiet ? ["ignore", "ignore", "pipe"] : "inherit";
  const servers = instancePorts.map((p) =>
    spawn(process.execPath, [path.join(root, "scripts/start.mjs"), "-p", String(p), "-H", "127.0.0.1"], {
      cwd: root,
      env: { NODE_ENV: "production", TRUSTED_PROXIES: "127.0.0.1", ...env, PORT: String(p) },
      stdio,
      detached: true,
    }),
  );
  const dir = mkdtempSync(path.join(os.tmpdir(), "ecf-cluster-"));
  const config = path.join(dir, "haproxy.cfg");
  writeFileSync(config, haproxyConfig({ port, instancePorts }));
  const check = spawnSync(haproxy, ["-c", "-q", "-f", config], { encoding: "utf8" });
  if (check.status !== 0) throw new Error(`HAProxy refused its configuration: ${check.stderr || check.stdout}`);
  const balancer = spawn(haproxy, ["-f", config, "-db"], { stdio, detached: true });
  const stop = async () => {
    await Promise.all([stopProcess(balancer), ...servers.map(stopProcess)]);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await Promise.all(servers.map((s, i) => waitFor(`http://127.0.0.1:${instancePorts[i]}/healthz`, s, `instance ${i + 1}`)));
    await waitFor(`http://127.0.0.1:${port}/healthz`, balancer, "HAProxy");
    // Both instances must be in rotation before anyone relies on the spread.
    const seen = new Set();
    const deadline = Date.now() + 30_000;
    while (seen.size < instances && Date.now() < deadline) {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      seen.add(response.headers.get("x-served-by"));
      await response.arrayBuffer();
    }
    if (seen.size < instances) throw new Error(`HAProxy sends to ${seen.size} of ${instances} instances`);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    url: `http://127.0.0.1:${port}`,
    instanceUrls: instancePorts.map((p) => `http://127.0.0.1:${p}`),
    stop,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { port: { type: "string", default: "3150" }, instances: { type: "string", default: "2" } } });
  const cluster = await startCluster({ port: Number(values.port), instances: Number(values.instances), quiet: false });
  console.log(`HAProxy on ${cluster.url} in front of ${cluster.instanceUrls.join(", ")}. Ctrl-C stops them all.`);
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => cluster.stop().then(() => process.exit(0)));
}
