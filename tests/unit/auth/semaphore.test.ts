import { describe, expect, it } from "vitest";
import { SemaphoreFullError, createSemaphore } from "@/lib/auth/semaphore";

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe("the semaphore", () => {
  it("runs at most `concurrency` tasks at once, queues up to `maxQueued`, refuses beyond", async () => {
    const semaphore = createSemaphore({ concurrency: 2, maxQueued: 3 });
    let running = 0;
    let most = 0;
    const gates = Array.from({ length: 6 }, deferred);
    const results = gates.map((gate, i) =>
      semaphore
        .run(async () => {
          running++;
          most = Math.max(most, running);
          await gate.promise;
          running--;
          return i;
        })
        .then(
          (value) => ({ value }),
          (error: unknown) => ({ error }),
        ),
    );
    await Promise.resolve();
    expect(semaphore.active).toBe(2);
    expect(semaphore.queued).toBe(3);
    expect(await results[5]).toEqual({ error: expect.any(SemaphoreFullError) });
    for (const gate of gates) gate.resolve();
    expect(await Promise.all(results.slice(0, 5))).toEqual([0, 1, 2, 3, 4].map((value) => ({ value })));
    expect(most).toBe(2);
    expect(semaphore.active).toBe(0);
    expect(semaphore.queued).toBe(0);
  });

  it("frees the slot when a task fails", async () => {
    const semaphore = createSemaphore({ concurrency: 1, maxQueued: 0 });
    await expect(semaphore.run(async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await semaphore.run(async () => "next")).toBe("next");
    expect(semaphore.active).toBe(0);
  });
});
