import { describe, expect, it } from "vitest";

import { fitDixonColes } from "./fit-dixon-coles.js";
import { predictMatch } from "./predict-match.js";
import { syntheticLeague } from "./test-support/synthetic-league.js";

describe("fitDixonColes", () => {
  const league = syntheticLeague({ seed: 7, teamCount: 12, seasons: 10, homeAdvantage: 0.3 });
  const cutoff = new Date(Date.UTC(2030, 0, 1));
  const settings = { cutoff, windowDays: 5000, xi: 0, ridge: 0.01 };

  it("fit - converges and recovers the home advantage and team strengths of a synthetic league", () => {
    const fit = fitDixonColes(league.matches, settings);
    expect(fit.converged).toBe(true);
    expect(fit.training.matches).toBe(league.matches.length);
    // 1320 matches: the standard error of the home advantage is about 0.04.
    expect(fit.params.homeAdvantage).toBeGreaterThan(0.2);
    expect(fit.params.homeAdvantage).toBeLessThan(0.4);
    expect(Math.abs(fit.params.rho)).toBeLessThan(0.15); // the truth is independent Poisson
    // Strengths are identified up to a shift the ridge pins near the mean: compare centred values.
    const centred = (v: number[]) => v.map((x) => x - v.reduce((s, y) => s + y, 0) / v.length);
    const truthA = centred(league.truth.attack);
    const fitA = centred(league.teams.map((t) => fit.params.attack[t]!));
    const err = truthA.map((t, i) => Math.abs(t - fitA[i]!));
    expect(Math.max(...err)).toBeLessThan(0.2);
    expect(err.reduce((s, e) => s + e, 0) / err.length).toBeLessThan(0.08);
    expect(fit.logLik).toBeLessThan(0);
    expect(fit.fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  it("fit - same data in another order gives identical parameters and fingerprint", () => {
    const a = fitDixonColes(league.matches, settings);
    const b = fitDixonColes([...league.matches].reverse(), settings);
    expect(b.params).toEqual(a.params);
    expect(b.fingerprint).toBe(a.fingerprint);
    expect(b.logLik).toBe(a.logLik);
  });

  it("fit - a changed result changes the fingerprint", () => {
    const changed = league.matches.map((m, i) =>
      i === 5 ? { ...m, homeGoals: m.homeGoals! + 1 } : m,
    );
    expect(fitDixonColes(changed, settings).fingerprint).not.toBe(
      fitDixonColes(league.matches, settings).fingerprint,
    );
  });

  it("fit - uses only played matches strictly before the cutoff and inside the window", () => {
    const firstDate = league.matches[0]!.date;
    const cut = new Date(firstDate.getTime() + 21 * 86_400_000); // three rounds
    const fit = fitDixonColes(league.matches, { ...settings, cutoff: cut });
    expect(fit.training.matches).toBe(18);
    const windowed = fitDixonColes(league.matches, { ...settings, cutoff: cut, windowDays: 14 });
    expect(windowed.training.matches).toBe(12);
    const unplayed = league.matches.map((m) => ({ ...m, homeGoals: undefined }));
    expect(() => fitDixonColes(unplayed, settings)).toThrow(RangeError);
  });

  it("fit - ridge shrinks strengths toward average and unknown teams predict as average", () => {
    const loose = fitDixonColes(league.matches, { ...settings, ridge: 0.01 });
    const tight = fitDixonColes(league.matches, { ...settings, ridge: 1000 });
    const spread = (p: typeof loose.params) => Math.max(...Object.values(p.attack).map(Math.abs));
    expect(spread(tight.params)).toBeLessThan(spread(loose.params) / 2);
    const p = predictMatch(loose.params, "Promoted FC", "Another Newcomer");
    expect(p.expectedGoals.home).toBeCloseTo(
      Math.exp(loose.params.intercept + loose.params.homeAdvantage),
      12,
    );
    expect(p.probs.home + p.probs.draw + p.probs.away).toBeCloseTo(1, 12);
  });

  it("fit - a warm start reaches the same optimum in fewer iterations", () => {
    const cold = fitDixonColes(league.matches, settings);
    const warm = fitDixonColes(league.matches, { ...settings, init: cold.params });
    expect(warm.iterations).toBeLessThan(cold.iterations);
    for (const t of league.teams)
      expect(warm.params.attack[t]).toBeCloseTo(cold.params.attack[t]!, 4);
  });
});
