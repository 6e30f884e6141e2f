import { describe, expect, it } from "vitest";

import { calibration } from "./calibration.js";
import type { Outcome, Probs1x2 } from "./types.js";

describe("calibration", () => {
  it("calibration - bins by predicted probability and computes ECE by hand", () => {
    // Four forecasts of home 0.75 (bin 7), one of them a home win: observed 0.25 → |0.75 − 0.25|.
    const probs: Probs1x2[] = Array.from({ length: 4 }, () => ({
      home: 0.75,
      draw: 0.15,
      away: 0.1,
    }));
    const outcomes: Outcome[] = ["home", "draw", "draw", "away"];
    const t = calibration(probs, outcomes, 10);
    const bin = t.byOutcome.home.bins[7]!;
    expect(bin).toMatchObject({ lower: 0.7, count: 4, observedRate: 0.25 });
    expect(bin.meanPredicted).toBeCloseTo(0.75, 12);
    expect(t.byOutcome.home.ece).toBeCloseTo(0.5, 12);
    // Draw forecasts 0.15 (bin 1), observed 2/4: |0.15 − 0.5| = 0.35; away 0.1 (bin 1), 1/4: 0.15.
    expect(t.byOutcome.draw.ece).toBeCloseTo(0.35, 12);
    expect(t.byOutcome.away.ece).toBeCloseTo(0.15, 12);
    expect(t.ece).toBeCloseTo((0.5 + 0.35 + 0.15) / 3, 12);
    expect(t.byOutcome.home.bins.reduce((s, b) => s + b.count, 0)).toBe(4);
  });

  it("calibration - is 0 for forecasts matching observed frequencies, and 1.0 falls in the last bin", () => {
    const probs: Probs1x2[] = [
      { home: 0.5, draw: 0.5, away: 0 },
      { home: 0.5, draw: 0.5, away: 0 },
    ];
    expect(calibration(probs, ["home", "draw"]).ece).toBe(0);
    const sure = calibration([{ home: 1, draw: 0, away: 0 }], ["home"]);
    expect(sure.byOutcome.home.bins[9]!.count).toBe(1);
    expect(sure.ece).toBe(0);
  });

  it("calibration - rejects mismatched inputs", () => {
    expect(() => calibration([], ["home"])).toThrow(RangeError);
  });
});
