// Starts the built app for the end-to-end tests on a fresh database with the demo data, built around the
// date given by --today (playwright.config.ts pins it, so the tests stay deterministic):
// a PostgreSQL database "ecf_e2e" (per port; recreated each run, scripts/e2e-database.mjs) when a server
// is reachable, else a fresh PGlite folder. Writes test-results/e2e-state-<port>.json so tests can look at the database.
//
//   node scripts/e2e-server.mjs [port] [--today YYYY-MM-DD]
import { spawn } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { freshPostgresDatabase, setUpDemoData } from "./e2e-database.mjs";

const args = process.argv.slice(2);
const todayAt = args.findIndex((arg) => arg === "--today");
const today = todayAt >= 0 ? args.splice(todayAt, 2)[1] : undefined;
const port = args[0] ?? "3100";
// One database per port, so end-to-end runs on different ports do not meet.
const dbName = port === "3100" ? "ecf_e2e" : `ecf_e2e_${port}`;
const root = path.resolve(import.meta.dirname, "..");
const env = {
  ...process.env,
  PORT: port,
  AUTH_SECRET: process.env.AUTH_SECRET ?? "e2e-only-secret-0123456789abcdef0123456789",
  NODE_ENV: "production",
  NEXTAUTH_URL: `http://127.0.0.1:${port}`,
  // The bad-input spec sends thousands of API requests a minute with one token.
  API_RATE_LIMIT_PER_MINUTE: process.env.API_RATE_LIMIT_PER_MINUTE ?? "1000000",
};

const url = await freshPostgresDatabase(dbName);
mkdirSync(path.join(root, "test-results"), { recursive: true });
if (url) {
  env.DATABASE_URL = url;
} else {
  delete env.DATABASE_URL;
  env.PGLITE_DATA_DIR = path.join(root, ".data", `e2e-pglite-${port}`);
  rmSync(env.PGLITE_DATA_DIR, { recursive: true, force: true });
  rmSync(`${env.PGLITE_DATA_DIR}.lock`, { recursive: true, force: true });
}
writeFileSync(path.join(root, "test-results", `e2e-state-${port}.json`), JSON.stringify({ databaseUrl: url, baseURL: `http://127.0.0.1:${port}` }));

// The demo data, asked for explicitly.
try {
  setUpDemoData(env, { today });
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

const server = spawn(process.execPath, [path.join(root, "scripts/start.mjs"), "-p", port, "-H", "127.0.0.1"], { cwd: root, env, stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
