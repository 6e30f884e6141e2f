import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { brier, logLoss, predictedOutcome, rps } from "./scoring-rules.js";
import type { Outcome, Probs1x2 } from "./types.js";

const probsArb = fc
  .tuple(
    fc.double({ min: 0, max: 1, noNaN: true }),
    fc.double({ min: 0, max: 1, noNaN: true }),
    fc.double({ min: 0, max: 1, noNaN: true }),
  )
  .filter(([a, b, c]) => a + b + c > 1e-9)
  .map(([a, b, c]): Probs1x2 => ({
    home: a / (a + b + c),
    draw: b / (a + b + c),
    away: c / (a + b + c),
  }));
const outcomeArb = fc.constantFrom<Outcome>("home", "draw", "away");

describe("scoring rules", () => {
  it("rps - a perfect forecast scores 0 and (0, 0, 1) on a home win scores 1", () => {
    expect(rps({ home: 1, draw: 0, away: 0 }, "home")).toBe(0);
    expect(rps({ home: 0, draw: 1, away: 0 }, "draw")).toBe(0);
    expect(rps({ home: 0, draw: 0, away: 1 }, "away")).toBe(0);
    expect(rps({ home: 0, draw: 0, away: 1 }, "home")).toBe(1);
    expect(rps({ home: 1, draw: 0, away: 0 }, "away")).toBe(1);
  });

  it("rps - is ordered: a draw forecast on a home win costs half an away forecast", () => {
    expect(rps({ home: 0, draw: 1, away: 0 }, "home")).toBe(0.5);
  });

  it("rps - matches hand-computed values", () => {
    // (0.5, 0.3, 0.2) on a draw: cumulative (0.5 − 0)² + (0.8 − 1)² = 0.29, halved.
    expect(rps({ home: 0.5, draw: 0.3, away: 0.2 }, "draw")).toBeCloseTo(0.145, 12);
    // (0.2, 0.3, 0.5) on a home win: (0.2 − 1)² + (0.5 − 1)² = 0.89, halved.
    expect(rps({ home: 0.2, draw: 0.3, away: 0.5 }, "home")).toBeCloseTo(0.445, 12);
  });

  it("logLoss - is −ln of the observed outcome's probability, clamped for zeros", () => {
    expect(logLoss({ home: 0.5, draw: 0.3, away: 0.2 }, "draw")).toBeCloseTo(
      1.2039728043259361,
      12,
    );
    expect(logLoss({ home: 1, draw: 0, away: 0 }, "home")).toBeCloseTo(0, 15);
    expect(logLoss({ home: 1, draw: 0, away: 0 }, "away")).toBeCloseTo(34.538776394910684, 9);
  });

  it("brier - sums squared errors over the three outcomes", () => {
    // (0.5, 0.3, 0.2) on a draw: 0.25 + 0.49 + 0.04.
    expect(brier({ home: 0.5, draw: 0.3, away: 0.2 }, "draw")).toBeCloseTo(0.78, 12);
    expect(brier({ home: 1, draw: 0, away: 0 }, "home")).toBe(0);
    expect(brier({ home: 0, draw: 0, away: 1 }, "home")).toBe(2);
  });

  it("predictedOutcome - picks the most probable outcome", () => {
    expect(predictedOutcome({ home: 0.2, draw: 0.3, away: 0.5 })).toBe("away");
    expect(predictedOutcome({ home: 0.2, draw: 0.5, away: 0.3 })).toBe("draw");
    expect(predictedOutcome({ home: 0.4, draw: 0.3, away: 0.3 })).toBe("home");
  });

  it("property - scores stay in range and the truth is optimal in expectation", () => {
    fc.assert(
      fc.property(probsArb, probsArb, outcomeArb, (p, q, o) => {
        expect(rps(p, o)).toBeGreaterThanOrEqual(0);
        expect(rps(p, o)).toBeLessThanOrEqual(1 + 1e-12);
        expect(brier(p, o)).toBeLessThanOrEqual(2 + 1e-12);
        // Strict propriety of RPS: forecasting the true distribution p beats forecasting q.
        const expected = (f: Probs1x2) =>
          p.home * rps(f, "home") + p.draw * rps(f, "draw") + p.away * rps(f, "away");
        expect(expected(p)).toBeLessThanOrEqual(expected(q) + 1e-12);
      }),
    );
  });
});
