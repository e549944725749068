import { describe, expect, it } from "vitest";
import { createLogger, moneyEvent, PERSONAL_KEYS } from "@/lib/log";
import { captureLog as capture } from "./capture";

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe("the logger", () => {
  it("writes one JSON line with level, time, service, event and message", async () => {
    const { lines, logger } = capture();
    logger.info({ event: "request", method: "GET", path: "/statements" }, "request");
    await flush();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: "info", service: "ecf-finance", event: "request", method: "GET", path: "/statements", msg: "request" });
    expect(new Date(lines[0]!.time as string).toString()).not.toBe("Invalid Date");
  });

  it("removes personal fields at the top level and one object down", async () => {
    const { lines, logger } = capture();
    logger.info(
      {
        event: "test",
        declarationId: "d-1",
        email: "someone@example.com",
        name: "Ada Lovelace",
        trn: "1234567",
        reason: "Participant asked us to",
        password: "hunter2",
        headers: { cookie: "session=abc" },
        url: "/participants?q=someone@example.com",
        user: { id: "u-1", email: "someone@example.com", name: "Ada Lovelace", trn: "1234567" },
        actor: { id: "s-1", label: "finance@example.com" },
      },
      "test",
    );
    await flush();
    const line = lines[0]!;
    const text = JSON.stringify(line);
    for (const secret of ["someone@example.com", "Ada Lovelace", "1234567", "asked us", "hunter2", "session=abc", "finance@example.com"]) {
      expect(text).not.toContain(secret);
    }
    expect(line).toMatchObject({ event: "test", declarationId: "d-1", user: { id: "u-1" }, actor: { id: "s-1" } });
    for (const key of ["email", "name", "trn", "reason", "password", "headers", "url"]) expect(line).not.toHaveProperty(key);
    expect(line.user).toEqual({ id: "u-1" });
  });

  it("covers names, emails, TRNs, free text, secrets and query strings in its list of personal keys", () => {
    expect(PERSONAL_KEYS).toEqual(expect.arrayContaining(["email", "name", "trn", "reason", "password", "token", "cookie", "authorization", "query", "url"]));
  });

  it("is silent under Vitest unless LOG_LEVEL says otherwise", () => {
    const before = process.env.LOG_LEVEL;
    try {
      delete process.env.LOG_LEVEL;
      expect(createLogger().level).toBe("silent");
      process.env.LOG_LEVEL = "debug";
      expect(createLogger().level).toBe("debug");
    } finally {
      if (before === undefined) delete process.env.LOG_LEVEL;
      else process.env.LOG_LEVEL = before;
    }
  });
});

describe("moneyEvent", () => {
  it("logs the event with the actor by id only, never the actor's label (an email)", async () => {
    const { lines, logger } = capture();
    moneyEvent(
      "adjustment.create",
      { type: "staff", id: "staff-1", label: "finance@example.com" },
      { adjustmentId: "a-1", statementId: "s-1", amount: "-120.50" },
      logger,
    );
    await flush();
    expect(lines).toEqual([
      expect.objectContaining({
        level: "info",
        event: "adjustment.create",
        msg: "adjustment.create",
        actorType: "staff",
        actorId: "staff-1",
        adjustmentId: "a-1",
        statementId: "s-1",
        amount: "-120.50",
      }),
    ]);
    expect(JSON.stringify(lines)).not.toContain("finance@example.com");
  });

  it("drops personal fields even if a caller smuggles them in", async () => {
    const { lines, logger } = capture();
    const fields = { declarationId: "d-1", email: "someone@example.com", name: "Ada" } as unknown as Parameters<typeof moneyEvent>[2];
    moneyEvent("declaration.void", { type: "api", id: "lp-1", label: "Lead provider", tokenId: "t-1" }, fields, logger);
    await flush();
    expect(lines[0]).toMatchObject({ event: "declaration.void", declarationId: "d-1", actorId: "lp-1" });
    expect(lines[0]).not.toHaveProperty("email");
    expect(lines[0]).not.toHaveProperty("name");
  });
});
