// The Node options every `next start` is given (scripts/server-options.mjs), and that `npm start`
// (scripts/start.mjs) really passes them to the server process.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SERVER_HEAP_LIMIT_MIB, serverEnv, serverNodeOptions } from "@/scripts/server-options.mjs";

describe("the server's Node options", () => {
  it("limit the V8 heap to 1 GiB", () => {
    expect(SERVER_HEAP_LIMIT_MIB).toBe(1024);
    expect(serverNodeOptions()).toBe("--max-old-space-size=1024");
  });

  it("keep the caller's NODE_OPTIONS, after the limit so a limit of theirs wins", () => {
    expect(serverNodeOptions("  --enable-source-maps ")).toBe("--max-old-space-size=1024 --enable-source-maps");
    expect(serverEnv({ PATH: "/bin", NODE_OPTIONS: "--max-old-space-size=512" })).toEqual({
      PATH: "/bin",
      NODE_OPTIONS: "--max-old-space-size=1024 --max-old-space-size=512",
    });
    // V8 takes the last one: the process really gets 512 MiB.
    const child = spawnSync(process.execPath, ["-e", "console.log(require('v8').getHeapStatistics().heap_size_limit)"], {
      env: serverEnv({ ...process.env, NODE_OPTIONS: "--max-old-space-size=512" }),
      encoding: "utf8",
    });
    const limitMiB = Number(child.stdout.trim()) / 1024 / 1024;
    expect(limitMiB).toBeGreaterThanOrEqual(512);
    expect(limitMiB).toBeLessThan(1024);
  });

  it("reach the process `npm start` runs", () => {
    // A preload script, given through the caller's NODE_OPTIONS, reports each process's heap limit:
    // scripts/start.mjs itself runs with the caller's options, the `next` process it starts
    // (here `next start --help`, which needs no build) with the limit in front of them.
    const dir = mkdtempSync(path.join(os.tmpdir(), "server-options-"));
    const preload = path.join(dir, "report-heap.cjs");
    writeFileSync(preload, "process.stderr.write(`heap ${require('node:path').basename(process.argv[1] ?? '')} ${require('node:v8').getHeapStatistics().heap_size_limit}\\n`);");
    try {
      const child = spawnSync(process.execPath, [path.join("scripts", "start.mjs"), "--help"], {
        encoding: "utf8",
        env: { ...process.env, NODE_OPTIONS: `--require ${preload}` },
      });
      expect(child.status).toBe(0);
      expect(child.stdout).toMatch(/next start/i);
      const limits = Object.fromEntries([...child.stderr.matchAll(/^heap (\S+) (\d+)$/gm)].map((m) => [m[1], Number(m[2]) / 1024 / 1024]));
      expect(limits["next"]).toBeGreaterThanOrEqual(SERVER_HEAP_LIMIT_MIB);
      expect(limits["next"]).toBeLessThan(SERVER_HEAP_LIMIT_MIB + 128);
      expect(limits["start.mjs"]).toBeDefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
