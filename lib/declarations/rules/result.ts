/**
 * Results of lifecycle checks. A refused transition never throws: it returns
 * `{ ok: false, code, message }`, where `code` is stable for programs (API, tests)
 * and `message` is a sentence a user interface or API response can show as it is.
 */

export interface Refusal<Code extends string = string> {
  ok: false;
  code: Code;
  message: string;
}

export type Allowed<T extends object = object> = { ok: true } & T;

export type Result<T extends object, Code extends string> = Allowed<T> | Refusal<Code>;

export function refuse<Code extends string>(code: Code, message: string): Refusal<Code> {
  return { ok: false, code, message };
}
