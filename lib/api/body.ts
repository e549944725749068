// Reading a JSON request body safely: JSON content type only, at most 1 MB (413 above that),
// malformed JSON → 400. Never throws anything but ApiError.
import { ApiError, BAD_STRUCTURE_DETAIL, badRequest } from "./errors";

export const MAX_BODY_BYTES = 1024 * 1024;

function tooLarge(): ApiError {
  return new ApiError(413, [{ title: "Payload too large", detail: `The request body must be ${MAX_BODY_BYTES / 1024 / 1024} MB or smaller.` }]);
}

function isJsonContentType(header: string | null): boolean {
  if (!header) return false;
  const type = header.split(";")[0]?.trim().toLowerCase();
  return type === "application/json" || type === "application/vnd.api+json";
}

export async function readJsonBody(request: Request): Promise<unknown> {
  if (!isJsonContentType(request.headers.get("content-type"))) {
    throw badRequest("The request body must be JSON, sent with the header 'Content-Type: application/json'.");
  }
  const lengthHeader = request.headers.get("content-length");
  const declared = lengthHeader === null ? Number.NaN : Number(lengthHeader);
  if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) throw tooLarge();

  let bytes: Uint8Array;
  try {
    // With a Content-Length within the limit the HTTP server delivers exactly that many bytes, so the
    // body is read whole (the API process's request reads it straight from the socket, without a web
    // stream); without one (chunked) it is streamed and counted, and refused past the limit.
    bytes = Number.isInteger(declared) && declared >= 0 ? new Uint8Array(await request.arrayBuffer()) : await readCounted(request);
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw badRequest("The request body could not be read.");
  }
  if (bytes.byteLength > MAX_BODY_BYTES) throw tooLarge();

  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw badRequest("The request body is not valid UTF-8 text.");
  }
  if (text.trim() === "") throw badRequest(BAD_STRUCTURE_DETAIL);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw badRequest("The request body is not valid JSON.");
  }
}

/** The body of a request without a Content-Length, read as it comes, refused once past the limit. */
async function readCounted(request: Request): Promise<Uint8Array> {
  if (!request.body) throw badRequest(BAD_STRUCTURE_DETAIL);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
