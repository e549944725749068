// The date the integration tests build the demo data around, pinned so they stay deterministic (the
// end-to-end server pins the same one in playwright.config.ts). On it: cohorts 2021–2026; October 2026
// is the payable output statement of cohorts 2024 and 2025, January 2027 their next open one.
export const DEMO_TODAY = new Date("2026-10-20T00:00:00.000Z");
