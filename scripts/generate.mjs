// Generates what the repo does not commit: the Prisma client (generated/prisma) and the
// govuk-frontend assets (public/assets). Run by `npm run build`, `dev`, `demo` and `test`.
//
// `node scripts/generate.mjs --client-if-needed`: only the Prisma client, and only when it is missing
// or was generated from another schema or Prisma version. Every command that opens the database
// (db:setup, staff:*, api:token*, statements:mark-payable, …) runs it first, so each one works
// straight after `npm ci`. It writes nothing on stdout (api:token's stdout is the token alone).
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const clientDir = path.join(root, "generated/prisma");
const stampFile = path.join(clientDir, ".schema-stamp");

/** The schema and the Prisma version the client is made from: a different stamp means generate again. */
function stamp() {
  const prismaVersion = JSON.parse(readFileSync(path.join(root, "node_modules/prisma/package.json"), "utf8")).version;
  return createHash("sha256").update(readFileSync(path.join(root, "prisma/schema.prisma"))).update(`\0${prismaVersion}`).digest("hex");
}

function generateClient() {
  // `prisma generate` makes no connection, but without any DATABASE_URL it tries to download a
  // query engine we do not use (engineType "client").
  execFileSync(process.execPath, [path.join(root, "node_modules/prisma/build/index.js"), "generate"], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL || "postgresql://unused@127.0.0.1:1/unused" },
  });
  writeFileSync(stampFile, `${stamp()}\n`);
}

if (process.argv.includes("--client-if-needed")) {
  const current = existsSync(path.join(clientDir, "client.ts")) && existsSync(stampFile) && readFileSync(stampFile, "utf8").trim() === stamp();
  if (!current) {
    process.stderr.write("Generating the Prisma client (generated/prisma)…\n");
    try {
      generateClient();
    } catch {
      process.stderr.write("Could not generate the Prisma client: run `npm ci`, then `npm run generate`.\n");
      process.exit(1);
    }
  }
  process.exit(0);
}

generateClient();

// Images and the manifest only: this is not a GOV.UK website service, so we do not use the
// GDS Transport font (docs/architecture.md, "Branding"). Only public/assets is generated (and
// ignored by git); the rest of public/ (favicon, robots.txt) is committed.
const assets = path.join(root, "node_modules/govuk-frontend/dist/govuk/assets");
const target = path.join(root, "public/assets");
rmSync(target, { recursive: true, force: true });
mkdirSync(target, { recursive: true });
cpSync(path.join(assets, "images"), path.join(target, "images"), { recursive: true });
cpSync(path.join(assets, "manifest.json"), path.join(target, "manifest.json"));
