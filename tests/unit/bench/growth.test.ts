// The cost curves' growth words (bench/support.ts `growth`): the exponent k in value ∝ size^k.
import { describe, expect, it } from "vitest";
import { growth, percentile, runAtConcurrency } from "@/bench/support";

describe("growth", () => {
  it("names flat, sub-linear, linear and super-linear from the first and last points", () => {
    const sizes = [100_000, 300_000, 1_000_000, 3_000_000];
    const at = (f: (n: number) => number, lines = (n: number) => n / 10) => sizes.map((size) => ({ size, lines: lines(size), value: f(size) }));
    expect(growth(at(() => 1.6))).toBe("flat in the data (k = 0.00); flat in the statement's lines (k = 0.00)");
    expect(growth(at((n) => n / 1000))).toBe("linear in the data (k = 1.00); linear in the statement's lines (k = 1.00)");
    expect(growth(at((n) => Math.sqrt(n)))).toBe("sub-linear in the data (k = 0.50); sub-linear in the statement's lines (k = 0.50)");
    expect(growth(at((n) => (n / 1e5) ** 2))).toBe("super-linear in the data (k = 2.00); super-linear in the statement's lines (k = 2.00)");
    // Linear in the statement's lines while the data grows faster than the statement.
    expect(growth(at((n) => Math.sqrt(n), (n) => Math.sqrt(n)))).toBe("sub-linear in the data (k = 0.50); linear in the statement's lines (k = 1.00)");
  });

  it("leaves out missing points, and says when there are too few", () => {
    expect(growth([{ size: 1, lines: 1, value: Number.NaN }, { size: 10, lines: 10, value: 5 }])).toBe("not enough points");
    expect(growth([{ size: 100, lines: 5, value: 2 }, { size: 200, lines: 5, value: Number.NaN }, { size: 400, lines: 5, value: 8 }])).toBe("linear in the data (k = 1.00)");
  });
});

describe("percentile", () => {
  it("is the nearest rank", () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect([percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99), percentile([], 50)]).toEqual([50, 95, 99, Number.NaN]);
  });
});

describe("runAtConcurrency", () => {
  it("sends every item once, never more than `concurrency` at a time, and counts outcomes (a throw is an error)", async () => {
    let running = 0;
    let most = 0;
    const seen: number[] = [];
    const plan = Array.from({ length: 20 }, (_, i) => i);
    const run = await runAtConcurrency(plan, { concurrency: 3, seconds: 60 }, async (n) => {
      running += 1;
      most = Math.max(most, running);
      seen.push(n);
      await new Promise((resolve) => setTimeout(resolve, 2));
      running -= 1;
      if (n % 5 === 0) throw new Error("refused");
      return n % 2 === 0 ? 200 : "duplicate";
    });
    expect([...seen].sort((a, b) => a - b)).toEqual(plan);
    expect(most).toBe(3);
    expect(Object.fromEntries(run.outcomes)).toEqual({ error: 4, 200: 8, duplicate: 8 });
    expect(run.latencies).toHaveLength(20);
    expect(run.latencies).toEqual([...run.latencies].sort((a, b) => a - b));
  });

  it("stops taking items once the time is up", async () => {
    const run = await runAtConcurrency(Array.from({ length: 1000 }, (_, i) => i), { concurrency: 2, seconds: 0.05 }, async () => {
      await new Promise((resolve) => setTimeout(resolve, 10));
      return "ok";
    });
    expect(run.latencies.length).toBeGreaterThan(0);
    expect(run.latencies.length).toBeLessThan(1000);
  });
});
