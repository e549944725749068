// The account commands' rules (scripts/accounts-cli.ts, lib/auth/staff.ts, prisma/seed/args.ts):
// roles, never a password on the command line, one line of stdin, token expiry, db:setup's --demo.
import { describe, expect, it } from "vitest";
import { DEFAULT_TOKEN_EXPIRY_DAYS, MAX_TOKEN_EXPIRY_DAYS } from "@/lib/auth/api-tokens";
import { passwordProblem } from "@/lib/auth/staff";
import { SeedUsageError, parseSetupArgs } from "@/prisma/seed/args";
import { UsageError, parseRoles, parseStaffArgs, parseTokenArgs, passwordFromStdin } from "@/scripts/accounts-cli";

const NOW = new Date("2026-12-06T15:00:00Z");
const DAY = 86_400_000;

describe("staff command arguments", () => {
  it("takes roles repeated or comma-separated, in any case, once each", () => {
    expect(parseRoles(["finance"])).toEqual(["finance"]);
    expect(parseRoles(["finance", "approver"])).toEqual(["finance", "approver"]);
    expect(parseRoles(["Finance, approver", "finance"])).toEqual(["finance", "approver"]);
  });

  it.each([[[]], [[""]], [[" , "]], [["admin"]], [["finance,viewer"]]])("refuses the roles %j", (roles) => {
    expect(() => parseRoles(roles)).toThrow(UsageError);
  });

  it("parses staff:add", () => {
    expect(parseStaffArgs(["add", "--email", "a@example.com", "--name", "A Person", "--role", "finance", "--role", "approver"])).toEqual({
      command: "add",
      email: "a@example.com",
      name: "A Person",
      roles: ["finance", "approver"],
    });
  });

  it.each([
    [["add", "--name", "A", "--role", "finance"], /--email is required/],
    [["add", "--email", "a@example.com", "--role", "finance"], /--name is required/],
    [["add", "--email", "a@example.com", "--name", "A"], /--role is required/],
    [["add", "--email", "a@example.com", "--name", "A", "--role", "finance", "extra"], /Usage/],
    [["disable"], /--email is required/],
    [["nonsense"], /Usage/],
    [[], /Usage/],
  ])("refuses %j", (argv, message) => {
    expect(() => parseStaffArgs(argv)).toThrow(message);
  });

  it.each([
    ["add", "--email", "a@example.com", "--name", "A", "--role", "finance", "--password", "secret-secret-1"],
    ["add", "--email", "a@example.com", "--name", "A", "--role", "finance", "--password=secret-secret-1"],
    ["reset-password", "--email", "a@example.com", "--Password", "secret-secret-1"],
    ["reset-password", "--email", "a@example.com", "-password", "secret-secret-1"],
    ["reset-password", "--email", "a@example.com", "--pw=secret-secret-1"],
  ])("never takes a password from the command line: %j", (...argv) => {
    expect(() => parseStaffArgs(argv)).toThrow(/never taken from the command line/);
  });
});

describe("a password on stdin", () => {
  it("is the one line, with or without its newline", () => {
    expect(passwordFromStdin("correct horse battery\n")).toBe("correct horse battery");
    expect(passwordFromStdin("correct horse battery\r\n")).toBe("correct horse battery");
    expect(passwordFromStdin("correct horse battery")).toBe("correct horse battery");
  });

  it.each([["", /No password/], ["\n", /No password/], ["one\ntwo\n", /one line/], ["one\n\n", /one line/]])("refuses %j", (text, message) => {
    expect(() => passwordFromStdin(text)).toThrow(message);
  });

  it.each([
    ["short", /at least 12/],
    ["eleven-char", /at least 12/],
    [" leading-space-password", /white space/],
    ["trailing-space-password ", /white space/],
    ["é".repeat(37), /at most 72 bytes/],
  ])("the password %j is refused", (password, message) => {
    expect(passwordProblem(password)).toMatch(message);
  });

  it.each([["twelve-chars"], ["a".repeat(72)], ["é".repeat(36)]])("the password %j is fine", (password) => {
    expect(passwordProblem(password)).toBeNull();
  });
});

describe("token command arguments", () => {
  it(`gives a new token ${DEFAULT_TOKEN_EXPIRY_DAYS} days by default`, () => {
    expect(parseTokenArgs(["create", "--provider", " Ambition Institute "], NOW)).toEqual({
      command: "create",
      provider: "Ambition Institute",
      description: "Created with npm run api:token",
      expiresAt: new Date(NOW.getTime() + DEFAULT_TOKEN_EXPIRY_DAYS * DAY),
    });
  });

  it("takes --expires-in-days or --expires (the start of that day, UTC)", () => {
    expect(parseTokenArgs(["create", "--provider", "P", "--expires-in-days", "7"], NOW)).toMatchObject({ expiresAt: new Date(NOW.getTime() + 7 * DAY) });
    expect(parseTokenArgs(["create", "--provider", "P", "--expires", "2026-12-07"], NOW)).toMatchObject({ expiresAt: new Date("2026-12-07T00:00:00Z") });
    expect(parseTokenArgs(["create", "--provider", "P", `--expires-in-days=${MAX_TOKEN_EXPIRY_DAYS}`], NOW)).toMatchObject({
      expiresAt: new Date(NOW.getTime() + MAX_TOKEN_EXPIRY_DAYS * DAY),
    });
  });

  it.each([
    [["--expires", "2026-12-06"], /not in the future/],
    [["--expires", "2025-01-01"], /not in the future/],
    [["--expires", "2026-02-30"], /a date like/],
    [["--expires", "tomorrow"], /a date like/],
    [["--expires", "2028-01-01"], /at most 366 days/],
    [["--expires-in-days", "0"], /from 1 to 366/],
    [["--expires-in-days=-5"], /from 1 to 366/],
    [["--expires-in-days", "1.5"], /from 1 to 366/],
    [["--expires-in-days", "367"], /from 1 to 366/],
    [["--expires-in-days", "7", "--expires", "2027-01-01"], /not both/],
  ])("refuses %j", (extra, message) => {
    expect(() => parseTokenArgs(["create", "--provider", "P", ...extra], NOW)).toThrow(message);
  });

  it("needs a provider to create, and a token id (a UUID) to revoke", () => {
    expect(() => parseTokenArgs(["create"], NOW)).toThrow(/--provider is required/);
    expect(() => parseTokenArgs(["revoke"], NOW)).toThrow(/--id is required/);
    expect(() => parseTokenArgs(["revoke", "--id", "demo-token-teach-first"], NOW)).toThrow(/a UUID/);
    expect(parseTokenArgs(["revoke", "--id", "F5BBCA6F-C919-413C-8DD5-00A003600C0D"], NOW)).toEqual({ command: "revoke", id: "f5bbca6f-c919-413c-8dd5-00a003600c0d" });
    expect(parseTokenArgs(["list"], NOW)).toEqual({ command: "list" });
    expect(parseTokenArgs(["list", "--provider", "Teach First"], NOW)).toEqual({ command: "list", provider: "Teach First" });
  });
});

describe("db:setup arguments", () => {
  it("seeds no demo data unless asked with --demo", () => {
    expect(parseSetupArgs([], { usage: "u", now: NOW })).toEqual({ demo: false, today: new Date("2026-12-06T00:00:00Z") });
    expect(parseSetupArgs(["--demo"], { usage: "u", now: NOW })).toMatchObject({ demo: true });
    expect(parseSetupArgs(["--demo", "--today", "2025-11-01"], { usage: "u", now: NOW })).toEqual({ demo: true, today: new Date("2025-11-01T00:00:00Z") });
  });

  it("refuses --today without --demo (it dates the demo data), and unknown arguments", () => {
    expect(() => parseSetupArgs(["--today", "2025-11-01"], { usage: "u", now: NOW })).toThrow(/goes with --demo/);
    expect(() => parseSetupArgs(["--today=2025-11-01"], { usage: "u", now: NOW })).toThrow(SeedUsageError);
    expect(() => parseSetupArgs(["--demos"], { usage: "u", now: NOW })).toThrow(/Unknown argument/);
  });
});
