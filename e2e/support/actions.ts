// Calls a server action the way Next's client does: POST to a page that bundles it, with the
// `Next-Action` header and React's reply encoding (field "0" holds the JSON array of arguments;
// a FormData argument is "$K1" and its fields are sent, before field "0", as "_1_<name>").
import type { APIRequestContext, APIResponse } from "@playwright/test";

export const FORM_ARG = { form: true } as const;
export type ActionArg = string | Record<string, unknown> | typeof FORM_ARG | undefined;

function encodeArg(arg: ActionArg): unknown {
  if (arg === FORM_ARG) return "$K1";
  if (arg === undefined) return "$undefined";
  if (typeof arg === "string") return arg.startsWith("$") ? `$${arg}` : arg;
  return arg;
}

export interface ActionCall {
  /** The page URL to post to. */
  url: string;
  actionId: string;
  args: ActionArg[];
  form?: Record<string, string>;
  /** Defaults to the site's own origin. */
  origin?: string;
}

export async function postAction(request: APIRequestContext, baseURL: string, call: ActionCall): Promise<APIResponse> {
  // The form's fields first and the root "0" last, as React's client sends them: Next streams the
  // body (busboy), and the root is decoded as soon as it arrives, taking the form fields read so far.
  const multipart = new FormData();
  for (const [key, value] of Object.entries(call.form ?? {})) multipart.append(`_1_${key}`, value);
  multipart.append("0", JSON.stringify(call.args.map(encodeArg)));
  return request.post(call.url, {
    headers: { "Next-Action": call.actionId, Origin: call.origin ?? baseURL, Accept: "text/x-component" },
    multipart,
    maxRedirects: 0,
    failOnStatusCode: false,
  });
}

export const INITIAL_FORM_STATE = { submission: 0, values: {}, errors: [] };
