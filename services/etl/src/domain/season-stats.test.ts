import { describe, it, expect } from "vitest";
import {
  buildSeasonStatsRecord,
  fplSeasonTotals,
  mapSeasonStatistics,
  per90,
  SEASON_STAT_COLUMNS,
  seasonPer90,
} from "./season-stats.js";

/** The example response of ../shared/data/README.md §3 (statistics/overall). */
const README_EXAMPLE = {
  rating: 6.9,
  totalRating: 34.5,
  countRating: 5,
  minutesPlayed: 327,
  appearances: 5,
  matchesStarted: 4,
  goals: 0,
  assists: 0,
  expectedGoals: 0.1684,
  expectedAssists: 0.1456,
  bigChancesCreated: 0,
  bigChancesMissed: 0,
  totalShots: 4,
  shotsOnTarget: 1,
  accuratePasses: 127,
  totalPasses: 143,
  accuratePassesPercentage: 88.81,
  keyPasses: 2,
  accurateLongBalls: 1,
  accurateLongBallsPercentage: 25,
  tackles: 10,
  interceptions: 3,
  clearances: 7,
  totalDuelsWon: 18,
  totalDuelsWonPercentage: 47.37,
  aerialDuelsWon: 3,
  groundDuelsWon: 15,
  yellowCards: 1,
  redCards: 0,
  fouls: 5,
  wasFouled: 3,
  saves: 0,
  cleanSheet: 1,
  goalsConceded: 2,
  id: 1595217,
  type: "overall",
};

describe("the mapping table", () => {
  it("maps each JSON key to one unique snake_case column", () => {
    const keys = SEASON_STAT_COLUMNS.map((c) => c.key);
    const cols = SEASON_STAT_COLUMNS.map((c) => c.column);
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(cols).size).toBe(cols.length);
    for (const c of cols) expect(c).toMatch(/^[a-z][a-z0-9_]*$/);
  });

  it("does not compute per-90 rates of percentages or ratings", () => {
    for (const c of SEASON_STAT_COLUMNS) {
      if (c.unit === "percent" || c.unit === "rating" || c.unit === "minutes")
        expect(c.per90).toBe(false);
    }
  });

  it("types every key of the README example", () => {
    const mapped = mapSeasonStatistics(README_EXAMPLE);
    expect(mapped.unmappedKeys).toEqual([]);
    expect(mapped.invalid).toEqual([]);
    expect(mapped.columns).toMatchObject({
      rating: 6.9,
      total_rating: 34.5,
      minutes_played: 327,
      expected_goals: 0.1684,
      accurate_passes_percentage: 88.81,
      total_duels_won_percentage: 47.37,
      clean_sheets: 1,
      goals_conceded: 2,
    });
    // Not in the example: null (not reported), not 0.
    expect(mapped.columns.successful_dribbles).toBeNull();
  });

  it("reports unknown keys and values of the wrong kind", () => {
    const mapped = mapSeasonStatistics({
      goals: 2.5,
      tackles: "7",
      minutesPlayed: 90,
      penaltyWon: 1,
      hitWoodwork: 2,
    });
    expect(mapped.columns.goals).toBeNull();
    expect(mapped.columns.tackles).toBeNull();
    expect(mapped.columns.minutes_played).toBe(90);
    expect(mapped.invalid).toEqual([
      { key: "goals", value: 2.5 },
      { key: "tackles", value: "7" },
    ]);
    expect(mapped.unmappedKeys).toEqual(["hitWoodwork", "penaltyWon"]);
  });
});

describe("per-90 rates", () => {
  it("computes value / minutes × 90 and null without minutes", () => {
    expect(per90(3, 270)).toBe(1);
    expect(per90(1, 45)).toBe(2);
    expect(per90(4, 0)).toBeNull();
    expect(per90(null, 90)).toBeNull();
  });

  it("covers the per90 columns of a mapped record", () => {
    const rates = seasonPer90(mapSeasonStatistics(README_EXAMPLE).columns);
    expect(rates.tackles).toBeCloseTo((10 / 327) * 90, 12);
    expect(rates.expected_goals).toBeCloseTo((0.1684 / 327) * 90, 12);
    expect(rates).not.toHaveProperty("accurate_passes_percentage");
  });
});

describe("season records", () => {
  const history = [
    { minutes: 90, goals_scored: 1, assists: 0, total_points: 8 },
    { minutes: 0, goals_scored: 0, assists: 0, total_points: 0 },
    { minutes: 45, goals_scored: 0, assists: 1, total_points: 4 },
  ];

  it("sums FPL history into totals", () => {
    expect(fplSeasonTotals(history)).toEqual({
      appearances: 2,
      minutes: 135,
      goals: 1,
      assists: 1,
      points: 12,
    });
  });

  it("records a player with no league minutes as no-data, not an error", () => {
    const none = fplSeasonTotals([{ minutes: 0, goals_scored: 0, assists: 0, total_points: 0 }]);
    expect(buildSeasonStatsRecord(none, undefined)).toEqual({
      status: "no-data",
      reason: "no-league-minutes",
      fpl: none,
    });
    expect(buildSeasonStatsRecord(none, { minutesPlayed: 0, appearances: 0 }).status).toBe(
      "no-data",
    );
  });

  it("keeps the raw JSON beside the typed columns and the per-90 rates", () => {
    const record = buildSeasonStatsRecord(fplSeasonTotals(history), README_EXAMPLE);
    expect(record.status).toBe("ok");
    if (record.status !== "ok") return;
    expect(record.fplPer90.points).toBeCloseTo(8, 12); // 12 points in 135 minutes
    expect(record.sofascore?.raw).toEqual(README_EXAMPLE);
    expect(record.sofascore?.columns.minutes_played).toBe(327);
    expect(record.sofascore?.per90.goals).toBe(0);
  });

  it("keeps FPL data when SofaScore has nothing (404)", () => {
    const record = buildSeasonStatsRecord(fplSeasonTotals(history), undefined);
    expect(record).toMatchObject({ status: "ok", sofascore: null });
  });
});
