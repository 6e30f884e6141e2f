import type { Outcome, Probs1x2 } from "./types.js";

/** Probabilities below this are clamped in `logLoss`, so a confident miss costs ≈ 34.5, not ∞. */
export const LOG_LOSS_FLOOR = 1e-15;

/**
 * Ranked probability score for the ordered outcomes (home, draw, away):
 * ((P_H − O_H)² + (P_H + P_D − O_H − O_D)²) / 2. 0 for a perfect forecast, 1 for (0, 0, 1) on a
 * home win (the worst). Lower is better; it rewards putting mass near the true outcome.
 */
export function rps(probs: Probs1x2, outcome: Outcome): number {
  const oH = outcome === "home" ? 1 : 0;
  const oD = outcome === "draw" ? 1 : 0;
  const c1 = probs.home - oH;
  const c2 = probs.home + probs.draw - oH - oD;
  return (c1 * c1 + c2 * c2) / 2;
}

/** Natural-log loss −ln P(observed outcome), with P clamped to `LOG_LOSS_FLOOR`. */
export function logLoss(probs: Probs1x2, outcome: Outcome): number {
  return -Math.log(Math.max(probs[outcome], LOG_LOSS_FLOOR));
}

/** Multi-class Brier score Σ_k (P_k − O_k)² over home, draw, away: 0 (perfect) to 2 (worst). */
export function brier(probs: Probs1x2, outcome: Outcome): number {
  const dH = probs.home - (outcome === "home" ? 1 : 0);
  const dD = probs.draw - (outcome === "draw" ? 1 : 0);
  const dA = probs.away - (outcome === "away" ? 1 : 0);
  return dH * dH + dD * dD + dA * dA;
}

/** The outcome with the highest probability (ties resolved home, then draw, then away). */
export function predictedOutcome(probs: Probs1x2): Outcome {
  if (probs.home >= probs.draw && probs.home >= probs.away) return "home";
  return probs.draw >= probs.away ? "draw" : "away";
}
