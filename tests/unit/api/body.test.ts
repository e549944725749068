// Reading a JSON body (lib/api/body.ts): read whole when a Content-Length within the limit is given
// (the HTTP server then delivers exactly that many bytes), streamed and counted when not; either
// way nothing over 1 MB is accepted, and malformed text gets its own 400.
import { describe, expect, it } from "vitest";
import { readJsonBody, MAX_BODY_BYTES } from "@/lib/api/body";
import { ApiError } from "@/lib/api/errors";

function post(body: BodyInit, headers: Record<string, string> = {}): Request {
  return new Request("http://localhost/api/v3/participant-declarations", { method: "POST", body, headers: { "Content-Type": "application/json", ...headers }, duplex: "half" } as RequestInit);
}

/** A body sent in chunks, without a Content-Length (as with Transfer-Encoding: chunked). */
function chunked(parts: Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const part of parts) controller.enqueue(part);
      controller.close();
    },
  });
}

async function refusal(request: Request): Promise<{ status: number; detail: string }> {
  const error = await readJsonBody(request).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  const apiError = error as ApiError;
  return { status: apiError.status, detail: apiError.errors[0]?.detail ?? "" };
}

const TOO_LARGE = { status: 413, detail: "The request body must be 1 MB or smaller." };

describe("readJsonBody", () => {
  it("reads a body with a Content-Length whole", async () => {
    const text = JSON.stringify({ data: { type: "participant-declaration" } });
    expect(await readJsonBody(post(text, { "Content-Length": String(Buffer.byteLength(text)) }))).toEqual({ data: { type: "participant-declaration" } });
  });

  it("reads a chunked body, without a Content-Length, across its chunks", async () => {
    const bytes = Buffer.from(JSON.stringify({ name: "Zoë" }));
    const request = post(chunked([bytes.subarray(0, 5), bytes.subarray(5)]));
    expect(request.headers.get("content-length")).toBeNull();
    expect(await readJsonBody(request)).toEqual({ name: "Zoë" });
  });

  it("refuses a chunked body once it passes 1 MB", async () => {
    const part = new Uint8Array(256 * 1024).fill(0x20);
    expect(await refusal(post(chunked([part, part, part, part, new Uint8Array([0x20])])))).toEqual(TOO_LARGE);
  });

  it("refuses a declared length over 1 MB before reading, and a body longer than its small declared length", async () => {
    expect(await refusal(post("{}", { "Content-Length": String(MAX_BODY_BYTES + 1) }))).toEqual(TOO_LARGE);
    expect(await refusal(post(" ".repeat(MAX_BODY_BYTES + 1) + "{}", { "Content-Length": "2" }))).toEqual(TOO_LARGE);
  });

  it("accepts exactly 1 MB", async () => {
    const text = `{}${" ".repeat(MAX_BODY_BYTES - 2)}`;
    expect(await readJsonBody(post(text, { "Content-Length": String(MAX_BODY_BYTES) }))).toEqual({});
  });

  it("gives malformed text its own 400, with or without a Content-Length", async () => {
    const invalidUtf8 = new Uint8Array([0x7b, 0xff, 0x7d]);
    expect(await refusal(post(invalidUtf8, { "Content-Length": "3" }))).toEqual({ status: 400, detail: "The request body is not valid UTF-8 text." });
    expect(await refusal(post(chunked([invalidUtf8])))).toEqual({ status: 400, detail: "The request body is not valid UTF-8 text." });
    expect(await refusal(post("{not json", { "Content-Length": "9" }))).toEqual({ status: 400, detail: "The request body is not valid JSON." });
    expect(await refusal(post("   ", { "Content-Length": "3" }))).toEqual({ status: 400, detail: "Correct json data structure required. See API docs for reference." });
  });
});
