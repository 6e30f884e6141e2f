import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { pairedDifference } from "./paired-difference.js";

describe("pairedDifference", () => {
  it("paired - mean and standard error of a − b by hand", () => {
    // d = (1, 2, 3): mean 2, sample sd 1, se 1/√3.
    const r = pairedDifference([1, 2, 3], [0, 0, 0]);
    expect(r.mean).toBe(2);
    expect(r.se).toBeCloseTo(1 / Math.sqrt(3), 12);
    expect(r.n).toBe(3);
  });

  it("paired - a constant shift has zero standard error", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: 2 }),
        fc.double({ min: -1, max: 1, noNaN: true }),
        (b, shift) => {
          const r = pairedDifference(
            b.map((x) => x + shift),
            b,
          );
          expect(r.mean).toBeCloseTo(shift, 9);
          expect(r.se).toBeLessThan(1e-9);
        },
      ),
    );
  });

  it("paired - rejects samples of different lengths and handles tiny ones", () => {
    expect(() => pairedDifference([1], [1, 2])).toThrow(RangeError);
    expect(pairedDifference([], []).mean).toBeNaN();
    expect(pairedDifference([2], [1])).toMatchObject({ mean: 1, n: 1 });
    expect(pairedDifference([2], [1]).se).toBeNaN();
  });
});
