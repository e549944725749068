// JSON responses for the lead provider API: never cached, always JSON.
export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", ...headers },
  });
}

/** `{ "data": … }`: one resource (an object) or a list (an array). */
export function dataResponse(data: unknown, status = 200): Response {
  return jsonResponse({ data }, status);
}
