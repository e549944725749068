// Structured logs: one pino logger for the whole server, JSON lines on stdout (the platform
// collects stdout). Level from LOG_LEVEL (default "info"); silent under Vitest unless LOG_LEVEL is
// set. Log lines carry ids, never personal data: fields that could hold a name, email, TRN, free
// text, password, token or cookie are removed by `redact` wherever a caller puts them (top level
// or one object down), and `moneyEvent` only accepts ids, counts, states and amounts.
// See docs/operations.md for the fields of each line.
import pino, { type DestinationStream, type Logger } from "pino";
import type { Actor } from "@/lib/db/audit";
import { setDbErrorReporter } from "@/lib/db/report";

/** Keys that may carry personal data or secrets; removed from every line. */
export const PERSONAL_KEYS = [
  "email",
  "name",
  "fullName",
  "full_name",
  "firstName",
  "lastName",
  "trn",
  "teacherReferenceNumber",
  "dateOfBirth",
  "reason",
  "label",
  "actorLabel",
  "voidedBy",
  "password",
  "token",
  "authorization",
  "cookie",
  "cookies",
  "headers",
  "query",
  "search",
  "url",
] as const;

const REDACT_PATHS = PERSONAL_KEYS.flatMap((key) => [key, `*.${key}`]);

export type LoggerOptions = { level?: string; destination?: DestinationStream };

function defaultLevel(): string {
  const configured = process.env.LOG_LEVEL?.trim();
  if (configured) return configured;
  return process.env.VITEST ? "silent" : "info";
}

/** A configured logger; `destination` lets tests read the lines. */
export function createLogger(options: LoggerOptions = {}): Logger {
  const config = {
    level: options.level ?? defaultLevel(),
    base: { service: "ecf-finance" },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label: string) => ({ level: label }) },
    redact: { paths: REDACT_PATHS, remove: true },
  };
  return options.destination ? pino(config, options.destination) : pino(config);
}

const globalForLog = globalThis as unknown as { ecfLogger?: Logger };

/** The app's logger, one per process. */
export const log: Logger = (globalForLog.ecfLogger ??= createLogger());

// ---------------------------------------------------------------------------
// One line per request (proxy.ts for pages and /healthz, lib/api/route.ts for the API)
// ---------------------------------------------------------------------------

// A load balancer's id is kept if it looks like one (so lines can be joined up); anything else is
// replaced, so a client cannot put arbitrary text into our logs.
const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** The request's id: the incoming `x-request-id` when it looks like an id, else a new UUID. */
export function requestIdOf(headers: Pick<Headers, "get">): string {
  const incoming = headers.get("x-request-id");
  return incoming && REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
}

/** The request's log line: method, path without the query string (it can carry names or emails), id. */
export function logRequest(request: { method: string; path: string }, id: string, logger: Logger = log): void {
  logger.info({ event: "request", requestId: id, method: request.method, path: request.path }, "request");
}

// ---------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------

/**
 * What a message may not carry even as free text: email addresses, bearer credentials and
 * `token=`/`password=`-style values, TRNs (7 digits). The key-based rules above cannot see inside a
 * string, and an error's message can quote a query's arguments (Prisma's do).
 */
const TEXT_REDACTIONS: readonly [RegExp, string][] = [
  [/[^\s@"<>(),;:{}[\]=]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, "[email]"],
  [/\b(Bearer|Basic)\s+[^\s"',;]+/gi, "$1 [redacted]"],
  [/\b(token|password|secret|authorization|cookie)(["']?\s*[:=]\s*["']?)(?!(?:Bearer|Basic)\s)[^\s"',;&}]+/gi, "$1$2[redacted]"],
  [/\bdemo-token-[a-z0-9-]+/gi, "[redacted]"],
  [/(?<![\d-])\d{7}(?![\d-])/g, "[number]"],
];

/** `text` with personal data and secrets replaced (TEXT_REDACTIONS). */
export function redactText(text: string): string {
  return TEXT_REDACTIONS.reduce((current, [pattern, replacement]) => current.replace(pattern, replacement), text);
}

export type ErrorFields = { type: string; message: string; code?: string; stack?: string };

/**
 * An error as a log line may hold it: its class, its message and stack with personal data and
 * secrets removed (redactText), its code. Never log an error object itself: pino would write its
 * message and stack as they are.
 */
export function errorFields(error: unknown): ErrorFields {
  if (!(error instanceof Error)) return { type: typeof error, message: redactText(String(error)) };
  const code = (error as { code?: unknown }).code;
  const frames = error.stack?.split("\n").filter((line) => line.startsWith("    at ")).join("\n");
  return {
    type: error.name,
    message: redactText(error.message),
    ...(typeof code === "string" ? { code } : {}),
    ...(frames ? { stack: redactText(frames) } : {}),
  };
}

/**
 * One line for an error the code did not expect (level "error"), with the request's ids and the
 * error's fields under `error` (not `err`, which pino would serialise again from the raw error).
 */
export function errorEvent(event: string, error: unknown, fields: Record<string, string | number | undefined> = {}, logger: Logger = log): void {
  logger.error({ event, ...fields, error: errorFields(error) }, event);
}

// The database layer cannot import this file (lib/db is infrastructure): its errors (a pool's broken
// connection, the embedded database's lock) reach the log through this reporter.
setDbErrorReporter((event, error) => log.warn({ event, error: errorFields(error) }, event));

export type MoneyEventName =
  | "declaration.void"
  | "declaration.void_paid"
  | "declaration.submit"
  | "declaration.eligibility"
  | "adjustment.create"
  | "adjustment.change"
  | "adjustment.remove"
  | "adjustment.approve"
  | "statement.authorise"
  | "statement.mark_payable"
  | "participant.merge";

/** What a money-changing line may say: ids, states, counts and amounts (as strings), nothing else. */
export type MoneyEventFields = {
  declarationId?: string;
  statementId?: string;
  clawbackStatementId?: string | null;
  adjustmentId?: string;
  leadProviderId?: string;
  participantUserId?: string;
  /** A merge: the participant (user) id retired into participantUserId. */
  retiredUserId?: string;
  declarationsVoided?: number;
  from?: string;
  state?: string;
  amount?: string;
  previousAmount?: string;
  total?: string;
  vat?: string;
  totalWithVat?: string;
  lineItems?: number;
  lineItemsPaid?: number;
  lineItemsClawedBack?: number;
};

/** Who did it, by id only: staff user id, lead provider id (API) or the system job's name. */
export function actorFields(actor: Actor): { actorType: Actor["type"]; actorId: string } {
  return { actorType: actor.type, actorId: actor.id };
}

/** One line per committed money-changing action. Call it after the transaction commits. */
export function moneyEvent(event: MoneyEventName, actor: Actor, fields: MoneyEventFields, logger: Logger = log): void {
  logger.info({ event, ...actorFields(actor), ...fields }, event);
}
