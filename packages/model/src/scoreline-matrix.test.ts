import fc from "fast-check";
import { describe, expect, it } from "vitest";

import type { DixonColesParams } from "./dixon-coles.js";
import { predictMatch } from "./predict-match.js";
import { poissonPmf, scorelineMatrix } from "./scoreline-matrix.js";

function paramsFor(lambda: number, mu: number, rho: number): DixonColesParams {
  // Home team H (attack), away team A: λ = exp(log μ + home), μ = exp(intercept).
  return {
    teams: ["A", "H"],
    attack: { H: 0, A: 0 },
    defence: { H: 0, A: 0 },
    intercept: Math.log(mu),
    homeAdvantage: Math.log(lambda / mu),
    rho,
  };
}

const cdf = (rate: number, max: number) => poissonPmf(rate, max).reduce((s, p) => s + p, 0);

describe("scorelineMatrix", () => {
  it("matrix - corrects only the four low scores, by hand", () => {
    const m = scorelineMatrix(paramsFor(1.5, 1.2, -0.1), "H", "A", 10);
    const base = Math.exp(-2.7);
    expect(m.p[0]![0]).toBeCloseTo(base * (1 + 1.5 * 1.2 * 0.1), 14);
    expect(m.p[1]![0]).toBeCloseTo(base * 1.5 * (1 - 1.2 * 0.1), 14);
    expect(m.p[0]![1]).toBeCloseTo(base * 1.2 * (1 - 1.5 * 0.1), 14);
    expect(m.p[1]![1]).toBeCloseTo(base * 1.5 * 1.2 * 1.1, 14);
    expect(m.p[2]![1]).toBeCloseTo(base * (1.5 ** 2 / 2) * 1.2, 14);
  });

  it("matrix - sums to 1 minus the documented truncated mass (property)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.2, max: 4, noNaN: true }),
        fc.double({ min: 0.2, max: 4, noNaN: true }),
        fc.double({ min: -0.2, max: 0.1, noNaN: true }),
        fc.integer({ min: 4, max: 15 }),
        (lambda, mu, rho, maxGoals) => {
          fc.pre(1 - lambda * mu * rho > 0); // inside the model's domain (no τ clamped to 0)
          const m = scorelineMatrix(paramsFor(lambda, mu, rho), "H", "A", maxGoals);
          const sum = m.p.flat().reduce((s, v) => s + v, 0);
          expect(sum + m.truncatedMass).toBeCloseTo(1, 11);
          expect(m.truncatedMass).toBeCloseTo(1 - cdf(lambda, maxGoals) * cdf(mu, maxGoals), 11);
        },
      ),
    );
    // The documented figures for the default 15 goals.
    expect(scorelineMatrix(paramsFor(3, 3, -0.1), "H", "A").truncatedMass).toBeLessThan(3e-7);
    expect(scorelineMatrix(paramsFor(4, 4, -0.1), "H", "A").truncatedMass).toBeLessThan(1.1e-5);
  });
});

describe("predictMatch", () => {
  it("predict - every market comes from the one matrix and sums to 1", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.2, max: 4, noNaN: true }),
        fc.double({ min: 0.2, max: 4, noNaN: true }),
        fc.double({ min: -0.2, max: 0.1, noNaN: true }),
        (lambda, mu, rho) => {
          const p = predictMatch(paramsFor(lambda, mu, rho), "H", "A");
          expect(p.probs.home + p.probs.draw + p.probs.away).toBeCloseTo(1, 12);
          expect(p.over25 + p.under25).toBeCloseTo(1, 12);
          expect(p.bttsYes + p.bttsNo).toBeCloseTo(1, 12);
          expect(p.expectedGoals.home).toBeCloseTo(lambda, 10);
          expect(p.expectedGoals.away).toBeCloseTo(mu, 10);
          expect(p.mostLikelyScore.probability).toBeGreaterThan(0);
        },
      ),
    );
  });

  it("predict - with ρ = 0 the markets are those of two independent Poissons", () => {
    const p = predictMatch(paramsFor(1.6, 1.1, 0), "H", "A", 15);
    const ph = poissonPmf(1.6, 15);
    const pa = poissonPmf(1.1, 15);
    const under =
      ph[0]! * (pa[0]! + pa[1]! + pa[2]!) + ph[1]! * (pa[0]! + pa[1]!) + ph[2]! * pa[0]!;
    expect(p.under25).toBeCloseTo(under, 6);
    expect(p.bttsYes).toBeCloseTo((1 - ph[0]!) * (1 - pa[0]!), 6);
    expect(p.mostLikelyScore).toMatchObject({ home: 1, away: 1 });
  });

  it("predict - a stronger home side is favoured (home/away not swapped)", () => {
    const p = predictMatch(paramsFor(2.2, 0.7, -0.05), "H", "A");
    expect(p.probs.home).toBeGreaterThan(p.probs.away);
    const q = predictMatch(paramsFor(0.7, 2.2, -0.05), "H", "A");
    expect(q.probs.away).toBeGreaterThan(q.probs.home);
  });
});
