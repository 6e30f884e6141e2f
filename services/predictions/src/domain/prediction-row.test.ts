import { describe, expect, it } from "vitest";
import { predictMatch, type DixonColesParams } from "@matchday/model";
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
  it("prediction-row - every market comes from the one scoreline matrix of predictMatch", () => {
    const madeAt = new Date("2024-04-05T00:00:00Z");
    const row = predictionRow(model, match, madeAt, {
      bookmaker: "pinnacle",
      home: 1.8,
      draw: 3.9,
      away: 4.6,
    });
    const p = predictMatch(params, "1", "2");
    expect(row).toEqual({
      modelVersionId: 12,
      matchId: 77,
      league: "E0",
      season: "2324",
      kickoff: match.date,
      madeAt,
      pHome: p.probs.home,
      pDraw: p.probs.draw,
      pAway: p.probs.away,
      xgHome: p.expectedGoals.home,
      xgAway: p.expectedGoals.away,
      likelyHomeGoals: p.mostLikelyScore.home,
      likelyAwayGoals: p.mostLikelyScore.away,
      likelyScoreProbability: p.mostLikelyScore.probability,
      over25: p.over25,
      under25: p.under25,
      bttsYes: p.bttsYes,
      bttsNo: p.bttsNo,
      oddsAtPrediction: { bookmaker: "pinnacle", home: 1.8, draw: 3.9, away: 4.6 },
    });
    expect(row.pHome).toBeGreaterThan(row.pAway); // the stronger side at home is the favourite
    expect(predictionRow(model, match, madeAt, undefined).oddsAtPrediction).toBeNull();
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
