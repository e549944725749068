import { defineConfig, devices } from "@playwright/test";
import { existsSync } from "node:fs";
import { PINNED_DEMO_TODAY } from "./prisma/seed/dates";

const PORT = Number(process.env.E2E_PORT ?? 3100);
// The date the demo data is built around (statuses paid/payable/open, nothing after it): pinned so the
// journeys stay deterministic; the integration tests and benchmarks pin the same one.
const SEED_TODAY = PINNED_DEMO_TODAY.toISOString().slice(0, 10);
const baseURL = `http://127.0.0.1:${PORT}`;

// The system Chromium (Debian's /usr/bin/chromium) unless CHROMIUM_PATH says otherwise; on a
// laptop without it, Playwright's own browser.
const systemChromium = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "./e2e",
  outputDir: `test-results/e2e-${PORT}`,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 1,
  fullyParallel: false,
  timeout: 30_000,
  reporter: [["list"], ["json", { outputFile: PORT === 3100 ? "test-results/e2e.json" : `test-results/e2e-${PORT}.json` }]],
  use: {
    baseURL,
    locale: "en-GB",
    timezoneId: "Europe/London",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: systemChromium,
      args: ["--disable-gpu", "--disable-quic", "--disable-sync", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    command: `node scripts/e2e-server.mjs ${PORT} --today ${SEED_TODAY}`,
    url: `${baseURL}/healthz`,
    reuseExistingServer: false,
    timeout: 180_000,
    // The server logs a JSON line per request: too much for the test output. Errors still show.
    stdout: "ignore",
    stderr: "pipe",
  },
});
