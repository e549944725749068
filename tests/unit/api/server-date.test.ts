// The two "pretend it is another date" switches: the API sandbox's X-With-Server-Date
// (API_ALLOW_SERVER_DATE) and statements:mark-payable --today. Neither works in production; the
// job's date may not be in the future (the API header's future dates are its purpose in the sandbox).
import { describe, expect, it } from "vitest";
import { serverDateAllowed } from "@/lib/api/context";
import { serverDate } from "@/lib/api/request";
import { markPayableDateRefusal } from "@/lib/statements/mark-payable";

const NOW = new Date("2026-12-06T15:00:00Z");

describe("X-With-Server-Date", () => {
  it("is allowed only with API_ALLOW_SERVER_DATE=true outside production", () => {
    expect(serverDateAllowed({ API_ALLOW_SERVER_DATE: "true", NODE_ENV: "development" })).toBe(true);
    expect(serverDateAllowed({ API_ALLOW_SERVER_DATE: "true", NODE_ENV: "test" })).toBe(true);
    expect(serverDateAllowed({ API_ALLOW_SERVER_DATE: "true", NODE_ENV: "production" })).toBe(false);
    expect(serverDateAllowed({ API_ALLOW_SERVER_DATE: "1", NODE_ENV: "development" })).toBe(false);
    expect(serverDateAllowed({ NODE_ENV: "development" })).toBe(false);
  });

  it("in production the header is ignored: the request is handled at the real time", () => {
    const request = new Request("http://localhost/api/v3/participant-declarations", { headers: { "X-With-Server-Date": "2027-01-10T10:42:00Z" } });
    const allowed = serverDateAllowed({ API_ALLOW_SERVER_DATE: "true", NODE_ENV: "production" });
    expect(serverDate(request, NOW, allowed)).toBe(NOW);
    expect(serverDate(request, NOW, serverDateAllowed({ API_ALLOW_SERVER_DATE: "true", NODE_ENV: "development" }))).toEqual(
      new Date("2027-01-10T10:42:00Z"),
    );
  });
});

describe("statements:mark-payable --today", () => {
  const development = { NODE_ENV: "development" } as const;

  it("takes today or an earlier day outside production", () => {
    expect(markPayableDateRefusal(new Date("2026-12-06T00:00:00Z"), NOW, development)).toBeNull();
    expect(markPayableDateRefusal(new Date("2026-11-01T00:00:00Z"), NOW, development)).toBeNull();
    expect(markPayableDateRefusal(new Date("2026-12-06T00:00:00Z"), NOW, {})).toBeNull();
  });

  it("refuses a future day", () => {
    expect(markPayableDateRefusal(new Date("2026-12-07T00:00:00Z"), NOW, development)).toBe("--today cannot be in the future (today is 2026-12-06, UTC).");
    expect(markPayableDateRefusal(new Date("2027-01-02T00:00:00Z"), new Date("2027-01-01T23:59:59Z"), development)).toMatch(/future/);
  });

  it("refuses any date in production, even today's", () => {
    expect(markPayableDateRefusal(new Date("2026-12-06T00:00:00Z"), NOW, { NODE_ENV: "production" })).toMatch(/^--today is not available in production/);
    expect(markPayableDateRefusal(new Date("2026-11-01T00:00:00Z"), NOW, { NODE_ENV: "production" })).toMatch(/not available in production/);
  });
});
