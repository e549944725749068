// A counting semaphore with a bounded queue: at most `concurrency` tasks run at once, at most
// `maxQueued` wait for a turn, and a task beyond that is refused at once (SemaphoreFullError)
// rather than queued without end. Used to cap concurrent password checks (lib/auth/staff.ts).

export class SemaphoreFullError extends Error {
  constructor() {
    super("Too many tasks are waiting.");
    this.name = "SemaphoreFullError";
  }
}

export type Semaphore = {
  /** Runs `task` when a slot is free; rejects with SemaphoreFullError when the queue is full. */
  run<T>(task: () => Promise<T>): Promise<T>;
  readonly active: number;
  readonly queued: number;
};

export function createSemaphore({ concurrency, maxQueued }: { concurrency: number; maxQueued: number }): Semaphore {
  if (!(concurrency >= 1)) throw new Error("A semaphore needs a concurrency of at least 1.");
  let active = 0;
  const waiting: (() => void)[] = [];

  function release(): void {
    const next = waiting.shift();
    if (next) next(); // the slot passes straight to the next task
    else active--;
  }

  return {
    async run<T>(task: () => Promise<T>): Promise<T> {
      if (active < concurrency) {
        active++;
      } else {
        if (waiting.length >= maxQueued) throw new SemaphoreFullError();
        await new Promise<void>((resolve) => waiting.push(resolve));
      }
      try {
        return await task();
      } finally {
        release();
      }
    },
    get active() {
      return active;
    },
    get queued() {
      return waiting.length;
    },
  };
}
