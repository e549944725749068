// An API 500 is logged through the redacting logger (lib/log.ts), never console.error with the raw
// error, and its response says nothing about the error.
import { Writable } from "node:stream";
import { afterEach, describe, expect, it, vi } from "vitest";
import { setApiDepsForTests } from "@/lib/api/context";
import { leadProviderRoute } from "@/lib/api/route";
import { createLogger, errorFields, redactText } from "@/lib/log";

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString("utf8").split("\n").filter((line) => line.trim()));
      done();
    },
  });
  return { lines, logger: createLogger({ level: "info", destination }) };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

const SECRETS = ["ada.lovelace@example.com", "demo-token-ambition-institute", "s3cr3t-value", "abc.def.ghi", "1234567"];
const MESSAGE =
  "Invalid `prisma.staffUser.findUnique()` invocation: { where: { email: \"ada.lovelace@example.com\" } } " +
  "Authorization: Bearer abc.def.ghi token=demo-token-ambition-institute password: s3cr3t-value trn 1234567";

let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  vi.restoreAllMocks();
});

describe("an API 500", () => {
  it("is one api.error line through the logger, with the request's ids and the error redacted; the body has no detail", async () => {
    const { lines, logger } = capture();
    const consoleError = vi.spyOn(console, "error").mockImplementation(() => undefined);
    restore = setApiDepsForTests({
      db: async () => {
        throw new Error(MESSAGE);
      },
      logger: () => logger,
    });
    const route = leadProviderRoute(async () => new Response("unreachable"));
    const response = await route(
      new Request("http://localhost/api/v3/participants/ecf?filter[email]=ada.lovelace@example.com", {
        headers: { Authorization: "Bearer demo-token-ambition-institute", "x-request-id": "req-abcdefgh" },
      }),
    );
    await flush();

    expect(response.status).toBe(500);
    const body = await response.text();
    expect(JSON.parse(body)).toEqual({
      errors: [{ title: "Internal server error", detail: "Something went wrong on our side. Try again later, and contact DfE if it keeps happening." }],
    });
    for (const secret of [...SECRETS, "prisma", "invocation"]) expect(body).not.toContain(secret);

    expect(consoleError).not.toHaveBeenCalled();
    // The request's own line (the API skips proxy.ts, so its wrapper writes it), then the error's.
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: "info", event: "request", requestId: "req-abcdefgh", method: "GET", path: "/api/v3/participants/ecf" });
    expect(response.headers.get("X-Request-Id")).toBe("req-abcdefgh");
    const line = JSON.parse(lines[1]!) as Record<string, unknown> & { error: Record<string, unknown> };
    expect(line).toMatchObject({ level: "error", event: "api.error", requestId: "req-abcdefgh", method: "GET", path: "/api/v3/participants/ecf" });
    expect(line.error).toMatchObject({ type: "Error" });
    expect(line.error.message).toContain("[email]");
    expect(line.error.message).toContain("Bearer [redacted]");
    expect(line.error.message).toContain("token=[redacted]");
    expect(line.error.message).toContain("password: [redacted]");
    expect(line.error.stack).toMatch(/^ {4}at /);
    for (const secret of SECRETS) for (const text of lines) expect(text).not.toContain(secret);
  });
});

describe("an API request's id", () => {
  it("keeps a load balancer's id that looks like one, replaces anything else, and the response and the log line carry the same", async () => {
    const { lines, logger } = capture();
    restore = setApiDepsForTests({
      db: async () => {
        throw new Error("no database in this test");
      },
      logger: () => logger,
    });
    const route = leadProviderRoute(async () => new Response("unreachable"));
    for (const [incoming, kept] of [
      ["lb-0123456789", true],
      ["short", false],
      ["has spaces and {json}", false],
      [null, false],
    ] as const) {
      lines.length = 0;
      const headers: Record<string, string> = incoming === null ? {} : { "x-request-id": incoming };
      const response = await route(new Request("http://localhost/api/v3/statements?filter[cohort]=2025", { headers }));
      await flush();
      const id = response.headers.get("X-Request-Id");
      if (kept) expect(id).toBe(incoming);
      else expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      const [request, error] = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(request).toMatchObject({ event: "request", requestId: id, method: "GET", path: "/api/v3/statements" });
      expect(error).toMatchObject({ event: "api.error", requestId: id });
    }
  });
});

describe("redactText and errorFields", () => {
  it("remove emails, credentials and TRNs from free text, and leave ids alone", () => {
    expect(redactText("user Zoë.O'Neil+x@school.example.co.uk failed")).toBe("user [email] failed");
    expect(redactText('{"authorization":"Bearer abc"}')).toBe('{"authorization":"Bearer [redacted]"}');
    expect(redactText("cookie=session-abc; token: xyz")).toBe("cookie=[redacted]; token: [redacted]");
    expect(redactText("trn 7654321, participant 0b6c9f3e-1234-4567-8901-234567890123, 12345678 rows")).toBe(
      "trn [number], participant 0b6c9f3e-1234-4567-8901-234567890123, 12345678 rows",
    );
  });

  it("keep an error's class and code, never the error object itself", () => {
    const error = Object.assign(new Error("duplicate key for ada@example.com"), { code: "23505" });
    expect(errorFields(error)).toMatchObject({ type: "Error", message: "duplicate key for [email]", code: "23505" });
    expect(errorFields("plain ada@example.com")).toEqual({ type: "string", message: "plain [email]" });
  });
});
