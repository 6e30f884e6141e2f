import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { createRng } from "./prng.js";

describe("createRng", () => {
  it("repeats for the same seed and label and differs otherwise", () => {
    const draw = (seed: number, label: string) =>
      Array.from({ length: 5 }, createRng(seed, label).next);
    expect(draw(1, "a")).toEqual(draw(1, "a"));
    expect(draw(1, "a")).not.toEqual(draw(2, "a"));
    expect(draw(1, "a")).not.toEqual(draw(1, "b"));
  });

  it("keeps its helpers within their ranges", () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.integer({ min: -50, max: 50 }),
        fc.integer({ min: 0, max: 50 }),
        (seed, min, span) => {
          const rng = createRng(seed, "ranges");
          const u = rng.next();
          expect(u).toBeGreaterThanOrEqual(0);
          expect(u).toBeLessThan(1);
          const k = rng.int(min, min + span);
          expect(k).toBeGreaterThanOrEqual(min);
          expect(k).toBeLessThanOrEqual(min + span);
          expect(rng.poisson(3)).toBeGreaterThanOrEqual(0);
          expect(rng.shuffle([1, 2, 3, 4]).sort()).toEqual([1, 2, 3, 4]);
        },
      ),
    );
  });

  it("has a Poisson mean close to lambda", () => {
    const rng = createRng(7, "poisson");
    const n = 20000;
    let sum = 0;
    for (let i = 0; i < n; i++) sum += rng.poisson(2.5);
    expect(sum / n).toBeCloseTo(2.5, 1);
  });
});
