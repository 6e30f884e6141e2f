import type { DixonColesParams } from "./dixon-coles.js";
import { expectedGoals, tau } from "./dixon-coles.js";

/** Default largest goal count per side kept in the matrix. */
export const DEFAULT_MAX_GOALS = 15;

export type ScorelineMatrix = {
  /** p[h][a] = P(home scores h, away scores a) for 0 ≤ h, a ≤ maxGoals, not renormalised. */
  p: number[][];
  maxGoals: number;
  /** Poisson rates (expected goals) of the home and away side. */
  lambdaHome: number;
  lambdaAway: number;
  /**
   * Probability of the scores left out (either side above `maxGoals`): 1 − Σp. Because the τ
   * correction moves mass only among 0-0, 0-1, 1-0 and 1-1, this equals
   * 1 − P(X ≤ maxGoals)·P(Y ≤ maxGoals) for the two Poisson marginals. With the default 15 goals it
   * is ≈ 2.5e-7 at λ = μ = 3 and ≈ 1e-5 at λ = μ = 4 (league matches rarely exceed λ = 3.5).
   */
  truncatedMass: number;
};

/**
 * The Dixon–Coles scoreline probabilities for one fixture; every market (1X2, totals, both teams
 * to score, the most likely score) is read off this one matrix. Unknown teams count as average.
 * A τ that would be negative for extreme rates is clamped to 0.
 */
export function scorelineMatrix(
  params: DixonColesParams,
  home: string,
  away: string,
  maxGoals: number = DEFAULT_MAX_GOALS,
): ScorelineMatrix {
  const rates = expectedGoals(params, home, away);
  const ph = poissonPmf(rates.home, maxGoals);
  const pa = poissonPmf(rates.away, maxGoals);
  let total = 0;
  const p = ph.map((pHome, h) =>
    pa.map((pAway, a) => {
      const v = pHome * pAway * Math.max(0, tau(h, a, rates.home, rates.away, params.rho));
      total += v;
      return v;
    }),
  );
  return { p, maxGoals, lambdaHome: rates.home, lambdaAway: rates.away, truncatedMass: 1 - total };
}

/** Poisson probabilities P(K = k) for k = 0..max, by the recurrence p(k) = p(k−1)·rate/k. */
export function poissonPmf(rate: number, max: number): number[] {
  const out = new Array<number>(max + 1);
  let p = Math.exp(-rate);
  out[0] = p;
  for (let k = 1; k <= max; k++) {
    p = (p * rate) / k;
    out[k] = p;
  }
  return out;
}
