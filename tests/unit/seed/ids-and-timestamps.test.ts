// The scale seed's own ids and timestamp text: fast replacements for Faker's UUIDs and
// Date.toISOString, so they must give exactly what those gave in form.
import { describe, expect, it } from "vitest";
import { timestampText } from "@/prisma/seed/dates";
import { Rng } from "@/prisma/seed/random";

const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("Rng.uuid", () => {
  it("gives version 4 UUIDs, the same for the same seed, without repeats", () => {
    const a = new Rng(20261125);
    const b = new Rng(20261125);
    const ids = Array.from({ length: 50_000 }, () => a.uuid());
    for (const id of ids.slice(0, 1000)) expect(id).toMatch(V4);
    expect(new Set(ids).size).toBe(ids.length);
    expect(Array.from({ length: 50_000 }, () => b.uuid())).toEqual(ids);
    expect(new Rng(20261126).uuid()).not.toBe(ids[0]);
  });

  it("uses every hex digit in every free position (the bits are not stuck)", () => {
    const rng = new Rng(7);
    const seen = Array.from({ length: 36 }, () => new Set<string>());
    for (let i = 0; i < 5000; i += 1) [...rng.uuid()].forEach((c, j) => seen[j]?.add(c));
    const sizes = seen.map((s) => s.size);
    // Dashes at 8, 13, 18, 23; the version digit at 14; the variant digit at 19 (8, 9, a or b).
    expect(sizes).toEqual(Array.from({ length: 36 }, (_, j) => ([8, 13, 18, 23, 14].includes(j) ? 1 : j === 19 ? 4 : 16)));
  });

  it("draws from the stream it is called on, and next() stays in [0, 1)", () => {
    const rng = new Rng(1);
    const copy = new Rng(1);
    rng.uuid();
    for (let i = 0; i < 4; i += 1) copy.uint32();
    expect(rng.next()).toBe(copy.next());
    for (let i = 0; i < 10_000; i += 1) {
      const x = rng.next();
      expect(x >= 0 && x < 1).toBe(true);
    }
  });
});

describe("timestampText", () => {
  const iso = (ms: number) => {
    const text = new Date(ms).toISOString();
    return `${text.slice(0, 10)} ${text.slice(11, 23)}`;
  };

  it("writes what Date.toISOString gives, as PostgreSQL's timestamp text", () => {
    expect(timestampText(Date.UTC(2025, 9, 1, 9, 5, 7, 3))).toBe("2025-10-01 09:05:07.003");
    expect(timestampText(Date.UTC(2024, 1, 29, 23, 59, 59, 999))).toBe("2024-02-29 23:59:59.999");
    expect(timestampText(Date.UTC(2026, 0, 1))).toBe("2026-01-01 00:00:00.000");
    expect(timestampText(0)).toBe("1970-01-01 00:00:00.000");
    const rng = new Rng(99);
    for (let i = 0; i < 20_000; i += 1) {
      const ms = Date.UTC(2021, 0, 1) + Math.floor(rng.next() * 8 * 365 * 86_400_000);
      expect(timestampText(ms)).toBe(iso(ms));
    }
  });

  it("refuses what is not whole milliseconds since 1970", () => {
    expect(() => timestampText(1.5)).toThrow(/whole milliseconds/);
    expect(() => timestampText(-1)).toThrow(/whole milliseconds/);
    expect(() => timestampText(Number.NaN)).toThrow(/whole milliseconds/);
  });
});
