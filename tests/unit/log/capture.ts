// A logger whose lines are kept, parsed, for tests to read (the app's logger, lib/log.ts, with a
// destination of the test's own).
import { Writable } from "node:stream";
import { createLogger } from "@/lib/log";

export function captureLog() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString("utf8").split("\n")) if (line.trim()) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { lines, logger: createLogger({ level: "info", destination }) };
}
