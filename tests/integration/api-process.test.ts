// `npm run start:api` (scripts/api-server.ts) is the lead provider API: the process is started on a
// database of its own with the demo data, and answers through real HTTP as the same handlers do
// inside Next: every route file and the health check served, the token checked, a declaration
// submitted once (with its audit entry) and refused the second time, a body over 1 MB refused
// however it is sent, the API's own 404 and 405, and a clean stop on SIGTERM. It refuses to start without PostgreSQL.
import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync } from "node:fs";
import { connect } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "@/prisma/seed/demo";
import { AMBITION, declarationBody, makeParticipant, TEST_NOW, tokenOf } from "./api/helpers";
import { availableKinds, createTestDb, type TestDb } from "./db";
import { DEMO_TODAY } from "./demo-today";

const root = path.resolve(import.meta.dirname, "..", "..");
const tsx = path.join(root, "node_modules", ".bin", "tsx");

type Started = { child: ChildProcess; base: string; banner: string; output: () => string };

/** Starts the API process on a free port; resolves once it says where it listens. */
function startApiProcess(env: NodeJS.ProcessEnv): Promise<Started> {
  const child = spawn(tsx, ["scripts/api-server.ts", "--port", "0", "--hostname", "127.0.0.1"], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The API process did not start within 60 s: ${output}`)), 60_000);
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const banner = /ECF Finance API on (http:\/\/[\d.]+:\d+) .*/.exec(output);
      if (banner) {
        clearTimeout(timer);
        resolve({ child, base: banner[1] as string, banner: banner[0], output: () => output });
      }
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`The API process exited with ${code}: ${output}`));
    });
  });
}

function exitOf(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve({ code: child.exitCode, signal: null });
    else child.once("exit", (code, signal) => resolve({ code, signal }));
  });
}

describe.runIf(availableKinds().includes("postgres"))("the API process (PostgreSQL)", () => {
  let db: TestDb;
  let api: Started;

  beforeAll(async () => {
    db = await createTestDb("postgres");
    await seedDemo(db, { today: DEMO_TODAY });
    api = await startApiProcess({
      ...process.env,
      DATABASE_URL: db.url,
      NODE_ENV: "test",
      // Only so the submission below is judged at the tests' fixed date, as the other API tests are.
      API_ALLOW_SERVER_DATE: "true",
    });
  }, 180_000);

  afterAll(async () => {
    if (api?.child.exitCode === null) {
      api.child.kill("SIGKILL");
      await exitOf(api.child);
    }
    await db?.drop();
  }, 60_000);

  /** A request to the process: `body` is sent as JSON; `raw` as it is (a stream goes chunked, without a Content-Length). */
  const send = (
    method: string,
    pathname: string,
    init: { token?: string | null; body?: unknown; raw?: string | ReadableStream<Uint8Array>; headers?: Record<string, string> } = {},
  ) =>
    fetch(`${api.base}${pathname}`, {
      method,
      headers: {
        ...(init.token === null ? {} : { Authorization: `Bearer ${init.token ?? tokenOf(AMBITION)}` }),
        ...(init.body === undefined ? {} : { "Content-Type": "application/json" }),
        ...init.headers,
      },
      body: init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body)),
      ...(init.raw instanceof ReadableStream ? { duplex: "half" } : {}),
    } as RequestInit);

  it("serves every route file under app/api/v3, and the health check", async () => {
    const files = readdirSync(path.join(root, "app", "api", "v3"), { recursive: true, encoding: "utf8" }).filter((f) => path.basename(f) === "route.ts");
    expect(files.length).toBeGreaterThan(15);
    expect(api.banner).toContain(`(${files.length + 1} routes, PostgreSQL database`);

    const health = await send("GET", "/healthz", { token: null });
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: "ok", database: "up" });
  });

  it("answers a request without a Host header (HTTP/1.0, as a load balancer's health check sends)", async () => {
    const { port } = new URL(api.base);
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), "127.0.0.1", () => socket.write("GET /healthz HTTP/1.0\r\n\r\n"));
      let text = "";
      socket.on("data", (chunk: Buffer) => (text += chunk.toString()));
      socket.on("end", () => resolve(text));
      socket.on("error", reject);
    });
    expect(raw).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(raw).toContain('{"status":"ok","database":"up"}');
  });

  it("answers with the provider's own records, and 401 without a token", async () => {
    const statements = await send("GET", "/api/v3/statements?filter[cohort]=2025");
    expect(statements.status).toBe(200);
    const body = (await statements.json()) as { data: { type: string }[] };
    expect(body.data.length).toBeGreaterThan(0);
    expect(body.data.every((s) => s.type === "statement")).toBe(true);

    const anonymous = await send("GET", "/api/v3/statements", { token: null });
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("WWW-Authenticate")).toContain("Bearer");
  });

  it("submits a declaration once, with its audit entry, and refuses the same again", async () => {
    const person = await makeParticipant(db.prisma, { provider: AMBITION, cohort: 2025 });
    const attributes = { participant_id: person.userId, declaration_type: "started", declaration_date: "2025-10-01T10:00:00.000Z", course_identifier: "ecf-induction" };
    const headers = { "X-With-Server-Date": TEST_NOW.toISOString(), "X-Request-Id": "api-process-test-1" };

    const first = await send("POST", "/api/v3/participant-declarations", { body: declarationBody(attributes), headers });
    expect(first.status).toBe(200);
    expect(first.headers.get("X-Request-Id")).toBe("api-process-test-1");
    const created = (await first.json()) as { data: { id: string; attributes: { state: string } } };
    expect(created.data.attributes.state).toBe("eligible");

    const again = await send("POST", "/api/v3/participant-declarations", { body: declarationBody(attributes), headers });
    expect(again.status).toBe(422);

    const declarations = await db.prisma.participantDeclaration.findMany({ where: { userId: person.userId } });
    expect(declarations.map((d) => d.id)).toEqual([created.data.id]);
    const audits = await db.prisma.auditLog.count({ where: { entityId: created.data.id } });
    expect(audits).toBe(1);
  });

  it("refuses a body over 1 MB, sent with a Content-Length or chunked without one, and changes nothing", async () => {
    const before = await db.prisma.participantDeclaration.count();
    const tooLarge = { errors: [{ title: "Payload too large", detail: "The request body must be 1 MB or smaller." }] };
    const big = `{"data":{"type":"participant-declaration","attributes":{}},"padding":"${"x".repeat(1024 * 1024)}"}`;
    const declared = await send("POST", "/api/v3/participant-declarations", { headers: { "Content-Type": "application/json" }, body: undefined, raw: big });
    expect(declared.status).toBe(413);
    expect(await declared.json()).toEqual(tooLarge);

    const bytes = Buffer.from(big);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let at = 0; at < bytes.length; at += 64 * 1024) controller.enqueue(bytes.subarray(at, at + 64 * 1024));
        controller.close();
      },
    });
    const chunked = await send("POST", "/api/v3/participant-declarations", { headers: { "Content-Type": "application/json" }, raw: stream });
    expect(chunked.status).toBe(413);
    expect(await chunked.json()).toEqual(tooLarge);
    expect(await db.prisma.participantDeclaration.count()).toBe(before);
  });

  it("answers an unknown path with the API's 404 and an unexported method with 405 and Allow", async () => {
    const missing = await send("GET", "/api/v3/no-such-thing");
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ errors: [{ title: "Resource not found", detail: "Nothing could be found for the provided details" }] });

    const refused = await send("DELETE", "/api/v3/statements");
    expect(refused.status).toBe(405);
    expect(refused.headers.get("Allow")).toBe("GET, HEAD, OPTIONS");

    const head = await send("HEAD", "/api/v3/statements");
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
  });

  it("stops cleanly on SIGTERM, cutting off a request still unanswered after the grace period", { timeout: 45_000 }, async () => {
    // A request whose body never finishes arriving: the handler waits for it, and without the
    // grace period the stop would wait for Node's request timeout (5 minutes).
    const { port } = new URL(api.base);
    const stalled = connect(Number(port), "127.0.0.1");
    await new Promise<void>((resolve) => stalled.once("connect", resolve));
    stalled.write(`POST /api/v3/participant-declarations HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${tokenOf(AMBITION)}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{`);
    const closed = new Promise<void>((resolve) => stalled.once("close", () => resolve()));
    stalled.on("error", () => undefined);
    await new Promise((resolve) => setTimeout(resolve, 300));

    api.child.kill("SIGTERM");
    expect(await exitOf(api.child)).toEqual({ code: 0, signal: null });
    await closed;
  });
});

describe("the API process without PostgreSQL", () => {
  it("refuses to start, and says what to do instead", async () => {
    const env = { ...process.env };
    delete env.DATABASE_URL;
    const child = spawn(tsx, ["scripts/api-server.ts", "--port", "0"], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    expect(await exitOf(child)).toEqual({ code: 2, signal: null });
    expect(stderr).toContain("The API process needs PostgreSQL: set DATABASE_URL.");
  });

  it("refuses a port that is not a number", async () => {
    const child = spawn(tsx, ["scripts/api-server.ts", "--port", "eighty"], { cwd: root, env: { ...process.env, DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none" }, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    expect(await exitOf(child)).toEqual({ code: 2, signal: null });
    expect(stderr).toContain('The port must be a whole number from 0 to 65535, not "eighty".');
  });
});
