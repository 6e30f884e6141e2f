import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeBackoffMs } from "./retry.js";

const policy = { initialIntervalMs: 10_000, backoffCoefficient: 3, maxIntervalMs: 600_000 };

describe("computeBackoffMs", () => {
  it("retry - the delay table: exponential, capped, jittered into [d/2, d]", () => {
    const rows = [1, 2, 3, 4, 5, 6].map((attempt) => ({
      attempt,
      min: computeBackoffMs(attempt, policy, () => 0),
      max: computeBackoffMs(attempt, policy, () => 1),
    }));
    console.table(rows);
    expect(rows.map((r) => r.max)).toEqual([10_000, 30_000, 90_000, 270_000, 600_000, 600_000]);
    expect(rows.map((r) => r.min)).toEqual([5_000, 15_000, 45_000, 135_000, 300_000, 300_000]);
  });

  it("retry - never exceeds the cap, never below half the nominal delay, never decreasing in the nominal delay", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 100_000 }),
        (attempt, r, initial) => {
          const p = { initialIntervalMs: initial, backoffCoefficient: 2, maxIntervalMs: 1_000_000 };
          const d = computeBackoffMs(attempt, p, () => r);
          const nominal = Math.min(p.maxIntervalMs, initial * 2 ** (attempt - 1));
          expect(d).toBeLessThanOrEqual(nominal);
          expect(d).toBeGreaterThanOrEqual(Math.floor(nominal / 2));
        },
      ),
    );
  });
});
