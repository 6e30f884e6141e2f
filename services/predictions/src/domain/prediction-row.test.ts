import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { DixonColesParams } from "@matchday/model";
import { KickedOffError, predictionRow } from "./prediction-row.js";

const params: DixonColesParams = {
  teams: ["1", "2"],
  attack: { "1": 0.2, "2": -0.1 },
  defence: { "1": 0.1, "2": -0.2 },
  intercept: 0.1,
  homeAdvantage: 0.25,
  rho: -0.05,
};
const model = { id: 12, league: "E0", params };
const match = {
  matchId: 77,
  league: "E0",
  season: "2324",
  date: new Date("2024-04-06T14:00:00Z"),
  home: "1",
  away: "2",
};

describe("predictionRow", () => {
  it("prediction-row - carries the match, the model version and the odds; no odds are stored as null", () => {
    const madeAt = new Date("2024-04-05T00:00:00Z");
    const odds = { bookmaker: "pinnacle", home: 1.8, draw: 3.9, away: 4.6 };
    const row = predictionRow(model, match, madeAt, odds);
    expect(row).toMatchObject({
      modelVersionId: 12,
      matchId: 77,
      league: "E0",
      season: "2324",
      kickoff: match.date,
      madeAt,
      oddsAtPrediction: odds,
    });
    expect(row.pHome).toBeGreaterThan(row.pAway); // the stronger side at home is the favourite
    expect(row.xgHome).toBeGreaterThan(row.xgAway);
    expect(predictionRow(model, match, madeAt, undefined).oddsAtPrediction).toBeNull();
  });

  it("prediction-row - each goal market lands in its own column: many goals, few goals", () => {
    const madeAt = new Date("2024-04-05T00:00:00Z");
    const withIntercept = (intercept: number) =>
      predictionRow({ ...model, params: { ...params, intercept } }, match, madeAt, undefined);
    const many = withIntercept(1.3); // about 4 goals a side
    const few = withIntercept(-1.5); // about 0.25 a side
    expect(many.over25).toBeGreaterThan(0.9);
    expect(many.bttsYes).toBeGreaterThan(0.9);
    expect(few.under25).toBeGreaterThan(0.9);
    expect(few.bttsNo).toBeGreaterThan(0.9);
    expect(few.pDraw).toBeGreaterThan(few.pHome);
    expect([few.likelyHomeGoals, few.likelyAwayGoals]).toEqual([0, 0]);
    expect(many.likelyHomeGoals + many.likelyAwayGoals).toBeGreaterThan(4);
  });

  it("prediction-row - for any model the markets are probabilities that add up, and swapping the sides mirrors them", () => {
    const strength = fc.double({ min: -1, max: 1, noNaN: true });
    const anyParams = fc.record({
      attack: fc.tuple(strength, strength),
      defence: fc.tuple(strength, strength),
      intercept: fc.double({ min: -0.5, max: 0.7, noNaN: true }),
      rho: fc.double({ min: -0.15, max: 0.05, noNaN: true }),
    });
    const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThan(1e-6);
    fc.assert(
      fc.property(anyParams, ({ attack, defence, intercept, rho }) => {
        const p: DixonColesParams = {
          teams: ["1", "2"],
          attack: { "1": attack[0], "2": attack[1] },
          defence: { "1": defence[0], "2": defence[1] },
          intercept,
          homeAdvantage: 0, // a neutral ground, so that swapping the sides must mirror the row
          rho,
        };
        const madeAt = new Date("2024-04-05T00:00:00Z");
        const row = predictionRow({ ...model, params: p }, match, madeAt, undefined);
        const swapped = predictionRow(
          { ...model, params: p },
          { ...match, home: "2", away: "1" },
          madeAt,
          undefined,
        );
        const probs = [row.pHome, row.pDraw, row.pAway, row.over25, row.under25, row.bttsYes];
        for (const v of [...probs, row.bttsNo, row.likelyScoreProbability]) {
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(1);
        }
        close(row.pHome + row.pDraw + row.pAway, 1);
        close(row.over25 + row.under25, 1);
        close(row.bttsYes + row.bttsNo, 1);
        expect(row.xgHome).toBeGreaterThan(0);
        expect(row.xgAway).toBeGreaterThan(0);
        // The likeliest scoreline is one result of its kind: no likelier than that result.
        const { likelyHomeGoals: h, likelyAwayGoals: a } = row;
        const ofItsKind = h > a ? row.pHome : h === a ? row.pDraw : row.pAway;
        expect(row.likelyScoreProbability).toBeLessThanOrEqual(ofItsKind + 1e-9);
        close(swapped.pHome, row.pAway);
        close(swapped.pAway, row.pHome);
        close(swapped.pDraw, row.pDraw);
        close(swapped.xgHome, row.xgAway);
        close(swapped.over25, row.over25);
        close(swapped.bttsYes, row.bttsYes);
      }),
      { numRuns: 200 },
    );
  });

  it("prediction-row - refuses a prediction at or after kick-off", () => {
    expect(() => predictionRow(model, match, match.date, undefined)).toThrow(KickedOffError);
    expect(() =>
      predictionRow(model, match, new Date(match.date.getTime() + 1), undefined),
    ).toThrow(/no prediction at or after kick-off/);
    expect(() =>
      predictionRow(model, match, new Date(match.date.getTime() - 1), undefined),
    ).not.toThrow();
  });
});
