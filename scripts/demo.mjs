// `npm run demo [-- --today YYYY-MM-DD]`: builds the app, sets up the embedded database with demo data
// (unless DATABASE_URL points at PostgreSQL) built around today's date (or --today) and serves it on
// PORT (default 3000).
import { spawnSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";

const port = process.env.PORT || "3000";
const env = { ...process.env, PORT: port, NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}` };
if (!env.AUTH_SECRET) {
  env.AUTH_SECRET = `demo-only-${randomBytes(24).toString("hex")}`;
  console.log("AUTH_SECRET is not set: using a random development value for this run (sessions end when it stops).");
}

function run(args, extraEnv = {}) {
  const result = spawnSync("npm", args, { stdio: "inherit", env: { ...env, ...extraEnv } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run(["run", "-s", "build"]);
// The demo data (known passwords and tokens) is asked for explicitly; db:setup --demo refuses under
// NODE_ENV=production, so this step has a NODE_ENV of its own whatever the shell says.
run(["run", "-s", "db:setup", "--", "--demo", ...process.argv.slice(2)], { NODE_ENV: "development" });

console.log(`
ECF Finance is starting on http://localhost:${port}
  Sign in at http://localhost:${port}/sign-in
  Finance user:          finance@example.com / demo-password-123
  Signed in, no finance: viewer@example.com  / demo-password-123
`);
const server = spawn(process.execPath, [path.join(import.meta.dirname, "start.mjs"), "-p", port], { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
