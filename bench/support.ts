// Small helpers the benchmark scripts share.
import pg from "pg";

/** Nearest-rank percentile of an ascending list (NaN when empty). */
export function percentile(sorted: readonly number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

/** One statement on the server's admin database (CREATE / DROP DATABASE). */
export async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * How a measure grows between the smallest and the largest run: the exponent k in value ∝ size^k,
 * against the number of declarations and against the measured statement's line items.
 */
export function growth(points: readonly { size: number; lines: number; value: number }[]): string {
  const usable = points.filter((p) => Number.isFinite(p.value) && p.value > 0);
  if (usable.length < 2) return "not enough points";
  const first = usable[0]!;
  const last = usable.at(-1)!;
  const k = (a: number, b: number) => Math.log(last.value / first.value) / Math.log(b / a);
  const words = (e: number) => (e < 0.15 ? "flat" : e < 0.8 ? "sub-linear" : e < 1.2 ? "linear" : "super-linear");
  const bySize = k(first.size, last.size);
  const byLines = last.lines !== first.lines ? k(first.lines, last.lines) : Number.NaN;
  const lines = Number.isFinite(byLines) ? `; ${words(byLines)} in the statement's lines (k = ${byLines.toFixed(2)})` : "";
  return `${words(bySize)} in the data (k = ${bySize.toFixed(2)})${lines}`;
}

/**
 * Sends the plan's items `concurrency` at a time (each worker takes the next item), for at most
 * `seconds`. Returns each item's outcome counted by name ("error" when `send` threw), the latencies
 * in milliseconds (sorted), and the seconds taken.
 */
export async function runAtConcurrency<T>(
  plan: readonly T[],
  options: { concurrency: number; seconds: number },
  send: (item: T) => Promise<string | number>,
): Promise<{ outcomes: Map<string | number, number>; latencies: number[]; seconds: number }> {
  const outcomes = new Map<string | number, number>();
  const latencies: number[] = [];
  let index = 0;
  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      while (index < plan.length && performance.now() < deadline) {
        const item = plan[index++] as T;
        const t0 = performance.now();
        let outcome: string | number;
        try {
          outcome = await send(item);
        } catch {
          outcome = "error";
        }
        outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return { outcomes, latencies, seconds: (performance.now() - started) / 1000 };
}
