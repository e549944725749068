// Enumerates, from the file system at test time, every page, route handler and server action of
// app/, so a new one cannot be left out of the authorisation matrix. Dynamic segments are filled
// from one table keyed by segment name; a segment with no entry fails the test (add it here).
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const ROOT = process.cwd();
const APP = path.join(ROOT, "app");

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...walk(full));
    else out.push(full);
  }
  return out;
}

/** app-relative paths with forward slashes. */
export function appFiles(): string[] {
  return walk(APP)
    .map((file) => path.relative(ROOT, file).split(path.sep).join("/"))
    .sort();
}

/** "app/statements/[statementId]/page.tsx" → "/statements/[statementId]" (route groups dropped). */
export function routePattern(file: string): string {
  const dir = path.posix.dirname(file).replace(/^app/, "");
  const segments = dir.split("/").filter((s) => s && !/^\(.*\)$/.test(s) && !s.startsWith("@"));
  return `/${segments.join("/")}`;
}

export function dynamicSegments(pattern: string): string[] {
  return [...pattern.matchAll(/\[{1,2}(?:\.\.\.)?([^\]]+)\]{1,2}/g)].map((m) => m[1] as string);
}

/** Fills `[name]` segments from `values`; throws naming the segment when there is no value. */
export function fillPattern(pattern: string, values: Record<string, string | undefined>): string {
  return pattern.replace(/\[{1,2}(?:\.\.\.)?([^\]]+)\]{1,2}/g, (_all, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`No id for the dynamic segment [${name}] of ${pattern}: add it to the segment table in the spec`);
    return value;
  });
}

export interface PageEntry {
  file: string;
  pattern: string;
}

export function pages(): PageEntry[] {
  return appFiles()
    .filter((f) => /\/page\.(tsx|ts|jsx|js)$/.test(f))
    .map((file) => ({ file, pattern: routePattern(file) }));
}

export const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export interface RouteEntry {
  file: string;
  pattern: string;
  methods: HttpMethod[];
}

/** Every route.ts with the HTTP methods it exports (`export const GET =` or `export async function GET`). */
export function routes(): RouteEntry[] {
  return appFiles()
    .filter((f) => /\/route\.(ts|js)$/.test(f))
    .map((file) => {
      const source = readFileSync(path.join(ROOT, file), "utf8");
      const methods = HTTP_METHODS.filter((m) => new RegExp(`export\\s+(?:const\\s+${m}\\b|(?:async\\s+)?function\\s+${m}\\b)`).test(source));
      return { file, pattern: routePattern(file), methods };
    });
}

export interface ActionSource {
  file: string;
  name: string;
  /** Parameter names, in order. */
  params: string[];
}

/** Every exported async function of every "use server" file. */
export function actionSources(): ActionSource[] {
  const out: ActionSource[] = [];
  for (const file of appFiles().filter((f) => /\.(ts|tsx)$/.test(f))) {
    const source = readFileSync(path.join(ROOT, file), "utf8");
    if (!/^\s*(?:\/\/[^\n]*\n\s*)*["']use server["']/.test(source)) continue;
    for (const match of source.matchAll(/export\s+async\s+function\s+(\w+)\s*\(([^)]*)\)/g)) {
      const params = (match[2] as string)
        .split(",")
        .map((p) => p.trim().split(/[\s:?=]/)[0] as string)
        .filter(Boolean);
      out.push({ file, name: match[1] as string, params });
    }
  }
  return out;
}

export interface ManifestAction {
  id: string;
  file: string;
  name: string;
  /** The pages (e.g. "app/statements/[statementId]/authorise/page") the action is bundled with. */
  workers: string[];
}

/** The build's server-reference manifest (NEXT_DIST_DIR, default .next). */
export function manifestActions(): ManifestAction[] {
  const dist = process.env.NEXT_DIST_DIR ?? ".next";
  const manifest = JSON.parse(readFileSync(path.join(ROOT, dist, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { workers: Record<string, unknown>; filename?: string; exportedName?: string }>;
  };
  return Object.entries(manifest.node).map(([id, entry]) => ({
    id,
    file: entry.filename ?? "",
    name: entry.exportedName ?? "",
    workers: Object.keys(entry.workers),
  }));
}
