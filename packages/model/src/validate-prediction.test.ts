import { describe, expect, it } from "vitest";

import { validatePrediction } from "./validate-prediction.js";

describe("validatePrediction", () => {
  it("validate - scores a home favourite that drew", () => {
    const v = validatePrediction({ home: 0.5, draw: 0.3, away: 0.2 }, 1, 1);
    expect(v.outcome).toBe("draw");
    expect(v.hit).toBe(false);
    expect(v.rps).toBeCloseTo(0.145, 12);
    expect(v.logLoss).toBeCloseTo(-Math.log(0.3), 12);
    expect(v.brier).toBeCloseTo(0.78, 12);
  });

  it("validate - keeps home goals first (no label swap)", () => {
    const p = { home: 0.6, draw: 0.25, away: 0.15 };
    expect(validatePrediction(p, 2, 0)).toMatchObject({ outcome: "home", hit: true });
    expect(validatePrediction(p, 0, 2)).toMatchObject({ outcome: "away", hit: false });
  });
});
