// The API process's routing (lib/api/server.ts): route files to paths as Next reads them, fixed
// segments before parameters, and the answers that are not a handler's (404, 405, OPTIONS, HEAD),
// each with the request id a handler's answer carries.
import { afterEach, describe, expect, it } from "vitest";
import { setApiDepsForTests } from "@/lib/api/context";
import { allowedMethods, createApiHandler, matchRoute, routeSegmentsOf, type ApiRoute, type RouteModule } from "@/lib/api/server";
import { captureLog } from "../log/capture";

let restore: (() => void) | undefined;
afterEach(() => restore?.());

/** A handler that answers with its name and the params it was given. */
function named(name: string) {
  return async (request: Request, context?: { params: Promise<Record<string, string>> }) =>
    Response.json({ name, method: request.method, params: (await context?.params) ?? {} });
}

function route(file: string, module: RouteModule): ApiRoute {
  return { segments: routeSegmentsOf(file), module };
}

// Declared with the parameter route first, to show the order they are given in does not matter.
const ROUTES: ApiRoute[] = [
  route("api/v3/participants/ecf/[id]/route.ts", { GET: named("participant") }),
  route("api/v3/participants/ecf/transfers/route.ts", { GET: named("transfers") }),
  route("api/v3/participants/ecf/[id]/withdraw/route.ts", { PUT: named("withdraw") }),
  route("api/v3/participant-declarations/route.ts", { GET: named("list"), POST: named("submit") }),
];

const handle = createApiHandler(ROUTES);
const request = (method: string, path: string, headers: Record<string, string> = {}) => new Request(`http://127.0.0.1${path}`, { method, headers });

describe("routeSegmentsOf", () => {
  it("reads a route file's path as Next does: a folder per segment, [name] for a parameter", () => {
    expect(routeSegmentsOf("api/v3/statements/route.ts")).toEqual(["api", "v3", "statements"]);
    expect(routeSegmentsOf("api/v3/participants/ecf/[id]/change-schedule/route.ts")).toEqual(["api", "v3", "participants", "ecf", "[id]", "change-schedule"]);
  });

  it.each([
    ["api/v3/statements/page.tsx", "is not a route.ts file"],
    ["api/v3/[...rest]/route.ts", 'not "[...rest]"'],
    ["api/v3/[[...rest]]/route.ts", 'not "[[...rest]]"'],
    ["api/(group)/v3/route.ts", 'not "(group)"'],
    ["api/v3/[1d]/route.ts", 'not "[1d]"'],
    ["api//v3/route.ts", 'not ""'],
  ])("refuses %s, which it could not serve as Next does", (file, message) => {
    expect(() => routeSegmentsOf(file)).toThrow(message);
  });
});

describe("matchRoute", () => {
  it("prefers a fixed segment to a parameter, whatever the order the routes are given in", async () => {
    const response = await handle(request("GET", "/api/v3/participants/ecf/transfers"));
    expect(await response.json()).toMatchObject({ name: "transfers" });
  });

  it("passes a parameter decoded, and takes one trailing slash", async () => {
    const response = await handle(request("GET", "/api/v3/participants/ecf/ab%20c/"));
    expect(await response.json()).toEqual({ name: "participant", method: "GET", params: { id: "ab c" } });
  });

  it("matches nothing for a parameter that is not valid percent-encoding, an empty segment, or a path of another length", () => {
    expect(matchRoute(ROUTES, "/api/v3/participants/ecf/%E0%A4")).toBeNull();
    expect(matchRoute(ROUTES, "/api/v3/participants/ecf//withdraw")).toBeNull();
    expect(matchRoute(ROUTES, "/api/v3/participants")).toBeNull();
    expect(matchRoute(ROUTES, "/api/v3/participant-declarations/extra/segments/here")).toBeNull();
  });
});

describe("createApiHandler", () => {
  /** The API's logger replaced by one whose lines the test reads. */
  function capture() {
    const { lines, logger } = captureLog();
    restore = setApiDepsForTests({ logger: () => logger });
    return lines;
  }

  it("calls the route's handler for its method, with the route's params", async () => {
    const response = await handle(request("POST", "/api/v3/participant-declarations"));
    expect(await response.json()).toEqual({ name: "submit", method: "POST", params: {} });
  });

  it("answers a path no route has with the API's 404, its request id and its log line", async () => {
    const lines = capture();
    const response = await handle(request("GET", "/api/v3/nothing-here", { "X-Request-Id": "req-404-test" }));
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ errors: [{ title: "Resource not found", detail: "Nothing could be found for the provided details" }] });
    expect(response.headers.get("X-Request-Id")).toBe("req-404-test");
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines).toContainEqual(expect.objectContaining({ event: "request", requestId: "req-404-test", method: "GET", path: "/api/v3/nothing-here" }));
  });

  it("answers a method the route does not export with 405 and Allow, and OPTIONS with 204 and Allow", async () => {
    const refused = await handle(request("DELETE", "/api/v3/participant-declarations"));
    expect(refused.status).toBe(405);
    expect(refused.headers.get("Allow")).toBe("GET, POST, HEAD, OPTIONS");
    expect(await refused.json()).toEqual({ errors: [{ title: "Method not allowed", detail: "This endpoint accepts GET, POST, HEAD, OPTIONS." }] });
    expect(refused.headers.get("X-Request-Id")).toMatch(/^[0-9a-f-]{36}$/);

    const withdraw = await handle(request("GET", "/api/v3/participants/ecf/abc/withdraw"));
    expect(withdraw.status).toBe(405);
    expect(withdraw.headers.get("Allow")).toBe("PUT, OPTIONS");

    const options = await handle(request("OPTIONS", "/api/v3/participants/ecf/abc/withdraw"));
    expect(options.status).toBe(204);
    expect(options.headers.get("Allow")).toBe("PUT, OPTIONS");
  });

  it("answers HEAD with the GET handler (Node's server then sends no body)", async () => {
    const response = await handle(request("HEAD", "/api/v3/participants/ecf/abc"));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ name: "participant", params: { id: "abc" } });
  });

  it("lists HEAD only where there is a GET", () => {
    expect(allowedMethods({ POST: named("x") })).toEqual(["POST", "OPTIONS"]);
    expect(allowedMethods({ GET: named("x"), PUT: named("y") })).toEqual(["GET", "PUT", "HEAD", "OPTIONS"]);
  });
});
