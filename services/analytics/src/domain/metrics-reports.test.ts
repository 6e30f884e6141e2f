import { describe, expect, it } from "vitest";
import type { ScoredPrediction } from "@matchday/shared";
import { buildMetricsReports } from "./metrics-reports.js";

const NOW = new Date("2024-04-10T00:00:00Z");
const DAY = 86_400_000;
let nextId = 1;
function scored(
  league: string,
  version: number,
  season: string,
  daysAgo: number,
  probs = { home: 0.5, draw: 0.3, away: 0.2 },
): ScoredPrediction {
  const id = nextId++;
  const kickoff = new Date(NOW.getTime() - daysAgo * DAY);
  return {
    predictionId: id,
    matchId: id,
    modelVersionId: version,
    league,
    season,
    kickoff,
    madeAt: new Date(kickoff.getTime() - DAY),
    probs,
    outcome: "home",
    hit: true,
    // A home win: RPS = ((pHome − 1)² + (pHome + pDraw − 1)²) / 2.
    rps: ((probs.home - 1) ** 2 + (probs.home + probs.draw - 1) ** 2) / 2,
    logLoss: Math.LN2,
    brier: 0.38,
    oddsAtPrediction: null,
  };
}

describe("buildMetricsReports", () => {
  it("metrics-reports - groups by league, model version and window; empty windows give no report", () => {
    const rows = [
      scored("E0", 1, "2324", 10), // RPS 0.145
      scored("E0", 1, "2324", 40, { home: 0.2, draw: 0.3, away: 0.5 }), // RPS 0.445
      scored("E0", 2, "2223", 300),
      scored("SP1", 5, "2324", 1),
    ];
    const reports = buildMetricsReports(rows, new Map(), {
      now: NOW,
      marginMethod: "proportional",
      valueBetThreshold: 0.05,
    });
    expect(
      reports.map((r) => [
        r.league,
        r.modelVersionId,
        r.window,
        r.matchIds.length,
        r.season ?? null,
      ]),
    ).toEqual([
      ["E0", 1, "last_30_days", 1, null],
      ["E0", 1, "season", 2, "2324"],
      ["E0", 1, "all_time", 2, null],
      ["E0", 2, "all_time", 1, null],
      ["SP1", 5, "last_30_days", 1, null],
      ["SP1", 5, "season", 1, "2324"],
      ["SP1", 5, "all_time", 1, null],
    ]);
    // No match has odds: the market set is empty, its means are NaN, and no bet is possible.
    expect(reports[0]!.metrics.market.n).toBe(0);
    // Each window's means are over its own matches only: the last 30 days hold one, the season two.
    expect(reports[0]!.metrics.model.rps).toBeCloseTo(0.145, 12);
    expect(reports[1]!.metrics.model.rps).toBeCloseTo(0.295, 12);
    expect(reports[0]!.valueBets).toMatchObject({ staked: 0, skipped: 1 });
  });
});
