import { describe, expect, it } from "vitest";
import { bandCapacity, bandLetter, orderBands, pourIntoBands } from "@/lib/engine/bands";
import { band } from "./fixtures";

describe("orderBands", () => {
  it("orders bands by max, unbounded last, and letters them A, B, C…", () => {
    const ordered = orderBands([band(4001, null, 500), band(2001, 4000, 800), band(null, 2000, 1000)]);
    expect(ordered.map((b) => [b.letter, b.min, b.max, b.effectiveMin, b.capacity])).toEqual([
      ["A", null, 2000, 1, 2000],
      ["B", 2001, 4000, 2001, 2000],
      ["C", 4001, null, 4001, null],
    ]);
  });

  it("treats a minimum of 0 or null as 1, so a 0–2000 band holds 2000", () => {
    expect(bandCapacity({ min: 0, max: 2000 })).toBe(2000);
    expect(bandCapacity({ min: null, max: 2000 })).toBe(2000);
    expect(bandCapacity({ min: 1, max: 2000 })).toBe(2000);
    expect(bandCapacity({ min: 2001, max: 4000 })).toBe(2000);
    expect(bandCapacity({ min: 4001, max: null })).toBeNull();
  });

  it("never gives a negative capacity", () => {
    expect(bandCapacity({ min: 10, max: 5 })).toBe(0);
  });

  it("letters beyond Z continue AA, AB", () => {
    expect([bandLetter(0), bandLetter(3), bandLetter(25), bandLetter(26), bandLetter(27)]).toEqual([
      "A",
      "D",
      "Z",
      "AA",
      "AB",
    ]);
  });
});

describe("pourIntoBands", () => {
  it("fills the lowest band first, each up to its capacity", () => {
    expect(pourIntoBands(2100, [2000, 2000, null])).toEqual({ perBand: [2000, 100, 0], overflow: 0 });
  });

  it("reports what does not fit above the top band", () => {
    expect(pourIntoBands(7, [2, 3])).toEqual({ perBand: [2, 3], overflow: 2 });
  });

  it("pours nothing for zero or a negative count", () => {
    expect(pourIntoBands(-3, [2, null])).toEqual({ perBand: [0, 0], overflow: 0 });
  });
});
