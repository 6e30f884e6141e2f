import { describe, expect, it } from "vitest";

import { computeModelMetrics } from "./model-metrics.js";

describe("computeModelMetrics", () => {
  it("metrics - scores model and market on the same matches with the paired gap", () => {
    const m = computeModelMetrics([
      {
        probs: { home: 0.5, draw: 0.3, away: 0.2 },
        outcome: "home",
        marketProbs: { home: 0.6, draw: 0.25, away: 0.15 },
      },
      {
        probs: { home: 0.2, draw: 0.3, away: 0.5 },
        outcome: "away",
        marketProbs: { home: 0.3, draw: 0.3, away: 0.4 },
      },
      { probs: { home: 1, draw: 0, away: 0 }, outcome: "home" }, // no odds: model only
    ]);
    expect(m.model.n).toBe(3);
    expect(m.market.n).toBe(2);
    expect(m.modelOnMarketRows.n).toBe(2);
    expect(m.model.accuracy).toBe(1);
    // Model RPS: (0.25 + 0.04)/2 = 0.145 ... first row: (0.5−1)² + (0.8−1)² = 0.29 → 0.145;
    // second: 0.2² + 0.5² = 0.29 → 0.145. Market: (0.16 + 0.0225)/2 = 0.09125 and (0.09 + 0.36)/2 = 0.225.
    expect(m.modelOnMarketRows.rps).toBeCloseTo(0.145, 12);
    expect(m.market.rps).toBeCloseTo((0.09125 + 0.225) / 2, 12);
    expect(m.gap.rps.mean).toBeCloseTo(0.145 - (0.09125 + 0.225) / 2, 12);
    // Differences 0.05375 and −0.08: sd/√2 = |d1 − d2|/2.
    expect(m.gap.rps.se).toBeCloseTo((0.05375 + 0.08) / 2, 12);
    expect(m.model.rps).toBeCloseTo((0.145 * 2 + 0) / 3, 12);
    expect(m.model.calibration.byOutcome.home.bins).toHaveLength(10);
  });
});
