// The dependency rules of .dependency-cruiser.cjs (`npm run lint:deps`) fail on a bad import: the
// same rules, run through dependency-cruiser's API on the fixture tree tests/fixtures/architecture,
// report each deliberate bad import there and nothing for the files that follow the rules.
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { cruise, type ICruiseResult } from "dependency-cruiser";
import extractDepcruiseOptions from "dependency-cruiser/config-utl/extract-depcruise-options";
import extractTSConfig from "dependency-cruiser/config-utl/extract-ts-config";

const root = path.resolve(import.meta.dirname, "../../..");
const fixture = path.join(root, "tests/fixtures/architecture");

let result: ICruiseResult;

beforeAll(async () => {
  const options = await extractDepcruiseOptions(path.join(root, ".dependency-cruiser.cjs"));
  // The rules as they are; only where to look differs: the fixture, with its own "@/..." alias.
  const tsConfigFile = path.join(fixture, "tsconfig.json");
  const { output } = await cruise(
    ["lib", "app", "components"],
    { ...options, baseDir: fixture, tsConfig: { fileName: tsConfigFile } },
    undefined,
    { tsConfig: extractTSConfig(tsConfigFile) },
  );
  if (typeof output === "string") throw new Error("expected the cruise result as an object");
  result = output;
}, 30_000);

function violations(rule: string): string[] {
  return result.summary.violations
    .filter((v) => v.rule.name === rule)
    .map((v) => `${v.from} → ${v.to}`)
    .sort();
}

describe("dependency rules on the fixture tree", () => {
  it("runs every rule of the configuration, as errors", async () => {
    const options = await extractDepcruiseOptions(path.join(root, ".dependency-cruiser.cjs"));
    const rules = options.ruleSet?.forbidden ?? [];
    expect(rules.map((r) => r.name).sort()).toEqual(
      ["db-is-infrastructure", "features-not-transport", "lib-not-app-or-components", "no-circular", "pure-has-no-io"].sort(),
    );
    expect(rules.every((r) => r.severity === "error")).toBe(true);
  });

  it("resolves the @/ alias (the fixture's imports are found as files, not left unresolved)", () => {
    const dbBad = result.modules.find((m) => m.source === "lib/db/bad.ts");
    expect(dbBad?.dependencies.map((d) => d.resolved)).toEqual(["lib/statements/x.ts"]);
    expect(dbBad?.dependencies[0]?.couldNotResolve).toBe(false);
  });

  it("lib-not-app-or-components: lib/ importing a component", () => {
    expect(violations("lib-not-app-or-components")).toEqual(["lib/format/bad.ts → components/tag.ts"]);
  });

  it("db-is-infrastructure: lib/db importing a feature", () => {
    expect(violations("db-is-infrastructure")).toEqual(["lib/db/bad.ts → lib/statements/x.ts"]);
  });

  it("pure-has-no-io: the engine importing lib/db, lib/domain the Prisma client (type-only), a rules/ folder Next.js", () => {
    expect(violations("pure-has-no-io")).toEqual([
      "lib/declarations/rules/bad.ts → ../../../node_modules/next/server.js",
      "lib/domain/bad.ts → @/generated/prisma/client",
      "lib/engine/bad.ts → lib/db/client.ts",
    ]);
  });

  it("features-not-transport: a feature importing lib/api", () => {
    expect(violations("features-not-transport")).toEqual(["lib/statements/bad.ts → lib/api/errors.ts"]);
  });

  it("no-circular: two modules of lib/ importing each other", () => {
    const cycles = result.summary.violations.filter((v) => v.rule.name === "no-circular");
    expect(cycles).toHaveLength(1);
    expect(cycles[0]?.cycle?.map((step) => step.name)).toEqual(["lib/cycle/two.ts", "lib/cycle/one.ts"]);
    expect(cycles[0]?.from).toBe("lib/cycle/one.ts");
  });

  it("reports nothing else: the files that follow the rules are clean", () => {
    expect(result.summary.violations).toHaveLength(7);
    const offenders = new Set(result.summary.violations.map((v) => v.from));
    expect([...offenders].sort()).toEqual(
      ["lib/cycle/one.ts", "lib/db/bad.ts", "lib/declarations/rules/bad.ts", "lib/domain/bad.ts", "lib/engine/bad.ts", "lib/format/bad.ts", "lib/statements/bad.ts"].sort(),
    );
    // Each allowed direction is present in the fixture, and cruised without a violation.
    const clean = ["lib/api/route.ts", "lib/statements/x.ts", "lib/db/client.ts", "lib/engine/money.ts", "lib/declarations/rules/window.ts", "components/tag.ts", "app/page.ts"];
    for (const source of clean) {
      const found = result.modules.find((m) => m.source === source);
      expect(found?.dependencies.length, source).toBeGreaterThan(0);
      expect(found?.valid, source).toBe(true);
      expect(found?.dependencies.every((d) => d.valid), source).toBe(true);
    }
  });
});
