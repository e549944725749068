// The command-line rules of the account commands (scripts/staff.ts, scripts/api-token.ts): their
// arguments, and how a password is read. A password never comes from the command line (it would
// stay in the shell's history and show in the process list): it is typed at a hidden prompt, or
// piped on stdin as one line.
import { parseArgs, type ParseArgsConfig } from "node:util";
import { DEFAULT_TOKEN_EXPIRY_DAYS, MAX_TOKEN_EXPIRY_DAYS } from "@/lib/auth/api-tokens";
import { STAFF_ROLES, type StaffRoleName } from "@/lib/auth/staff";
import { parseIsoDate } from "@/lib/domain/dates";
import { isUuid, normaliseUuid } from "@/lib/validation/ids";

import { UsageError } from "./command";

export { UsageError };

export const STAFF_USAGE = [
  "Usage:",
  '  npm run staff:add -- --email <email> --name "<name>" --role finance|approver [--role …]   (password: typed when asked, or one line on stdin)',
  "  npm run staff:disable -- --email <email>          (no more sign-ins; every session ends now)",
  "  npm run staff:enable -- --email <email>",
  "  npm run staff:reset-password -- --email <email>   (new password as for staff:add; every session ends now)",
  "  npm run staff:list",
].join("\n");

export const TOKEN_USAGE = [
  "Usage:",
  `  npm run -s api:token -- --provider "<lead provider name>" [--expires-in-days N | --expires YYYY-MM-DD] [--description "<text>"]   (default: expires in ${DEFAULT_TOKEN_EXPIRY_DAYS} days)`,
  "  npm run api:token:revoke -- --id <token id>",
  '  npm run api:token:list [-- --provider "<lead provider name>"]',
].join("\n");

const PASSWORD_ON_ARGV =
  "Passwords are never taken from the command line (they would stay in the shell history and show in the process list): " +
  "type it when asked, or pipe it on stdin as one line.";

type Values = Record<string, string | string[] | boolean | undefined>;

function parse(argv: readonly string[], options: NonNullable<ParseArgsConfig["options"]>, usage: string): Values {
  if (argv.some((arg) => /^--?(password|pass|pw)(=|$)/i.test(arg))) throw new UsageError(PASSWORD_ON_ARGV);
  try {
    const { values } = parseArgs({ args: [...argv], options: { ...options, help: { type: "boolean", short: "h" } }, strict: true, allowPositionals: false });
    const parsed = values as Values;
    if (parsed.help) throw new UsageError(usage);
    return parsed;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
  }
}

function required(value: string | undefined, flag: string, usage: string): string {
  const text = value?.trim() ?? "";
  if (!text) throw new UsageError(`${flag} is required.\n${usage}`);
  return text;
}

/** `--role finance --role approver` or `--role finance,approver`. */
export function parseRoles(values: readonly string[]): StaffRoleName[] {
  const roles = values.flatMap((value) => value.split(",")).map((role) => role.trim().toLowerCase()).filter(Boolean);
  if (roles.length === 0) throw new UsageError(`--role is required: ${STAFF_ROLES.join(" or ")} (both: --role finance,approver).`);
  for (const role of roles) {
    if (!(STAFF_ROLES as readonly string[]).includes(role)) throw new UsageError(`--role must be ${STAFF_ROLES.join(" or ")}, got "${role.slice(0, 40)}".`);
  }
  return [...new Set(roles)] as StaffRoleName[];
}

export type StaffCommand =
  | { command: "add"; email: string; name: string; roles: StaffRoleName[] }
  | { command: "disable" | "enable" | "reset-password"; email: string }
  | { command: "list" };

export function parseStaffArgs(argv: readonly string[]): StaffCommand {
  const [command, ...rest] = argv;
  switch (command) {
    case "add": {
      const values = parse(rest, { email: { type: "string" }, name: { type: "string" }, role: { type: "string", multiple: true } }, STAFF_USAGE);
      return {
        command,
        email: required(values.email as string | undefined, "--email", STAFF_USAGE),
        name: required(values.name as string | undefined, "--name", STAFF_USAGE),
        roles: parseRoles((values.role as string[] | undefined) ?? []),
      };
    }
    case "disable":
    case "enable":
    case "reset-password": {
      const values = parse(rest, { email: { type: "string" } }, STAFF_USAGE);
      return { command, email: required(values.email as string | undefined, "--email", STAFF_USAGE) };
    }
    case "list":
      parse(rest, {}, STAFF_USAGE);
      return { command };
    default:
      throw new UsageError(STAFF_USAGE);
  }
}

export type TokenCommand =
  | { command: "create"; provider: string; description: string; expiresAt: Date }
  | { command: "revoke"; id: string }
  | { command: "list"; provider?: string };

const DAY_MS = 24 * 3_600_000;

/**
 * When a new token expires: `--expires-in-days N` (1 to 366) from now, or `--expires YYYY-MM-DD`
 * (it stops working at the start of that day, UTC; a date after today and at most 366 days on), or
 * by default DEFAULT_TOKEN_EXPIRY_DAYS from now.
 */
export function parseExpiry(values: { "expires-in-days"?: string; expires?: string }, now: Date): Date {
  const days = values["expires-in-days"];
  const date = values.expires;
  if (days !== undefined && date !== undefined) throw new UsageError("Give --expires-in-days or --expires, not both.");
  const latest = now.getTime() + MAX_TOKEN_EXPIRY_DAYS * DAY_MS;
  if (date !== undefined) {
    const expiresAt = parseIsoDate(date.trim());
    if (!expiresAt) throw new UsageError(`--expires needs a date like 2027-03-31, got "${date.slice(0, 40)}".`);
    if (expiresAt.getTime() <= now.getTime()) throw new UsageError(`--expires ${date.trim()} is not in the future: give a date after today (UTC).`);
    if (expiresAt.getTime() > latest) throw new UsageError(`--expires may be at most ${MAX_TOKEN_EXPIRY_DAYS} days away.`);
    return expiresAt;
  }
  if (days !== undefined) {
    const text = days.trim();
    if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > MAX_TOKEN_EXPIRY_DAYS) {
      throw new UsageError(`--expires-in-days needs a whole number of days from 1 to ${MAX_TOKEN_EXPIRY_DAYS}, got "${days.slice(0, 40)}".`);
    }
    return new Date(now.getTime() + Number(text) * DAY_MS);
  }
  return new Date(now.getTime() + DEFAULT_TOKEN_EXPIRY_DAYS * DAY_MS);
}

export function parseTokenArgs(argv: readonly string[], now: Date = new Date()): TokenCommand {
  const [command, ...rest] = argv;
  switch (command) {
    case "create": {
      const values = parse(
        rest,
        { provider: { type: "string" }, description: { type: "string" }, "expires-in-days": { type: "string" }, expires: { type: "string" } },
        TOKEN_USAGE,
      ) as { provider?: string; description?: string; "expires-in-days"?: string; expires?: string };
      return {
        command,
        provider: required(values.provider, "--provider", TOKEN_USAGE),
        description: values.description?.trim() || "Created with npm run api:token",
        expiresAt: parseExpiry(values, now),
      };
    }
    case "revoke": {
      const values = parse(rest, { id: { type: "string" } }, TOKEN_USAGE);
      const id: string = required(values.id as string | undefined, "--id", TOKEN_USAGE);
      const shown = id.slice(0, 60);
      if (!isUuid(id)) throw new UsageError(`--id must be a token id (a UUID, as api:token:list shows), got "${shown}".`);
      return { command, id: normaliseUuid(id) };
    }
    case "list": {
      const values = parse(rest, { provider: { type: "string" } }, TOKEN_USAGE);
      const provider = (values.provider as string | undefined)?.trim();
      return provider ? { command, provider } : { command };
    }
    default:
      throw new UsageError(TOKEN_USAGE);
  }
}

/** A password piped on stdin: exactly one line (one final newline allowed), not empty. */
export function passwordFromStdin(text: string): string {
  const password = text.replace(/\r?\n$/, "");
  if (/[\r\n]/.test(password)) throw new UsageError("stdin must hold the password alone, on one line.");
  if (!password) throw new UsageError("No password on stdin: pipe it as one line, or run the command in a terminal to be asked for it.");
  return password;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  let text = "";
  for await (const chunk of stream) text += typeof chunk === "string" ? chunk : Buffer.from(chunk as Uint8Array).toString("utf8");
  return text;
}

/** Reads one line from the terminal without echoing it. */
function promptHidden(question: string): Promise<string> {
  const { stdin, stderr } = process;
  stderr.write(question);
  stdin.setRawMode(true);
  stdin.setEncoding("utf8");
  stdin.resume();
  return new Promise((resolve, reject) => {
    let value = "";
    const finish = () => {
      stdin.off("data", onData);
      stdin.setRawMode(false);
      stdin.pause();
      stderr.write("\n");
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === "\r" || ch === "\n") {
          finish();
          resolve(value);
          return;
        }
        if (ch === "\u0003" || ch === "\u0004") {
          finish();
          reject(new UsageError("Cancelled: nothing changed."));
          return;
        }
        if (ch === "\u007f" || ch === "\b") value = [...value].slice(0, -1).join("");
        else value += ch;
      }
    };
    stdin.on("data", onData);
  });
}

/** The new password: asked for twice at a terminal, else one line of stdin. */
export async function readNewPassword(): Promise<string> {
  if (!process.stdin.isTTY) return passwordFromStdin(await readAll(process.stdin));
  const first = await promptHidden("Password (at least 12 characters, not shown): ");
  const second = await promptHidden("The same password again: ");
  if (first !== second) throw new UsageError("The two passwords differ: nothing changed.");
  return first;
}
