import fc from "fast-check";
import { describe, expect, it } from "vitest";

import type { DixonColesParams } from "./dixon-coles.js";
import { expectedGoals, scoreLogLikelihood, tau } from "./dixon-coles.js";
import { createObjective, packParameters, parameterLayout } from "./dixon-coles-objective.js";
import { buildTrainingSet } from "./fit-dixon-coles.js";
import type { PlayedMatch } from "./types.js";

const params: DixonColesParams = {
  teams: ["A", "B"],
  attack: { A: 0.2, B: -0.1 },
  defence: { A: 0.1, B: 0 },
  intercept: 0.1,
  homeAdvantage: 0.3,
  rho: -0.1,
};

const day = (d: number) => new Date(Date.UTC(2024, 0, d));
const rows: PlayedMatch[] = [
  { id: "1", date: day(1), home: "A", away: "B", homeGoals: 1, awayGoals: 0 },
  { id: "2", date: day(8), home: "B", away: "A", homeGoals: 0, awayGoals: 0 },
  { id: "3", date: day(15), home: "A", away: "B", homeGoals: 2, awayGoals: 1 },
  { id: "4", date: day(22), home: "B", away: "A", homeGoals: 1, awayGoals: 1 },
  { id: "5", date: day(29), home: "A", away: "B", homeGoals: 0, awayGoals: 1 },
];

describe("Dixon–Coles likelihood", () => {
  it("likelihood - matches a hand computation for A 1-0 B", () => {
    // λ = exp(0.1 + 0.3 + 0.2 − 0) = e^0.6, μ = exp(0.1 − 0.1 − 0.1) = e^−0.1, τ(1,0) = 1 + μρ.
    const lambda = Math.exp(0.6);
    const mu = Math.exp(-0.1);
    expect(expectedGoals(params, "A", "B").home).toBeCloseTo(1.8221188003905089, 12);
    expect(expectedGoals(params, "A", "B").away).toBeCloseTo(0.9048374180359595, 12);
    const t = 1 - 0.1 * mu;
    const expected = Math.log(t) + (Math.log(lambda) - lambda) + -mu; // log 1! = log 0! = 0
    expect(scoreLogLikelihood(params, "A", "B", 1, 0)).toBeCloseTo(expected, 12);
    // Independently in 40-digit decimal arithmetic: ln(1 − 0.1·e^−0.1) + 0.6 − e^0.6 − e^−0.1.
    expect(expected).toBeCloseTo(-2.2217986236383448, 12);
  });

  it("likelihood - τ adjusts exactly the four low scores", () => {
    expect(tau(0, 0, 2, 1, -0.1)).toBeCloseTo(1.2, 12);
    expect(tau(0, 1, 2, 1, -0.1)).toBeCloseTo(0.8, 12);
    expect(tau(1, 0, 2, 1, -0.1)).toBeCloseTo(0.9, 12);
    expect(tau(1, 1, 2, 1, -0.1)).toBeCloseTo(1.1, 12);
    expect(tau(2, 1, 2, 1, -0.1)).toBe(1);
  });

  it("objective - equals −Σ w·loglik + ridge·Σ strengths², up to the dropped log y! terms", () => {
    const cutoff = day(30);
    const xi = 0.01;
    const ridge = 0.7;
    const data = buildTrainingSet(rows, cutoff, { xi, shotsWeight: 0 });
    const x = packParameters(data.teams, params, params);
    const f = createObjective(data, ridge)(x, new Float64Array(x.length));
    let expected = 0;
    for (const m of rows) {
      const w = Math.exp((-xi * (cutoff.getTime() - m.date.getTime())) / 86_400_000);
      const logFact = Math.log([1, 1, 2][m.homeGoals]!) + Math.log([1, 1, 2][m.awayGoals]!);
      expected -=
        w * (scoreLogLikelihood(params, m.home, m.away, m.homeGoals, m.awayGoals) + logFact);
    }
    expected += ridge * (0.2 ** 2 + 0.1 ** 2 + 0.1 ** 2 + 0 ** 2);
    expect(f).toBeCloseTo(expected, 10);
  });

  it("objective - is infinite where τ ≤ 0", () => {
    const data = buildTrainingSet(rows, day(30), { xi: 0, shotsWeight: 0 });
    const x = packParameters(data.teams, { ...params, rho: 1.5 }, { ...params, rho: 1.5 });
    expect(createObjective(data, 0)(x, new Float64Array(x.length))).toBe(Number.POSITIVE_INFINITY);
  });

  it("gradient - agrees with central finite differences (property)", () => {
    const data = buildTrainingSet(rows, day(30), { xi: 0.005, shotsWeight: 0 });
    const layout = parameterLayout(data.teams.length);
    const objective = createObjective(data, 0.5);
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -0.5, max: 0.5, noNaN: true }), {
          minLength: layout.size,
          maxLength: layout.size,
        }),
        fc.double({ min: -0.15, max: 0.15, noNaN: true }),
        (values, rho) => {
          const x = Float64Array.from(values);
          x[layout.rho] = rho;
          const g = new Float64Array(x.length);
          objective(x, g);
          const h = 1e-6;
          const scratch = new Float64Array(x.length);
          for (let i = 0; i < x.length; i++) {
            const xp = Float64Array.from(x);
            const xm = Float64Array.from(x);
            xp[i] = xp[i]! + h;
            xm[i] = xm[i]! - h;
            const numeric = (objective(xp, scratch) - objective(xm, scratch)) / (2 * h);
            expect(Math.abs(g[i]! - numeric)).toBeLessThan(1e-6 * Math.max(1, Math.abs(numeric)));
          }
        },
      ),
      { numRuns: 50 },
    );
  });

  it("gradient - also agrees when the targets blend in shots on target", () => {
    const withShots = rows.map((m, i) => ({
      ...m,
      homeShotsOnTarget: 3 + i,
      awayShotsOnTarget: 5 - i,
    }));
    const data = buildTrainingSet(withShots, day(30), { xi: 0.005, shotsWeight: 0.4 });
    expect(data.homeTarget[0]).not.toBe(rows[0]!.homeGoals);
    const objective = createObjective(data, 0.5);
    const x = packParameters(data.teams, params, params);
    const g = new Float64Array(x.length);
    objective(x, g);
    const scratch = new Float64Array(x.length);
    for (let i = 0; i < x.length; i++) {
      const xp = Float64Array.from(x);
      const xm = Float64Array.from(x);
      xp[i] = xp[i]! + 1e-6;
      xm[i] = xm[i]! - 1e-6;
      const numeric = (objective(xp, scratch) - objective(xm, scratch)) / 2e-6;
      expect(g[i]!).toBeCloseTo(numeric, 6);
    }
  });
});
