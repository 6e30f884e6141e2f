import { describe, expect, it } from "vitest";

import { valueBetReturns } from "./value-bets.js";

const madeAt = new Date("2024-03-01T00:00:00Z");
const before = new Date("2024-02-29T15:00:00Z");
const after = new Date("2024-03-02T15:00:00Z");

describe("valueBetReturns", () => {
  it("value - bets where p·odds > 1 + threshold and books flat-stake profit", () => {
    const r = valueBetReturns(
      [
        // EV home 0.6·2.0 − 1 = 0.2 → bet, wins +1; draw 0.25·3.4 − 1 < 0; away 0.15·5 − 1 < 0.
        {
          probs: { home: 0.6, draw: 0.25, away: 0.15 },
          outcome: "home",
          madeAt,
          quote: { odds: { home: 2, draw: 3.4, away: 5 }, quotedAt: before },
        },
        // EV away 0.3·4 − 1 = 0.2 → bet, loses −1.
        {
          probs: { home: 0.4, draw: 0.3, away: 0.3 },
          outcome: "draw",
          madeAt,
          quote: { odds: { home: 2.2, draw: 3.1, away: 4 }, quotedAt: before },
        },
        // EV home 0.5·2.08 − 1 = 0.04 ≤ 0.05 → no bet.
        {
          probs: { home: 0.5, draw: 0.3, away: 0.2 },
          outcome: "home",
          madeAt,
          quote: { odds: { home: 2.08, draw: 3, away: 4 }, quotedAt: before },
        },
      ],
      0.05,
    );
    expect(r.bets.map((b) => [b.index, b.outcome, b.profit])).toEqual([
      [0, "home", 1],
      [1, "away", -1],
    ]);
    expect(r.staked).toBe(2);
    expect(r.profit).toBe(0);
    expect(r.roi).toBe(0);
    expect(r.bets[0]!.expectedValue).toBeCloseTo(0.2, 12);
    // The margin-free market probability is reported, not raw 1/odds (= 0.5).
    const booksum = 1 / 2 + 1 / 3.4 + 1 / 5;
    expect(r.bets[0]!.fairProbability).toBeCloseTo(0.5 / booksum, 12);
  });

  it("value - refuses odds quoted after the prediction and matches without odds", () => {
    const r = valueBetReturns([
      {
        probs: { home: 0.9, draw: 0.05, away: 0.05 },
        outcome: "home",
        madeAt,
        quote: { odds: { home: 3, draw: 3, away: 3 }, quotedAt: after },
      },
      { probs: { home: 0.9, draw: 0.05, away: 0.05 }, outcome: "home", madeAt },
    ]);
    expect(r.staked).toBe(0);
    expect(r.skipped).toBe(2);
    expect(r.roi).toBeNaN();
  });
});
