import type { Odds1x2, Probs1x2 } from "./types.js";

/** How the bookmaker margin is taken out of decimal odds. */
export const MarginMethod = { Proportional: "proportional", Shin: "shin" } as const;
export type MarginMethod = (typeof MarginMethod)[keyof typeof MarginMethod];

/**
 * Implied probabilities without the bookmaker margin, summing to 1.
 * - "proportional": π_k / Σπ with π_k = 1/odds_k (the default; what the metrics use).
 * - "shin": Shin's (1993) insider-trading model, which takes more margin off long shots:
 *   p_k = (√(z² + 4(1 − z)·π_k²/Σπ) − z) / (2(1 − z)), with z ∈ [0, 1) found by bisection so that
 *   Σp = 1. Falls back to proportional when the odds carry no margin (Σπ ≤ 1).
 * Throws a RangeError for odds that are not finite numbers > 1.
 */
export function removeMargin(odds: Odds1x2, method: MarginMethod = "proportional"): Probs1x2 {
  for (const o of [odds.home, odds.draw, odds.away]) {
    if (!(Number.isFinite(o) && o > 1)) throw new RangeError(`invalid decimal odds ${o}`);
  }
  const pi = [1 / odds.home, 1 / odds.draw, 1 / odds.away];
  const booksum = pi[0]! + pi[1]! + pi[2]!;
  if (method === "proportional" || booksum <= 1) {
    return { home: pi[0]! / booksum, draw: pi[1]! / booksum, away: pi[2]! / booksum };
  }
  const shin = (z: number) =>
    pi.map((p) => (Math.sqrt(z * z + (4 * (1 - z) * p * p) / booksum) - z) / (2 * (1 - z)));
  const sum = (z: number) => shin(z).reduce((s, p) => s + p, 0);
  // Σp(z) decreases in z from √booksum ≥ 1 at z = 0; bisect on [0, 0.99].
  let lo = 0;
  let hi = 0.99;
  for (let i = 0; i < 100 && hi - lo > 1e-14; i++) {
    const mid = (lo + hi) / 2;
    if (sum(mid) > 1) lo = mid;
    else hi = mid;
  }
  const p = shin((lo + hi) / 2);
  const total = p[0]! + p[1]! + p[2]!;
  return { home: p[0]! / total, draw: p[1]! / total, away: p[2]! / total };
}
