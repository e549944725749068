/**
 * Results of lifecycle checks. A refused transition never throws: it returns a refusal.
 *
 * - `Refused<Code, Data>`: `{ ok: false, code, ...data }`, a snake_case code with the data its
 *   wording needs (e.g. the cohort's start year). The declaration rules answer this way; the caller
 *   words it (lib/api/declarations.ts for the API, the finance pages for people).
 * - `Refusal<Code>`: `{ ok: false, code, message }`, a code with a sentence to show as it is (the
 *   statement transitions, which only the finance pages show).
 */

export interface Refusal<Code extends string = string> {
  ok: false;
  code: Code;
  message: string;
}

export type Refused<Code extends string, Data extends object = Record<never, never>> = { ok: false; code: Code } & Data;

export type Allowed<T extends object = object> = { ok: true } & T;

export type Result<T extends object, Code extends string> = Allowed<T> | Refusal<Code>;

export function refuse<Code extends string>(code: Code, message: string): Refusal<Code> {
  return { ok: false, code, message };
}
