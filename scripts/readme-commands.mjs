// The README's commands, as someone runs them straight after `npm ci` (`npm test` runs this first,
// before it generates anything): it removes generated/ and runs each command against fresh PostgreSQL
// databases of its own, checking exit codes and the key output. Needs PostgreSQL (the admin URL is
// README_CHECK_ADMIN_URL, default postgresql://postgres@127.0.0.1:5432/postgres); `npm test` reports
// it as not run without one. Not run here: `npm run demo`/`start`/`dev` (servers; `start:api` is run
// by tests/integration/api-process.test.ts), `build` and `bench` (`npm test` runs those itself),
// `db:seed --scale` (minutes).
//
//   node scripts/readme-commands.mjs
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";

const root = path.resolve(import.meta.dirname, "..");
const adminUrl = process.env.README_CHECK_ADMIN_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
const started = Date.now();
const PASSWORD = `readme-${randomBytes(12).toString("hex")}`;

let failures = 0;
let checks = 0;

async function admin(sql) {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

function databaseUrl(name) {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function query(name, sql) {
  const client = new pg.Client({ connectionString: databaseUrl(name) });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

/** Runs `npm <args>` as a user would, and checks its exit code and output. */
function npm(label, args, { db, input, env = {}, status = 0, stdout, stderr } = {}) {
  checks += 1;
  const runEnv = { ...process.env, ...env };
  delete runEnv.NODE_ENV; // a user's shell, not npm test's
  if (env.NODE_ENV) runEnv.NODE_ENV = env.NODE_ENV;
  if (db) runEnv.DATABASE_URL = databaseUrl(db);
  const result = spawnSync("npm", args, { cwd: root, env: runEnv, input: input ?? "", encoding: "utf8", timeout: 120_000 });
  const problems = [];
  if (result.status !== status) problems.push(`exit ${result.status} (expected ${status})`);
  if (stdout && !stdout.test(result.stdout)) problems.push(`stdout does not match ${stdout}`);
  if (stderr && !stderr.test(result.stderr)) problems.push(`stderr does not match ${stderr}`);
  if (problems.length) {
    failures += 1;
    console.log(`FAILED  ${label}: npm ${args.join(" ")}\n  ${problems.join("; ")}\n  stdout: ${result.stdout.trim().slice(-800)}\n  stderr: ${result.stderr.trim().slice(-800)}`);
  } else {
    console.log(`ok      ${label}`);
  }
  return result;
}

function expect(label, ok, detail = "") {
  checks += 1;
  if (ok) console.log(`ok      ${label}`);
  else {
    failures += 1;
    console.log(`FAILED  ${label}${detail ? `: ${detail}` : ""}`);
  }
}

function calculatorExample() {
  const doc = readFileSync(path.join(root, "docs/calculator.md"), "utf8");
  const example = doc.slice(doc.indexOf("## Worked example"));
  const match = /```json\n([\s\S]*?)\n```/.exec(example);
  if (!match) throw new Error("docs/calculator.md has no worked example input.");
  return match[1];
}

const suffix = `${process.pid}_${randomBytes(3).toString("hex")}`;
const plain = `ecf_readme_${suffix}`;
const demo = `ecf_readme_demo_${suffix}`;

// Straight after `npm ci`: nothing generated yet.
rmSync(path.join(root, "generated"), { recursive: true, force: true });

await admin(`CREATE DATABASE "${plain}"`);
await admin(`CREATE DATABASE "${demo}"`);
try {
  // "Using PostgreSQL instead": set up, then the first user.
  npm("db:setup migrates a new database and says how to add the first user", ["run", "db:setup"], {
    db: plain,
    stdout: /Migrations: \d+ applied[\s\S]*No staff users yet: add the first with npm run staff:add/,
  });
  const [counts] = await query(plain, "SELECT (SELECT count(*) FROM staff_users)::int AS staff, (SELECT count(*) FROM api_tokens)::int AS tokens");
  expect("db:setup creates no staff user and no API token", counts.staff === 0 && counts.tokens === 0, JSON.stringify(counts));
  npm("staff:add refuses a password on the command line", ["run", "staff:add", "--", "--email", "first@example.com", "--name", "First User", "--role", "finance", "--password", PASSWORD], {
    db: plain,
    status: 2,
    stderr: /never taken from the command line/,
  });
  npm("staff:add reads the password from stdin", ["run", "staff:add", "--", "--email", "first@example.com", "--name", "First User", "--role", "finance,approver"], {
    db: plain,
    input: `${PASSWORD}\n`,
    stdout: /Staff user first@example\.com added \(finance, approver\)/,
  });
  npm("staff:list shows the user", ["run", "-s", "staff:list"], { db: plain, stdout: /first@example\.com\tFirst User\tfinance,approver\tactive/ });
  npm("staff:reset-password reads the new password from stdin", ["run", "staff:reset-password", "--", "--email", "first@example.com"], {
    db: plain,
    input: `${PASSWORD}-new\n`,
    stdout: /Password of first@example\.com reset; every session of theirs has ended/,
  });
  npm("staff:disable", ["run", "staff:disable", "--", "--email", "first@example.com"], { db: plain, stdout: /disabled: they cannot sign in/ });
  npm("staff:enable", ["run", "staff:enable", "--", "--email", "first@example.com"], { db: plain, stdout: /enabled/ });
  npm("db:setup again changes nothing", ["run", "db:setup"], { db: plain, stdout: /Migrations: 0 applied/ });

  // The demo data: only when asked for, never in production.
  npm("db:setup -- --demo refuses with NODE_ENV=production", ["run", "db:setup", "--", "--demo"], {
    db: demo,
    env: { NODE_ENV: "production" },
    status: 2,
    stderr: /refuses to run with NODE_ENV=production/,
  });
  npm("db:setup -- --demo seeds the demo data", ["run", "db:setup", "--", "--demo"], { db: demo, stdout: /Demo data: seeded for \d{4}-\d{2}-\d{2}/ });
  npm("db:seed on a database with data adds nothing", ["run", "db:seed"], { db: demo, stdout: /already has data; nothing seeded/ });

  // API tokens.
  const created = npm("api:token with an expiry prints only the token", ["run", "-s", "api:token", "--", "--provider", "Ambition Institute", "--expires-in-days", "30"], {
    db: demo,
    stdout: /^ecf_[A-Za-z0-9_-]{43}\n$/,
    stderr: /^Token [0-9a-f-]{36} for Ambition Institute, expires \d{4}-\d{2}-\d{2}T/,
  });
  const token = created.stdout.trim();
  const id = /Token ([0-9a-f-]{36})/.exec(created.stderr)?.[1] ?? "none";
  npm("api:token refuses a date in the past", ["run", "-s", "api:token", "--", "--provider", "Ambition Institute", "--expires", "2020-01-01"], {
    db: demo,
    status: 2,
    stderr: /not in the future/,
  });
  const listed = npm("api:token:list shows ids, status and last use", ["run", "-s", "api:token:list"], {
    db: demo,
    stdout: new RegExp(`^${id}\\tAmbition Institute\\tactive\\t.*\\tnever\\t`, "m"),
  });
  expect("api:token:list never shows a token", token.length > 0 && !listed.stdout.includes(token) && !listed.stdout.includes("demo-token-"));
  npm("api:token:revoke", ["run", "-s", "api:token:revoke", "--", "--id", id], { db: demo, stdout: /revoked: the API refuses it from now on/ });
  npm("api:token:list shows it revoked", ["run", "-s", "api:token:list", "--", "--provider", "Ambition Institute"], {
    db: demo,
    stdout: new RegExp(`^${id}\\tAmbition Institute\\trevoked\\t`, "m"),
  });

  // The other commands of the table.
  npm("statements:mark-payable", ["run", "statements:mark-payable"], { db: demo });
  npm("participants:eligibility without arguments is a usage error", ["run", "participants:eligibility"], { db: demo, status: 2, stderr: /Usage: npm run participants:eligibility/ });
  const calc = npm("statement:calc with the docs' worked example", ["run", "-s", "statement:calc"], { input: calculatorExample(), stdout: /14891\.03/ });
  let parsed = false;
  try {
    parsed = typeof JSON.parse(calc.stdout) === "object";
  } catch {
    parsed = false;
  }
  expect("statement:calc prints one JSON document", parsed);
} finally {
  await admin(`DROP DATABASE IF EXISTS "${plain}" WITH (FORCE)`).catch(() => undefined);
  await admin(`DROP DATABASE IF EXISTS "${demo}" WITH (FORCE)`).catch(() => undefined);
}

console.log(`README commands: ${checks - failures} of ${checks} checks passed in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
process.exit(failures === 0 ? 0 : 1);
