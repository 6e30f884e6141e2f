import { describe, it, expect } from "vitest";
import fc from "fast-check";
import {
  DEFAULT_QUALIFY_RULE,
  QualifyReason,
  QualifyRule,
  qualifyForHeatmap,
  type LineupAppearance,
} from "./qualify.js";

const sub = (statistics: LineupAppearance["statistics"]): LineupAppearance => ({
  substitute: true,
  statistics,
});

describe("qualifyForHeatmap (default: the old system's rule)", () => {
  it("qualifies on each criterion alone and says why", () => {
    expect(qualifyForHeatmap(sub({ minutesPlayed: 60 }), 0)).toEqual({
      qualifies: true,
      reasons: ["minutes"],
    });
    expect(qualifyForHeatmap(sub({ minutesPlayed: 20, rating: 7.0 }), 0).reasons).toEqual([
      "rating",
    ]);
    expect(qualifyForHeatmap(sub({ minutesPlayed: 20, goals: 1 }), 0).reasons).toEqual([
      "goal_involvement",
    ]);
    expect(qualifyForHeatmap(sub({ minutesPlayed: 20, goalAssist: 1 }), 0).reasons).toEqual([
      "goal_involvement",
    ]);
    expect(qualifyForHeatmap(sub({ minutesPlayed: 20 }), 30).reasons).toEqual([
      "fpl_season_points",
    ]);
    expect(
      qualifyForHeatmap({ substitute: false, statistics: { minutesPlayed: 20 } }, 0).reasons,
    ).toEqual(["started"]);
  });

  it("lists every reason that holds", () => {
    const starter: LineupAppearance = {
      substitute: false,
      statistics: { minutesPlayed: 90, rating: 8.1, goals: 2, goalAssist: 0 },
    };
    expect(qualifyForHeatmap(starter, 45).reasons).toEqual([
      QualifyReason.Minutes,
      QualifyReason.Rating,
      QualifyReason.GoalInvolvement,
      QualifyReason.FplSeasonPoints,
      QualifyReason.Started,
    ]);
  });

  it("rejects a short, quiet cameo just under every threshold", () => {
    expect(
      qualifyForHeatmap(sub({ minutesPlayed: 59, rating: 6.9, goals: 0, goalAssist: 0 }), 29),
    ).toEqual({
      qualifies: false,
      reasons: [],
    });
  });

  it("never qualifies a player without minutes (unused substitute, missing rating, unmapped)", () => {
    expect(qualifyForHeatmap(sub({}), 200).qualifies).toBe(false);
    expect(qualifyForHeatmap({ substitute: false, statistics: {} }, undefined).qualifies).toBe(
      false,
    );
    expect(qualifyForHeatmap(sub({ minutesPlayed: 5 }), undefined).qualifies).toBe(false);
  });
});

describe("configured rules", () => {
  it("parses partial configuration onto the defaults", () => {
    expect(QualifyRule.parse({ mode: "any-of" })).toEqual(DEFAULT_QUALIFY_RULE);
    const rule = QualifyRule.parse({
      mode: "any-of",
      minMinutes: 45,
      starters: false,
      minFplSeasonPoints: null,
    });
    expect(
      qualifyForHeatmap({ substitute: false, statistics: { minutesPlayed: 45 } }, 100, rule)
        .reasons,
    ).toEqual(["minutes"]);
    expect(
      qualifyForHeatmap({ substitute: false, statistics: { minutesPlayed: 30 } }, 100, rule)
        .qualifies,
    ).toBe(false);
    expect(() => QualifyRule.parse({ mode: "sometimes" })).toThrow();
  });

  it("'everyone-who-played' takes exactly the appearances with minutes", () => {
    const rule = QualifyRule.parse({ mode: "everyone-who-played" });
    fc.assert(
      fc.property(
        fc.option(fc.integer({ min: 0, max: 120 }), { nil: undefined }),
        fc.boolean(),
        (minutes, substitute) => {
          const decision = qualifyForHeatmap(
            { substitute, statistics: { minutesPlayed: minutes } },
            0,
            rule,
          );
          expect(decision.qualifies).toBe((minutes ?? 0) > 0);
          expect(decision.reasons).toEqual(decision.qualifies ? ["played"] : []);
        },
      ),
    );
  });

  it("the default rule is a subset of everyone-who-played", () => {
    const everyone = QualifyRule.parse({ mode: "everyone-who-played" });
    fc.assert(
      fc.property(
        fc.record({
          minutesPlayed: fc.option(fc.integer({ min: 0, max: 120 }), { nil: undefined }),
          rating: fc.option(fc.double({ min: 3, max: 10, noNaN: true }), { nil: undefined }),
          goals: fc.option(fc.nat(3), { nil: undefined }),
          goalAssist: fc.option(fc.nat(3), { nil: undefined }),
        }),
        fc.boolean(),
        fc.option(fc.nat(300), { nil: undefined }),
        (statistics, substitute, points) => {
          const app = { substitute, statistics };
          if (qualifyForHeatmap(app, points).qualifies)
            expect(qualifyForHeatmap(app, points, everyone).qualifies).toBe(true);
        },
      ),
    );
  });
});
