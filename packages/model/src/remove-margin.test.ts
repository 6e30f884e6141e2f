import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { removeMargin } from "./remove-margin.js";

const oddsArb = fc.record({
  home: fc.double({ min: 1.01, max: 30, noNaN: true }),
  draw: fc.double({ min: 1.01, max: 30, noNaN: true }),
  away: fc.double({ min: 1.01, max: 30, noNaN: true }),
});

describe("removeMargin", () => {
  it("proportional - divides implied probabilities by the booksum", () => {
    // 1/2 + 1/4 + 1/4 = 1 → no margin; 1/1.8 + 1/3.6 + 1/3.6 = 10/9 → probabilities × 0.9.
    expect(removeMargin({ home: 2, draw: 4, away: 4 })).toEqual({
      home: 0.5,
      draw: 0.25,
      away: 0.25,
    });
    const p = removeMargin({ home: 1.8, draw: 3.6, away: 3.6 });
    expect(p.home).toBeCloseTo(0.5, 12);
    expect(p.draw).toBeCloseTo(0.25, 12);
  });

  it("shin - takes more margin off the long shot than proportional", () => {
    const odds = { home: 1.3, draw: 5.5, away: 11 };
    const prop = removeMargin(odds, "proportional");
    const shin = removeMargin(odds, "shin");
    expect(shin.home).toBeGreaterThan(prop.home);
    expect(shin.away).toBeLessThan(prop.away);
  });

  it("property - both methods return probabilities in (0, 1) that sum to 1", () => {
    fc.assert(
      fc.property(
        oddsArb,
        fc.constantFrom("proportional" as const, "shin" as const),
        (odds, method) => {
          const p = removeMargin(odds, method);
          expect(p.home + p.draw + p.away).toBeCloseTo(1, 12);
          for (const v of [p.home, p.draw, p.away]) {
            expect(v).toBeGreaterThan(0);
            expect(v).toBeLessThan(1);
          }
        },
      ),
    );
  });

  it("removeMargin - rejects odds that are not > 1", () => {
    expect(() => removeMargin({ home: 1, draw: 3, away: 4 })).toThrow(RangeError);
    expect(() => removeMargin({ home: Number.NaN, draw: 3, away: 4 })).toThrow(RangeError);
  });
});
