// Generates what the repo does not commit: the Prisma client (generated/prisma) and the
// govuk-frontend assets (public/assets). Run by `npm run build`, `dev`, `demo` and `test`.
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");

// `prisma generate` makes no connection, but without any DATABASE_URL it tries to download a
// query engine we do not use (engineType "client").
execFileSync(process.execPath, [path.join(root, "node_modules/prisma/build/index.js"), "generate"], {
  cwd: root,
  stdio: ["ignore", "ignore", "inherit"],
  env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL || "postgresql://unused@127.0.0.1:1/unused" },
});

// Images and the manifest only: this is not a GOV.UK website service, so we do not use the
// GDS Transport font (docs/architecture.md, "Branding"). Only public/assets is generated (and
// ignored by git); the rest of public/ (favicon, robots.txt) is committed.
const assets = path.join(root, "node_modules/govuk-frontend/dist/govuk/assets");
const target = path.join(root, "public/assets");
rmSync(target, { recursive: true, force: true });
mkdirSync(target, { recursive: true });
cpSync(path.join(assets, "images"), path.join(target, "images"), { recursive: true });
cpSync(path.join(assets, "manifest.json"), path.join(target, "manifest.json"));
