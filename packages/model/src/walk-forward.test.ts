import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { syntheticLeague } from "./test-support/synthetic-league.js";
import type { MatchRecord } from "./types.js";
import { refitCutoff, seasonOf, walkForward } from "./walk-forward.js";

const DAY = 86_400_000;
const league = syntheticLeague({ seed: 3, teamCount: 8, seasons: 3 });
const from = new Date(league.matches[0]!.date.getTime() + 200 * DAY);
const to = new Date(league.matches.at(-1)!.date.getTime() + DAY);
const options = { from, to, windowDays: 1095, xi: 0.002, ridge: 1 };

/** Scrambles every result kicking off at or after `at`. */
function rewriteFrom(matches: readonly MatchRecord[], at: Date): MatchRecord[] {
  return matches.map((m) =>
    m.date.getTime() >= at.getTime()
      ? { ...m, homeGoals: (m.awayGoals ?? 0) + 3, awayGoals: 0 }
      : m,
  );
}

describe("walkForward", () => {
  it("refitCutoff - weekly refits happen on Monday 00:00 UTC, daily at the day start", () => {
    // 2024-03-09 is a Saturday.
    const sat = new Date("2024-03-09T15:00:00Z");
    expect(refitCutoff(sat, "weekly").toISOString()).toBe("2024-03-04T00:00:00.000Z");
    expect(refitCutoff(new Date("2024-03-04T00:00:00Z"), "weekly").toISOString()).toBe(
      "2024-03-04T00:00:00.000Z",
    );
    expect(refitCutoff(sat, "daily").toISOString()).toBe("2024-03-09T00:00:00.000Z");
    expect(seasonOf(new Date("2024-03-09T00:00:00Z"))).toBe("2023/24");
    expect(seasonOf(new Date("2024-08-09T00:00:00Z"))).toBe("2024/25");
  });

  it("walkForward - predicts every match in range with a model cut off before it", () => {
    const r = walkForward(league.matches, options);
    const expected = league.matches.filter((m) => m.date >= from && m.date < to).length;
    expect(r.predictions.length + r.skipped.length).toBe(expected);
    expect(r.predictions.length).toBe(expected);
    for (const p of r.predictions) {
      expect(p.modelCutoff.getTime()).toBeLessThanOrEqual(p.date.getTime());
      expect(p.madeAt.getTime()).toBeGreaterThanOrEqual(p.modelCutoff.getTime());
      expect(p.madeAt.getTime()).toBeLessThanOrEqual(p.date.getTime());
    }
    expect(r.fits.every((f) => f.converged)).toBe(true);
  });

  it("walkForward - no leakage: rewriting results from a date on leaves earlier-cut predictions unchanged", () => {
    const base = walkForward(league.matches, options);
    const cutoffs = [...new Set(base.predictions.map((p) => p.modelCutoff.getTime()))];
    fc.assert(
      fc.property(fc.integer({ min: 1, max: cutoffs.length - 2 }), (i) => {
        const at = new Date(cutoffs[i]!);
        const changed = walkForward(rewriteFrom(league.matches, at), options);
        const byId = new Map(changed.predictions.map((p) => [p.matchId, p]));
        let compared = 0;
        let differed = 0;
        for (const p of base.predictions) {
          const q = byId.get(p.matchId)!;
          if (p.modelCutoff.getTime() <= at.getTime()) {
            // The model for this match saw only results strictly before its cutoff ≤ at.
            expect(q.prediction).toEqual(p.prediction);
            expect(q.modelFingerprint).toBe(p.modelFingerprint);
            compared++;
          } else if (JSON.stringify(q.prediction) !== JSON.stringify(p.prediction)) {
            differed++;
          }
        }
        expect(compared).toBeGreaterThan(0);
        // The rewrite is visible to later models, so the check above is not vacuous.
        expect(differed).toBeGreaterThan(0);
      }),
      { numRuns: 4 },
    );
  });

  it("walkForward - promoted teams with no history still get a prediction", () => {
    const newcomer: MatchRecord = {
      id: "x",
      date: new Date(to.getTime() - DAY),
      home: "Promoted FC",
      away: league.teams[0]!,
    };
    const r = walkForward([...league.matches, newcomer], options);
    const p = r.predictions.find((q) => q.matchId === "x")!;
    expect(p.prediction.probs.home + p.prediction.probs.draw + p.prediction.probs.away).toBeCloseTo(
      1,
      12,
    );
  });

  it("walkForward - skips matches before any played match instead of crashing", () => {
    const r = walkForward(league.matches, { ...options, from: new Date(0) });
    expect(r.skipped.length).toBe(4); // the first round: nothing precedes it
  });
});
