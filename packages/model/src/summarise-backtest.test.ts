import { describe, expect, it } from "vitest";

import { summariseBacktest } from "./summarise-backtest.js";
import type { MatchRecord } from "./types.js";
import type { WalkForwardPrediction } from "./walk-forward.js";

const at = new Date("2020-01-04T00:00:00Z");

function match(id: string, season: string, hg: number | undefined, withOdds = true): MatchRecord {
  return {
    id,
    season,
    date: at,
    home: "H",
    away: "A",
    homeGoals: hg,
    awayGoals: hg === undefined ? undefined : 1,
    closingOdds: withOdds ? { pinnacle: { home: 2, draw: 4, away: 4 } } : undefined,
  };
}

function prediction(id: string, season: string): WalkForwardPrediction {
  return {
    matchId: id,
    season,
    date: at,
    home: "H",
    away: "A",
    modelCutoff: at,
    madeAt: at,
    modelFingerprint: "f",
    prediction: {
      probs: { home: 0.5, draw: 0.3, away: 0.2 },
      expectedGoals: { home: 1.5, away: 1 },
      mostLikelyScore: { home: 1, away: 1, probability: 0.12 },
      over25: 0.5,
      under25: 0.5,
      bttsYes: 0.5,
      bttsNo: 0.5,
      truncatedMass: 0,
    },
  };
}

describe("summariseBacktest", () => {
  it("summarise - tabulates model vs de-margined market per season and pooled", () => {
    const matches = [
      match("a", "2019/20", 2),
      match("b", "2019/20", 1),
      match("c", "2020/21", 0),
      match("d", "2020/21", undefined),
      match("e", "2020/21", 3, false),
    ];
    const preds = matches.map((m) => prediction(m.id, m.season!));
    const s = summariseBacktest(preds, matches);
    expect(s.seasons.map((r) => [r.season, r.n])).toEqual([
      ["2019/20", 2],
      ["2020/21", 1],
    ]);
    expect(s.pooled.n).toBe(3);
    // Market (0.5, 0.25, 0.25). Home win: model 0.145... (0.25 + 0.04)/2 = 0.145 vs (0.25 + 0.0625)/2.
    const first = s.seasons[0]!;
    const modelHome = ((0.5 - 1) ** 2 + (0.8 - 1) ** 2) / 2;
    const modelDraw = (0.5 ** 2 + (0.8 - 1) ** 2) / 2;
    const marketHome = ((0.5 - 1) ** 2 + (0.75 - 1) ** 2) / 2;
    const marketDraw = (0.5 ** 2 + (0.75 - 1) ** 2) / 2;
    expect(first.rps).toBeCloseTo((modelHome + modelDraw) / 2, 12);
    expect(first.marketRps).toBeCloseTo((marketHome + marketDraw) / 2, 12);
    expect(first.gap).toBeCloseTo(first.rps - first.marketRps, 12);
    for (const key of [
      "n",
      "rps",
      "marketRps",
      "gap",
      "gapSe",
      "logLoss",
      "brier",
      "accuracy",
      "ece",
    ]) {
      expect(s.pooled).toHaveProperty(key);
    }
    expect(JSON.parse(JSON.stringify(s))).toHaveProperty("seasons.0.gapSe");
  });
});
