import { brier, logLoss, predictedOutcome, rps } from "./scoring-rules.js";
import type { Outcome, Probs1x2 } from "./types.js";
import { outcomeOf } from "./types.js";

/** What the `validate_predictions` task stores for a predicted match once its result is known. */
export type PredictionValidation = {
  outcome: Outcome;
  /** True when the most probable outcome happened. */
  hit: boolean;
  rps: number;
  logLoss: number;
  brier: number;
};

/** Scores one prediction against the final score (home goals first). */
export function validatePrediction(
  probs: Probs1x2,
  homeGoals: number,
  awayGoals: number,
): PredictionValidation {
  const outcome = outcomeOf(homeGoals, awayGoals);
  return {
    outcome,
    hit: predictedOutcome(probs) === outcome,
    rps: rps(probs, outcome),
    logLoss: logLoss(probs, outcome),
    brier: brier(probs, outcome),
  };
}
