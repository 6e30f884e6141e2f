import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isoString } from "./iso.js";

describe("isoString", () => {
  it("isoString - equals toISOString for any instant, in any order of calls", () => {
    // Instants clustered in a few seconds (the cached path) and spread over all representable years.
    const near = fc.integer({ min: 0, max: 2_999 }).map((ms) => 1_795_000_000_000 + ms);
    const anywhere = fc.integer({ min: -8_640_000_000_000_000, max: 8_640_000_000_000_000 });
    fc.assert(
      fc.property(fc.array(fc.oneof(near, anywhere), { minLength: 1, maxLength: 50 }), (times) => {
        for (const t of times) expect(isoString(new Date(t))).toBe(new Date(t).toISOString());
      }),
      { numRuns: 500 },
    );
  });

  it("isoString - an invalid date throws as toISOString does", () => {
    expect(() => isoString(new Date(Number.NaN))).toThrow(RangeError);
  });
});
