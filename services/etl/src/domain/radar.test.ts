import { describe, it, expect } from "vitest";
import fc from "fast-check";
import {
  computeRadars,
  percentileRank,
  percentileRanks,
  positionFromFplElementType,
  RADAR_METRICS,
  selectAttributeOverview,
  type AttributeOverview,
  type RadarInput,
} from "./radar.js";
import { mapSeasonStatistics } from "./season-stats.js";

/** Typed columns from a SofaScore-like statistics object (everything else null). */
const columns = (stats: Record<string, number>) => mapSeasonStatistics(stats).columns;

describe("percentileRank (mid-rank)", () => {
  it("matches the hand-computed example", () => {
    // values 10, 20, 20, 30, 40 (n = 5):
    //   10: below 0, equal 1 → (0 + 0.5) / 5 = 10
    //   20: below 1, equal 2 → (1 + 1) / 5 = 40 (both)
    //   30: below 3, equal 1 → (3 + 0.5) / 5 = 70
    //   40: below 4, equal 1 → (4 + 0.5) / 5 = 90
    const values = [30, 10, 20, 40, 20];
    expect(percentileRanks(values)).toEqual([70, 10, 40, 90, 40]);
    expect(values.map((v) => percentileRank(values, v))).toEqual([70, 10, 40, 90, 40]);
  });

  it("gives a lone player 50 and refuses an empty population", () => {
    expect(percentileRanks([3.2])).toEqual([50]);
    expect(() => percentileRank([], 1)).toThrow(/empty/);
  });

  const population = fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 1, maxLength: 60 });

  it("stays strictly within 0–100", () => {
    fc.assert(
      fc.property(population, (values) => {
        for (const p of percentileRanks(values)) {
          expect(p).toBeGreaterThan(0);
          expect(p).toBeLessThan(100);
        }
      }),
    );
  });

  it("gives ties the same percentile and is strictly monotone in the value", () => {
    fc.assert(
      fc.property(population, (values) => {
        const ranks = percentileRanks(values);
        values.forEach((a, i) =>
          values.forEach((b, j) => {
            if (a === b) expect(ranks[i]).toBe(ranks[j]);
            if (a < b) expect(ranks[i] as number).toBeLessThan(ranks[j] as number);
          }),
        );
      }),
    );
  });

  it("agrees between the sorted and the direct computation", () => {
    fc.assert(
      fc.property(population, (values) => {
        const ranks = percentileRanks(values);
        values.forEach((v, i) => expect(ranks[i]).toBeCloseTo(percentileRank(values, v), 10));
      }),
    );
  });

  it("never lowers a player's percentile when only his value rises", () => {
    fc.assert(
      fc.property(population, fc.nat(), fc.integer({ min: 1, max: 30 }), (values, pick, raise) => {
        const i = pick % values.length;
        const before = percentileRanks(values)[i] as number;
        const raised = values.map((v, k) => (k === i ? v + raise : v));
        expect(percentileRanks(raised)[i] as number).toBeGreaterThanOrEqual(before);
      }),
    );
  });
});

describe("computeRadars", () => {
  const fwd = (playerId: number, minutes: number, stats: Record<string, number>): RadarInput => ({
    playerId,
    position: "FWD",
    minutes,
    columns: columns({ minutesPlayed: minutes, ...stats }),
  });

  it("ranks within position above the threshold and lists the others", () => {
    // goals per 90: A 10/900 = 1.0, B 10/1800 = 0.5, C 5/900 = 0.5 → A (2 + ½)/3, B and C (0 + 1)/3.
    const players = [
      fwd(1, 900, { goals: 10 }),
      fwd(2, 1800, { goals: 10 }),
      fwd(3, 900, { goals: 5 }),
      fwd(4, 600, { goals: 9 }),
    ];
    const result = computeRadars(players);
    expect(result.minMinutes).toBe(900);
    expect(result.belowThreshold).toEqual([{ playerId: 4, position: "FWD", minutes: 600 }]);
    const byId = new Map(result.radars.map((r) => [r.playerId, r]));
    expect(byId.get(1)?.metrics.goals_p90?.value).toBe(1);
    expect(byId.get(1)?.metrics.goals_p90?.peers).toBe(3);
    expect(byId.get(1)?.metrics.goals_p90?.percentile).toBeCloseTo(250 / 3, 10);
    expect(byId.get(2)?.metrics.goals_p90?.percentile).toBeCloseTo(100 / 3, 10);
    expect(byId.get(3)?.metrics.goals_p90?.percentile).toBeCloseTo(100 / 3, 10);
    // Only goals are known, so the attacking group is the goals percentile; other groups are null.
    expect(byId.get(1)?.groups.attacking).toBeCloseTo(250 / 3, 10);
    expect(byId.get(1)?.groups.creativity).toBeNull();
  });

  it("ranks 'fewer is better' metrics on the negated value and averages a group's metrics", () => {
    // fouls per 90: A 9/900 = 0.9, B 18/900 = 1.8 → A is better (75), B worse (25).
    // possession lost per 90: A 90/900 = 9, B 45/900 = 4.5 → B better (75), A worse (25).
    const a = fwd(1, 900, { fouls: 9, possessionLost: 90 });
    const b = fwd(2, 900, { fouls: 18, possessionLost: 45 });
    const [ra, rb] = computeRadars([a, b]).radars;
    expect(ra?.metrics.fouls_p90?.percentile).toBe(75);
    expect(rb?.metrics.fouls_p90?.percentile).toBe(25);
    expect(ra?.groups.tactical).toBe(50);
    expect(rb?.groups.tactical).toBe(50);
  });

  it("keeps positions apart and uses keeper metrics for goalkeepers only", () => {
    const gk: RadarInput = {
      playerId: 10,
      position: "GK",
      minutes: 1000,
      columns: columns({ minutesPlayed: 1000, saves: 30, tackles: 5 }),
    };
    const def: RadarInput = {
      playerId: 11,
      position: "DEF",
      minutes: 1000,
      columns: columns({ minutesPlayed: 1000, saves: 0, tackles: 20 }),
    };
    const result = computeRadars([gk, def]);
    const [rgk, rdef] = result.radars;
    expect(rgk?.metrics.saves_p90?.peers).toBe(1);
    expect(rgk?.metrics.tackles_p90).toBeUndefined();
    expect(rdef?.metrics.saves_p90).toBeUndefined();
    expect(rdef?.metrics.tackles_p90?.percentile).toBe(50);
  });

  it("honours a configured threshold", () => {
    const result = computeRadars([fwd(1, 300, { goals: 1 })], { minMinutes: 270 });
    expect(result.radars).toHaveLength(1);
    expect(result.belowThreshold).toEqual([]);
  });

  it("documents every metric in exactly one group", () => {
    const ids = RADAR_METRICS.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const m of RADAR_METRICS) expect(m.description.length).toBeGreaterThan(5);
  });

  it("maps FPL element types to positions", () => {
    expect([1, 2, 3, 4].map(positionFromFplElementType)).toEqual(["GK", "DEF", "MID", "FWD"]);
    expect(() => positionFromFplElementType(5)).toThrow();
  });
});

describe("selectAttributeOverview", () => {
  const overview = (yearShift: number, attacking: number): AttributeOverview => ({
    attacking,
    technical: 50,
    tactical: 50,
    defending: 30,
    creativity: 60,
    position: "F",
    yearShift,
    id: 100 + yearShift,
  });

  it("shows the current season's own overview, with the earlier ones as history", () => {
    const shown = selectAttributeOverview({
      playerAttributeOverviews: [overview(1, 60), overview(0, 71)],
      averageAttributeOverviews: [overview(0, 55)],
    });
    expect(shown.source).toBe("player");
    if (shown.source !== "player") return;
    expect(shown.overview.attacking).toBe(71);
    expect(shown.isAverage).toBe(false);
    expect(shown.history.map((o) => o.yearShift)).toEqual([0, 1]);
  });

  it("falls back to the positional average, flagged, when the player's list is empty", () => {
    const shown = selectAttributeOverview({
      playerAttributeOverviews: [],
      averageAttributeOverviews: [overview(0, 55)],
    });
    expect(shown).toEqual({
      source: "positional-average",
      overview: overview(0, 55),
      isAverage: true,
    });
  });

  it("reports none when both lists are empty", () => {
    expect(
      selectAttributeOverview({ playerAttributeOverviews: [], averageAttributeOverviews: [] }),
    ).toEqual({ source: "none" });
  });
});
