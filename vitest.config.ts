import { defineConfig } from "vitest/config";
import path from "node:path";

const alias = { "@": path.resolve(import.meta.dirname) };

// Integration files that measure time, memory or timeouts (a deadline, a health check's time limit,
// a stalled request cut off, a cursor read ahead, an export's RSS growth): they run one at a time,
// after the others, so a neighbouring file's load cannot move their figures.
const TIMING_SENSITIVE = [
  "tests/integration/export-pool.test.ts",
  "tests/integration/faults/*.test.ts",
  "tests/integration/rate-limits.test.ts",
  "tests/integration/api-process.test.ts",
  "tests/integration/cursor.test.ts",
  "tests/integration/csv.test.ts",
];

const integration = {
  environment: "node" as const,
  globalSetup: ["tests/integration/global-setup.ts"],
  testTimeout: 60_000,
  hookTimeout: 120_000,
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts", "tests/unit/**/*.test.tsx"],
          environment: "node",
        },
      },
      {
        // Every file has its own databases (tests/integration/db.ts), so files run side by side, two
        // at a time (one per core). A test's time limit here only catches a hang: the biggest fixtures
        // take about half of it when two files share a quiet machine.
        resolve: { alias },
        test: {
          ...integration,
          testTimeout: 120_000,
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          exclude: TIMING_SENSITIVE,
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
      {
        resolve: { alias },
        test: {
          ...integration,
          name: "integration-timed",
          include: TIMING_SENSITIVE,
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
