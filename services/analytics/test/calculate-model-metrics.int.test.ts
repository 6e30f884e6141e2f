import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asc } from "drizzle-orm";
import { modelMetrics, predictions, validations } from "@matchday/shared";
import { createTestDatabase, type TestDatabase } from "@matchday/shared/testing";
import { handleCalculateModelMetrics } from "../src/tasks/calculate-model-metrics.js";
// Shared seeding helper (see its header for why it lives under the ml service's tests).
import { seedLeague, testContext, type SeedMatch } from "@matchday/shared/testing";

const NOW = new Date("2024-04-10T07:00:00Z");
const day = (d: number) => new Date(NOW.getTime() - d * 86_400_000);
let tdb: TestDatabase;
const db = () => tdb.database.db;

type Case = SeedMatch & {
  version: number;
  season: string;
  probs: [number, number, number];
  outcome: "home" | "draw" | "away";
  oddsAtPrediction?: { home: number; draw: number; away: number };
};

/**
 * Four matches of model version 7 in the last 30 days, one of version 8 two months ago (season
 * 2223). Numbers worked by hand in the test below.
 */
const CASES: Case[] = [
  // market 2/4/4 → (0.5, 0.25, 0.25); home wins
  {
    home: "A",
    away: "B",
    kickoff: day(20),
    homeGoals: 2,
    awayGoals: 0,
    version: 7,
    season: "2324",
    probs: [0.5, 0.3, 0.2],
    outcome: "home",
    pinnacleClosing: { home: 2, draw: 4, away: 4 },
    oddsAtPrediction: { home: 2.2, draw: 3.4, away: 3.5 },
  },
  // market 4/4/2 → (0.25, 0.25, 0.5); away wins
  {
    home: "C",
    away: "D",
    kickoff: day(15),
    homeGoals: 0,
    awayGoals: 1,
    version: 7,
    season: "2324",
    probs: [0.2, 0.3, 0.5],
    outcome: "away",
    averageClosing: { home: 4, draw: 4, away: 2 },
    oddsAtPrediction: { home: 4.5, draw: 3.4, away: 2 },
  },
  // no odds at all; away wins
  {
    home: "E",
    away: "F",
    kickoff: day(10),
    homeGoals: 1,
    awayGoals: 3,
    version: 7,
    season: "2324",
    probs: [0.6, 0.2, 0.2],
    outcome: "away",
  },
  // market 1.9/3.8/3.8 (5.3 % margin) → proportional (0.5, 0.25, 0.25); draw
  {
    home: "B",
    away: "A",
    kickoff: day(5),
    homeGoals: 1,
    awayGoals: 1,
    version: 7,
    season: "2324",
    probs: [0.4, 0.3, 0.3],
    outcome: "draw",
    pinnacleClosing: { home: 1.9, draw: 3.8, away: 3.8 },
    oddsAtPrediction: { home: 2, draw: 3.6, away: 3.6 },
  },
  {
    home: "D",
    away: "C",
    kickoff: day(60),
    homeGoals: 1,
    awayGoals: 0,
    version: 8,
    season: "2223",
    probs: [0.5, 0.25, 0.25],
    outcome: "home",
  },
];

beforeAll(async () => {
  tdb = await createTestDatabase();
  for (const c of CASES) {
    const [matchId] = (await seedLeague(db(), { league: "A0", season: c.season, matches: [c] }))
      .matchIds;
    const [p] = await db()
      .insert(predictions)
      .values({
        modelVersionId: c.version,
        matchId: matchId!,
        league: "A0",
        season: c.season,
        kickoff: c.kickoff,
        madeAt: new Date(c.kickoff.getTime() - 86_400_000),
        pHome: c.probs[0],
        pDraw: c.probs[1],
        pAway: c.probs[2],
        xgHome: 1.4,
        xgAway: 1.1,
        likelyHomeGoals: 1,
        likelyAwayGoals: 1,
        likelyScoreProbability: 0.12,
        over25: 0.5,
        under25: 0.5,
        bttsYes: 0.5,
        bttsNo: 0.5,
        oddsAtPrediction: c.oddsAtPrediction
          ? { bookmaker: "pinnacle", ...c.oddsAtPrediction }
          : null,
      })
      .returning();
    // The scores stored by validation are not what analytics reads (it recomputes from the probabilities).
    await db().insert(validations).values({
      matchId: matchId!,
      predictionId: p!.id,
      homeGoals: c.homeGoals!,
      awayGoals: c.awayGoals!,
      outcome: c.outcome,
      hit: false,
      rps: 0,
      logLoss: 0,
      brier: 0,
      validatedAt: NOW,
    });
  }
});

afterAll(async () => {
  await tdb?.cleanup();
});

describe("calculate_model_metrics", () => {
  it("calculate_model_metrics - per league, version and window: model and market scores, paired gap and value bets match hand-worked numbers", async () => {
    const out = await handleCalculateModelMetrics({}, testContext(NOW), {
      db: db(),
      marginMethod: "proportional",
      valueBetThreshold: 0.05,
    });
    expect(out).toEqual({ reports: 4, matches: 5 });
    const rows = await db()
      .select()
      .from(modelMetrics)
      .orderBy(asc(modelMetrics.modelVersionId), asc(modelMetrics.window));
    expect(rows.map((r) => [r.modelVersionId, r.window, r.n, r.marketN])).toEqual([
      [7, "last_30_days", 4, 3],
      [7, "season", 4, 3],
      [7, "all_time", 4, 3],
      // version 8: its one match is older than 30 days and of an earlier season
      [8, "all_time", 1, 0],
    ]);
    const r = rows[2]!;
    expect(r.computedAt).toEqual(NOW);
    // Model RPS per match: 0.145, 0.145, ((0.6)² + (0.8)²)/2 = 0.5, ((0.4)² + (0.3)²)/2 = 0.125 → mean 0.22875.
    expect(r.rps).toBeCloseTo(0.22875, 12);
    // Favourite won in matches 1 and 2 only.
    expect(r.accuracy).toBe(0.5);
    // Brier 0.38, 0.38, 1.04, 0.74 → 0.635; log loss −(ln .5 + ln .5 + ln .2 + ln .3)/4.
    expect(r.brier).toBeCloseTo(0.635, 12);
    expect(r.logLoss).toBeCloseTo(-(2 * Math.log(0.5) + Math.log(0.2) + Math.log(0.3)) / 4, 12);
    // Market on matches 1, 2, 4: RPS 0.15625 each; per-match model − market: −0.01125, −0.01125, −0.03125.
    expect(r.marketRps).toBeCloseTo(0.15625, 12);
    expect(r.rpsGap).toBeCloseTo(-0.05375 / 3, 12);
    // SE: deviations (1/150, 1/150, −2/150), sample variance (6/150²)/2, /3 → SE = 1/150.
    expect(r.rpsGapSe).toBeCloseTo(1 / 150, 12);
    expect(r.ece).toBeGreaterThan(0);
    const details = r.details as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(details.marketSources).toEqual({ "pinnacle-closing": 2, "average-closing": 1 });
    expect(details.modelOnMarketRows.rps).toBeCloseTo((0.145 + 0.145 + 0.125) / 3, 12);
    expect(details.model.calibration.byOutcome.home.bins).toHaveLength(10);
    expect(details.model.calibration.byOutcome.draw.bins[3]).toMatchObject({
      count: 3,
      meanPredicted: 0.3,
    });
    // Value bets at 5 %: match 1 home (0.5·2.2 = 1.10, won +1.2), match 4 draw and away (0.3·3.6 = 1.08:
    // +2.6 and −1); match 2 offers nothing above 5 %; match 3 had no odds when predicted.
    expect(details.valueBets).toEqual({
      threshold: 0.05,
      staked: 3,
      profit: expect.closeTo(2.8, 12),
      roi: expect.closeTo(2.8 / 3, 12),
      roiSe: expect.any(Number),
      skipped: 1,
    });
    expect(details.matchIds).toHaveLength(4);
    // Undefined numbers are null, not NaN: version 8 has no market rows.
    expect(rows[3]).toMatchObject({ marketRps: null, rpsGap: null, rpsGapSe: null });
  });

  it("calculate_model_metrics - Shin's method takes the margin off the 5.3 % book differently; a repeat at the same instant rewrites, not duplicates", async () => {
    await handleCalculateModelMetrics({}, testContext(NOW), {
      db: db(),
      marginMethod: "shin",
      valueBetThreshold: 0.05,
    });
    const rows = await db()
      .select()
      .from(modelMetrics)
      .orderBy(asc(modelMetrics.modelVersionId), asc(modelMetrics.window));
    expect(rows).toHaveLength(4);
    // Matches 1 and 2 carry no margin (same probabilities); match 4's market moves, so the gap does.
    expect(rows[2]!.rpsGap).not.toBeCloseTo(-0.05375 / 3, 6);
    expect(rows[2]!.rps).toBeCloseTo(0.22875, 12);
  });
});
