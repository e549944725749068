// The layers of lib/ and the imports they may not make: `npm run lint:deps`, a check of its own
// in `npm test`. Paths are relative to the folder the cruise starts from: the repository root (run
// it from there: the tsconfig's "@/..." alias is resolved against it). tests/unit/architecture runs
// these same rules on a fixture tree of its own (tests/fixtures/architecture), which proves each
// rule fails on a bad import. Type-only imports count: a layer that names another's types depends
// on it.
//
// An import that cannot be resolved keeps its written name ("@/generated/prisma/client" before the
// Prisma client is generated), so the patterns below accept the "@/" spelling too.

/**
 * Database access and other I/O: what pure code must not import. An npm package is matched by the
 * path it resolves to (node_modules/<name>/...), or by its name when it cannot be resolved.
 */
const IO = [
  "^(@/)?lib/db/",
  "^(@/)?lib/log(\\.ts)?$",
  "^(@/)?generated/",
  "(^|/)node_modules/(pg|next)/",
  "(^|/)node_modules/(@prisma|@electric-sql)/",
  "^(pg|next)(/|$)",
  "^(@prisma|@electric-sql)/",
];

/** The feature folders: one home per feature, each reached by transport and pages, never the reverse. */
const FEATURES = "^lib/(audit|declarations|participants|statements|partnerships|schools|delivery-partners|schedules)/";

/** @type {import("dependency-cruiser").IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "lib-not-app-or-components",
      comment:
        "lib/ is the code behind the pages and the API: it never imports the pages (app/) or the React " +
        "components (components/). Move what both need into lib/ (e.g. lib/format).",
      severity: "error",
      from: { path: "^lib/" },
      to: { path: "^(@/)?(app|components)/" },
    },
    {
      name: "db-is-infrastructure",
      comment:
        "lib/db is infrastructure only (client, config, migrations, lock, raw SQL, audit, transactions): " +
        "it imports nothing else under lib/ (no feature, no lib/api), only lib/db itself, the generated " +
        "Prisma client and npm packages.",
      severity: "error",
      from: { path: "^lib/db/" },
      to: { path: "^(@/)?lib/", pathNot: "^(@/)?lib/db/" },
    },
    {
      name: "pure-has-no-io",
      comment:
        "lib/engine, lib/domain and every rules/ folder under lib/ are pure functions tested without a " +
        "database: they import no database access (lib/db, generated/, @prisma/*, pg, @electric-sql/*), " +
        "no Next.js and no logging (lib/log). The caller loads the data and passes it in.",
      severity: "error",
      from: { path: ["^lib/engine/", "^lib/domain/", "^lib/.+/rules/"] },
      to: { path: IO },
    },
    {
      name: "features-not-transport",
      comment:
        "Feature services return typed refusals ({ field, code, ...data }); lib/api (transport) maps them " +
        "to the API's messages and JSON:API errors. So a feature never imports lib/api; lib/api may " +
        "import features.",
      severity: "error",
      from: { path: FEATURES },
      to: { path: "^(@/)?lib/api/" },
    },
    {
      name: "no-circular",
      comment:
        "No import cycles within lib/: each module's dependencies can be read (and tested) before it. " +
        "Break a cycle by moving the shared part down a layer.",
      severity: "error",
      from: { path: "^lib/" },
      to: { path: "^lib/", circular: true },
    },
  ],
  options: {
    // npm packages and the generated Prisma client are leaves: an import of them is checked by its
    // name, their own imports are not ours.
    doNotFollow: { path: ["node_modules", "^generated/"] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      mainFields: ["module", "main", "types", "typings"],
    },
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
